import { describe, expect, test } from 'vitest';
import { coach, flat } from './run-coach.ts';

describe('coach code', () => {
  test('codes one reply, with the reason and what to try', () => {
    const result = coach(['code', 'you should really go back to the group', '--person', 'Jordan']);
    expect(result.status).toBe(0);
    expect(flat(result.stdout)).toContain('Persuade (MI non-adherent, confidence 0.99) It tells Jordan what to do without asking first ("you should"): advice without permission counts as Persuade.');
    expect(flat(result.stdout)).toContain('Try: You told Jordan what to do. What might you reflect first, or ask before offering advice?');
  });

  test('--json gives the code, its group, a confidence between 0 and 1 and the reason', () => {
    const result = coach(['code', 'so work has been hard. what keeps you going?', '--context', "Work's been a nightmare.", '--json']);
    expect(result.status).toBe(0);
    const coded = JSON.parse(result.stdout);
    expect(coded).toMatchObject({ code: 'Open question', group: 'question', decidedBy: 'rule', part: { index: 1, of: 2, text: 'what keeps you going?' } });
    expect(coded.confidence).toBeGreaterThan(0);
    expect(coded.confidence).toBeLessThanOrEqual(1);
  });

  test('--jsonl answers each line in order, one JSON line each, and names a line it cannot read', () => {
    const input = ['{"text": "ok"}', '{"text": "it\'s up to you", "context": "I don\'t know if I want to go."}', 'not json', '{"context": "no text"}', ''].join('\n');
    const result = coach(['code', '--jsonl'], { input });
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.code ?? `error at ${line.line}`)).toEqual(['none', 'Emphasizing autonomy', 'error at 3', 'error at 4']);
    expect(lines[1].group).toBe('MI-adherent');
    expect(result.stderr).toContain('coach code: standard input, line 3: not JSON');
    expect(result.stderr).toContain('line 4: expected "text" to be a string, as in {"text": "what would help?"}');
  });

  test('without a reply, --jsonl or --evaluate it is a usage error', () => {
    const result = coach(['code']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('coach code: give one reply in quotes, or --jsonl with lines on standard input, or --evaluate');
  });

  test('--evaluate of a folder that does not exist is a usage error that says what to give', () => {
    const result = coach(['code', '--evaluate', 'no-such-folder']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot find the folder `no-such-folder`');
  });

  test('--evaluate prints agreement leaving one scenario out and on the held-out replies', () => {
    const result = coach(['code', '--evaluate']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Leave one scenario out \(\d+ scenarios, \d+ written choices; trained on the rest each time\)/);
    expect(result.stdout).toMatch(/codes: +accuracy \d+%, κ \d\.\d\d/);
    expect(result.stdout).toContain('coder A with coder B');
    expect(result.stdout).toContain('confusion (rows: written code; columns: coded as)');
  }, 120_000);
});
