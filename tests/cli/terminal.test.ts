/**
 * What the terminal shows of hostile or awkward scenario files: control codes made visible, text
 * re-wrapped to 80 columns without a terminal, one line for a file that is not a scenario, and a
 * watch mode that re-runs on save and stops cleanly on Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from '../helpers.ts';
import { coach, flat, projectRoot } from './run-coach.ts';

const tempFolder = temporaryFolders('coach-terminal-');

const hostile = `---
title: "Meeting \\e]0;pwned\\a\\e[31mSam"
summary: S.
persona:
  name: Sam
---

Sam comes in \u001b[5mlate\u0007 and sits down by the window, where the light falls across the table
and the chairs, and says nothing for a while. The introduction is written as one paragraph over
three lines, as trainers' editors wrap it.

## a

**Sam:** Hi \u001b]52;c;aGk=\u0007 there.

- **Affirm:** "You came \u009b31m." -> good
  - feedback: f\u001b[0m

## good

**Outcome:** positive

Done\u0007.
`;
const rawControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('control codes in a scenario file', () => {
  const dir = tempFolder({ 'hostile.md': hostile });
  const file = join(dir, 'hostile.md');
  const env = { COACH_SCENARIOS_DIR: dir };

  it('are shown, not obeyed, by run, play, list, lint, test and graph', () => {
    const outputs = [
      coach(['run', file, '--choose', '1']),
      coach(['play', file], { input: '1\n' }),
      coach(['list'], { env }),
      coach(['lint', file]),
      coach(['test', file]),
      coach(['graph', file]),
      coach(['graph', file, '--format', 'dot']),
    ];
    for (const output of outputs) {
      expect(output.stdout.replace(/\n/g, '')).not.toMatch(rawControls);
      expect(output.stderr.replace(/\n/g, '')).not.toMatch(rawControls);
    }
    expect(outputs[0]!.stdout).toContain('Sam: Hi ␛]52;c;aGk=␇ there.');
    expect(outputs[0]!.stdout).toContain('You (Affirm): “You came \\x9b31m.”');
    expect(outputs[2]!.stdout).toContain('Meeting ␛]0;pwned␇␛[31mSam');
  });

  it('stay valid, harmless JSON with --json', () => {
    for (const args of [['run', file, '--choose', '1', '--json'], ['lint', file, '--json'], ['list', '--json']]) {
      const { stdout } = coach(args, { env });
      expect(() => JSON.parse(stdout)).not.toThrow();
      expect(stdout.replace(/\n/g, '')).not.toMatch(rawControls);
    }
    expect(JSON.parse(coach(['run', file, '--choose', '1', '--json']).stdout).choices[0].says).toBe('You came \u009b31m.');
  });
});

describe('text for an 80-column terminal', () => {
  it('re-wraps the introduction and fits the score table to 80 columns without a terminal', () => {
    const result = coach(['run', join(tempFolder({ 'wrapped.md': hostile }), 'wrapped.md'), '--choose', '1']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.filter((line) => [...line].length > 80)).toEqual([]);
    expect(result.stdout).toContain('the table and the chairs, and says nothing for a while. The introduction is\nwritten as one paragraph over three lines');
    expect(flat(result.stdout)).toContain('Reflection-to-question ratio (R:Q) No questions or reflections were 1:1 2:1 picked, so there is no ratio.');
  });

  it('wraps lint reasons under a hanging indent instead of padding columns', () => {
    const dir = tempFolder({ 'broken.md': hostile.replace('**Affirm:**', '**Reflective listening:**') });
    const { stdout } = coach(['lint', dir]);
    const lines = stdout.split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    const start = lines.findIndex((line) => line.includes('Unexpected behaviour code'));
    expect(lines.slice(start, start + 3)).toEqual([
      '  16:3-16:28  error    Unexpected behaviour code `Reflective listening`,',
      '                       expected one of the twelve codes: `Open question`,',
      '                       `Closed question`, `Simple reflection`,',
    ]);
  });
});

describe('files that are plainly not scenarios', () => {
  it('say so in one line: /etc/passwd, an empty file, a UTF-16 file', () => {
    const dir = tempFolder({
      'empty.md': '',
      'utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hostile, 'utf16le')]),
    });
    const passwd = coach(['lint', '/etc/passwd']);
    expect(passwd.status).toBe(1);
    expect(passwd.stdout).toBe(
      '/etc/passwd\n  1:1  error    Unexpected file that is not a scenario: it has neither front\n' +
        '                matter (`---` on its first line) nor nodes (`## ` headings),\n' +
        '                expected a scenario file (`coach new my-scenario` starts one)\n' +
        '                [not-a-scenario]\n\n1 scenario: 0 passed, 1 failed\n',
    );
    const { stdout } = coach(['lint', dir]);
    expect(flat(stdout)).toContain('empty.md 1:1 error Unexpected empty file, expected a scenario file (`coach new my-scenario` starts one) [not-a-scenario]');
    expect(flat(stdout)).toContain('utf16.md 1:1 error Unexpected file saved as UTF-16, expected UTF-8: open it in your editor, choose Save As, and pick UTF-8 as the encoding [unreadable-file]');
  });
});

describe('names that are also object keys', () => {
  it('plays a scenario named constructor.md', () => {
    const dir = tempFolder({ 'constructor.md': hostile.replace('## a', '## toString').replace('-> good', '-> constructor').replace('## good', '## constructor') });
    const result = coach(['play', 'constructor'], { input: '1\n', env: { COACH_SCENARIOS_DIR: dir } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Outcome: positive');
  });
});

describe('coach test --watch', () => {
  it('checks again when a scenario is saved, and Ctrl+C ends it with success', async () => {
    const dir = tempFolder({ 'watched.md': hostile });
    const child = spawn(process.execPath, [join(projectRoot, 'bin/coach.cjs'), 'test', '--watch', dir], { env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const until = async (test: () => boolean) => {
      for (let waited = 0; !test() && waited < 15_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const runs = () => output.split('press Ctrl+C to stop').length - 1;
    await until(() => runs() === 1);
    writeFileSync(join(dir, 'watched.md'), hostile.replace('**Affirm:**', '**Afirm:**'));
    await until(() => runs() === 2);
    expect(flat(output.split('press Ctrl+C to stop')[1]!)).toMatch(/did you mean `Affirm`\?/);
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
