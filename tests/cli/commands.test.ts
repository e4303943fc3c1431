/** Every command as a subprocess, the way scripts and CI use them (CI=true, no terminal). */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, temporaryFolders } from '../helpers.ts';
import { generateScenario } from '../../scripts/bench/generate-scenario.mjs';
import { coach as coachIn, flat, projectRoot } from './run-coach.ts';

/** These tests play a frozen copy of an early scenario, so they do not change when the library does. */
const library = fixturePath('../library');
const coach: typeof coachIn = (args, options = {}) => coachIn(args, { ...options, env: { COACH_SCENARIOS_DIR: library, ...options.env } });
const jordan = 'first-conversation-with-jordan';
const tempFolder = temporaryFolders('coach-');

describe('coach play without a terminal', () => {
  it('prints plain text, goes past the content notes, reads one number per line and prints the debrief', () => {
    const result = coach(['play', jordan], { input: '2\n2\n1\n' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\u001B\[/);
    expect(result.stdout).toContain('Content notes\n- recent hospital stay\n(Content notes shown; going on.)');
    expect(result.stdout).toContain('What do you say?\n  1. “Coming here wasn\'t really your idea.”\n  2. “Coaching helps a lot of people. I think you\'ll find it useful.”');
    expect(result.stdout).toContain('You (Persuade): “Coaching helps a lot of people. I think you\'ll find it useful.”\nFeedback: Selling coaching before hearing Jordan\'s view tends to invite push-back.');
    // pushback -> Confront -> leaves-early (negative)
    expect(result.stdout).toContain('Outcome: negative');
    expect(result.stdout).toMatch(/Total MI non-adherent +2/);
  });

  it('exits 1 with one line when the input ends before an ending', () => {
    const result = coach(['play', jordan], { input: '1\n' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('coach: input ended at node `not-my-idea` before an ending; send one choice number per line\n');
  });

  it('exits 1 with one line for a number that is not offered', () => {
    const result = coach(['play', jordan], { input: '4\n' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('coach: line 1: `4` is not a choice here; send a number from 1 to 3\n');
  });

  it('saves the transcript with --transcript', () => {
    const file = join(tempFolder(), 'run.md');
    const result = coach(['play', jordan, '--transcript', file], { input: '1\n1\n1\n' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Transcript saved to ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('## Persona');
    expect(text).toContain('**Jordan:** Honestly, I don\'t know why I\'m here. My case manager thinks I need a coach.');
    expect(text).toContain('> Feedback: A specific affirmation of a real strength, not generic praise.');
    expect(text).toContain('| Reflection-to-question ratio (R:Q) | 1:1 (1 reflection, 1 question) | 1:1 | 2:1 |');
    expect(text).toContain('_With 3 coded choices, far fewer than a 20-minute conversation holds, the figures are shown without a fair or good rating: read them as a rough guide._');
  });
});

describe('coach run', () => {
  it('plays by choice numbers and prints the whole run as JSON, figures worked by hand', () => {
    // opening: 3 Open question -> referral; referral: 1 Simple reflection -> check-in (rapport 1 -> stays-guarded);
    // stays-guarded: 1 Emphasizing autonomy -> maybe-later.
    const result = coach(['run', jordan, '--choose', '3,1,1', '--json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.nodesVisited).toEqual(['opening', 'referral', 'check-in', 'stays-guarded', 'maybe-later']);
    expect(json.choices.map((c: { code: string }) => c.code)).toEqual(['Open question', 'Simple reflection', 'Emphasizing autonomy']);
    expect(json.choices[1]).toEqual({ node: 'referral', index: 0, code: 'Simple reflection', says: 'You\'re not sure what \'on track\' means.', feedback: 'A simple reflection keeps the door open without adding pressure.', target: 'check-in' });
    expect(json.variables).toEqual({ rapport: 1 });
    expect(json.ending).toEqual({ id: 'maybe-later', outcome: 'mixed' });
    expect(json.summary).toMatchObject({ questions: 1, reflections: 1, complexReflections: 0, reflectionToQuestion: 1, percentComplexReflections: 0, miAdherent: 1, miNonAdherent: 0 });
  });

  it('gives the percentage of complex reflections from 0 to 100', () => {
    // opening: Complex reflection; not-my-idea: Open question; what-matters: Affirm -> agrees-to-meet.
    const json = JSON.parse(coach(['run', jordan, '--choose', '1,1,1', '--json']).stdout);
    expect(json.summary).toMatchObject({ questions: 1, reflections: 1, complexReflections: 1, reflectionToQuestion: 1, percentComplexReflections: 100, miAdherent: 1, miNonAdherent: 0 });
    expect(json.ending).toEqual({ id: 'agrees-to-meet', outcome: 'positive' });
    expect(json.variables).toEqual({ rapport: 4 });
  });

  it('walks a path, leaving route nodes out', () => {
    const result = coach(['run', fixturePath('every-feature.md'), '--path', 'hello,lectures,maybe', '--json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ nodesVisited: ['hello', 'lectures', 'gate', 'maybe'], ending: { id: 'maybe', outcome: 'mixed' }, variables: { trust: 0, readiness: 2 } });
  });

  it('names the step and what was offered when a choice is not offered', () => {
    const result = coach(['run', jordan, '--choose', '2,3']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'coach: step 2: choice 3 is not offered at node `pushback`; offered: 1. Emphasizing autonomy: “You get to decide whether this is useful. Nothing happens here unless you want it to.”; 2. Confront: “Well, your case manager is worried about you, and so am I.”\n',
    );
  });

  it('says when the choices run out before an ending', () => {
    const result = coach(['run', jordan, '--choose', '1']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('You (Complex reflection)');
    expect(result.stderr).toBe('coach: the run stopped at `not-my-idea` before an ending; add more choices to reach one\n');
  });

  it('treats a bad --choose, a missing mode, and an unknown scenario as usage errors', () => {
    expect(coach(['run', jordan, '--choose', '1,two'])).toMatchObject({ status: 2, stderr: 'coach: --choose takes whole numbers from 1, separated by commas (such as 1,3,2); `two` is not one\n' });
    expect(coach(['run', jordan]).status).toBe(2);
    expect(coach(['run', 'jordan', '--choose', '1'])).toMatchObject({
      status: 2,
      stderr: 'coach: no scenario `jordan`: it is neither a file nor the id of a scenario in scenarios/; did you mean `first-conversation-with-jordan`? (`coach list` shows them all)\n',
    });
  });
});

describe('coach list, graph and new', () => {
  it('lists every scenario with its level, minutes, nodes and endings', () => {
    const result = coach(['list']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${jordan}\n  A first conversation with Jordan\n  beginner · 10 min · 10 nodes · endings: 1 positive, 1 mixed, 1 negative\n`);
    const json = JSON.parse(coach(['list', '--json']).stdout);
    expect(json.scenarios).toContainEqual({ id: jordan, ok: true, title: 'A first conversation with Jordan', level: 'beginner', minutes: 10, nodes: 10, endings: { positive: 1, mixed: 1, negative: 1 } });
  });

  it('draws a scenario as Mermaid, with codes, conditions and outcomes', () => {
    const result = coach(['graph', fixturePath('every-feature.md')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('flowchart TD\n  start((start)) --> hello\n');
    expect(result.stdout).toContain('  hello -->|"Simple reflection · trust +1, readiness -1"| listens');
    expect(result.stdout).toContain('  hello -->|"Closed question · if trust >= 5 or readiness == 9 and trust < 0"| maybe');
    expect(result.stdout).toContain('  gate -->|"if trust >= 1 and readiness >= 3"| plan');
    expect(result.stdout).toContain('  gate -->|"otherwise"| walk-out');
    expect(result.stdout).toContain('  plan(["Plan (positive)"])');
    expect(result.stdout).toContain('  class walk-out negative');
  });

  it('draws a scenario as DOT', () => {
    const result = coach(['graph', jordan, '--format', 'dot']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^digraph "first-conversation-with-jordan" \{/);
    expect(result.stdout).toContain('"check-in" [label="Check-in", shape=diamond];');
    expect(result.stdout).toContain('"opening" -> "pushback" [label="Persuade · rapport -1"];');
    expect(coach(['graph', jordan, '--format', 'png'])).toMatchObject({ status: 2 });
  });

  it('writes a new scenario that passes coach test at once, and refuses a bad id or an existing file', () => {
    const folder = tempFolder();
    const made = coach(['new', 'meeting-alex', '--folder', folder]);
    expect(made.status).toBe(0);
    expect(existsSync(join(folder, 'meeting-alex.md'))).toBe(true);
    expect(readFileSync(join(folder, 'meeting-alex.md'), 'utf8')).toContain('\ntitle: Meeting Alex\n');
    const tested = coach(['test', join(folder, 'meeting-alex.md')]);
    expect(tested.stdout).toContain('no issues found');
    expect(flat(tested.stdout)).toContain('7 of 7 transitions exercised · 3 of 3 endings reached');
    expect(tested.status).toBe(0);
    expect(coach(['new', 'meeting-alex', '--folder', folder]).status).toBe(2);
    expect(coach(['new', 'Meeting Alex', '--folder', folder])).toMatchObject({ status: 2, stderr: 'coach: `Meeting Alex` cannot be a scenario id: use lower-case letters, digits and hyphens, such as `meeting-alex`\n' });
  });
});

describe('output into a pipe that closes early', () => {
  it('stops quietly when the reader has seen enough, as `coach graph … | head` does', () => {
    const file = join(tempFolder(), 'long.md');
    writeFileSync(file, generateScenario(1000)); // its graph is far more than a pipe holds
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" bin/coach.cjs graph "${file}" | head -c 20`], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(result.stdout).toMatch(/^flowchart TD\n/);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('help', () => {
  for (const command of ['play', 'run', 'list', 'lint', 'test', 'graph', 'new']) {
    it(`coach ${command} --help explains the command with examples`, () => {
      const result = coach([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: coach ${command}`);
      expect(result.stdout).toContain('Examples:');
    });
  }

  it('loads neither Ink nor React for --help: the entry imports only Node built-ins (commander is bundled in)', () => {
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(projectRoot, 'build/cli', file), 'utf8');
      for (const [, name] of code.matchAll(/^import\s[^;]*?from\s+["']([^"']+)["']/gm)) {
        if (name!.startsWith('./')) visit(name!.slice(2));
        else packages.add(name!);
      }
    };
    visit('coach.js');
    expect([...packages].filter((name) => !name.startsWith('node:'))).toEqual([]);
  });
});
