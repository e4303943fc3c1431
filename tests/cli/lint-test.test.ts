import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, temporaryFolders } from '../helpers.ts';
import { coach, flat } from './run-coach.ts';


const tempFolder = temporaryFolders('coach-');

const valid = `---\ntitle: T\nsummary: S.\npersona:\n  name: Sam\n---\n\n## start\n\n**Sam:** Hi.\n\n- **Open question:** "How are you?" -> good\n  - feedback: Open.\n\n## good\n\n**Outcome:** positive\n\nDone.\n`;

/** A sound scenario whose good move (the reflection) can only end badly: a teaching warning. */
const teachesBadly = `---\ntitle: T\nsummary: S.\npersona:\n  name: Sam\n---\n\n## start\n\n- **Complex reflection:** "Coming wasn't your idea." -> bad\n  - feedback: A guess at the unsaid.\n- **Open question:** "What brings you?" -> good\n  - feedback: Open.\n\n## good\n\n**Outcome:** positive\n\nDone.\n\n## bad\n\n**Outcome:** negative\n\nGone.\n`;

describe('coach test --strict', () => {
  it('passes a teaching warning without --strict, and fails it with --strict, at its line', () => {
    const dir = tempFolder({ 'teaches-badly.md': teachesBadly });
    const relaxed = coach(['test', dir]);
    expect(relaxed.status).toBe(0);
    expect(flat(relaxed.stdout)).toMatch(/10:1-11:37 +warning +Unexpected dead end after a good move: after this Complex reflection in node `start` no positive ending can be reached, only `bad` \(negative\)/);
    const strict = coach(['test', '--strict', dir]);
    expect(strict.status).toBe(1);
    expect(strict.stdout.trimEnd().split('\n').at(-1)).toBe('1 scenario: 0 passed, 1 failed (--strict: warnings count as failures)');
    expect(JSON.parse(coach(['lint', '--strict', '--json', dir]).stdout).files[0].ok).toBe(false);
  });

  it('passes the project\'s own scenarios', () => {
    const result = coach(['test', '--strict']);
    expect(result.stdout).toMatch(/\d+ scenarios?: \d+ passed, 0 failed\n$/);
    expect(result.status).toBe(0);
  });
});

describe('coach lint', () => {
  it('passes the project\'s own scenarios', () => {
    const result = coach(['lint']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/\d+ scenarios?: \d+ passed, 0 failed\n$/);
    expect(result.status).toBe(0);
  });

  it('reports every problem in every file with file, line and column, and exits 1', () => {
    const dir = tempFolder({
      'ok.md': valid,
      'broken.md': valid.replace('-> good', '-> godo').replace('Open question', 'Open questoin'),
    });
    const result = coach(['lint', dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${join(dir, 'broken.md')}\n`);
    expect(flat(result.stdout)).toMatch(/12:3-12:21 +error +Unexpected behaviour code `Open questoin`, expected one of the twelve codes: .*; did you mean `Open question`\?/);
    expect(flat(result.stdout)).toMatch(/12:40-12:44 +error +Unexpected target `godo`, expected the id of a node in this file; did you mean `good`\?/);
    expect(result.stdout).toContain(`${join(dir, 'ok.md')}: no issues found`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('2 scenarios: 1 passed, 1 failed');
  });

  it('prints JSON for machines', () => {
    const dir = tempFolder({ 'broken.md': valid.replace('-> good', '-> godo') });
    const result = coach(['lint', dir, '--json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.summary).toEqual({ scenarios: 1, passed: 0, failed: 1 });
    expect(json.files[0].messages).toContainEqual({
      line: 12, column: 40, endLine: 12, endColumn: 44, severity: 'error',
      reason: 'Unexpected target `godo`, expected the id of a node in this file; did you mean `good`?',
      ruleId: 'unknown-target', expected: ['good'],
    });
  });

  it('gives one line and exit 2 for a path that does not exist', () => {
    const result = coach(['lint', 'no/such/place.md']);
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: 'coach: cannot find `no/such/place.md`: no such file or folder\n' });
  });

  it('gives one line and exit 2 for a folder with no scenarios', () => {
    const dir = tempFolder({ 'notes.txt': 'hello' });
    const result = coach(['lint', dir]);
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: `coach: no scenarios in \`${dir}\`: it has no \`.md\` files\n` });
  });

  it('reports binary, enormous, badly named and broken-YAML files without a stack trace', () => {
    const dir = tempFolder({
      'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'huge.md': 'x'.repeat(1024 * 1024 + 1),
      'My Scenario.md': valid,
      'yaml.md': '---\ntitle: "unclosed\n---\n\n## a\n',
    });
    const result = coach(['lint', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(flat(result.stdout)).toMatch(/1:5 +error +Unexpected binary data \(a NUL byte\), expected a Markdown text file/);
    expect(flat(result.stdout)).toMatch(/1:1 +error +Unexpected file of 1\.0 MB, expected a scenario under 1 MB/);
    expect(flat(result.stdout)).toMatch(/1:1 +error +Unexpected file name `My Scenario\.md`.*such as `my-scenario\.md`/);
    expect(flat(result.stdout)).toMatch(/Unexpected YAML in the front matter/);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });

  it('reports a stray NUL byte or a byte that is not UTF-8 at its line and column', () => {
    const dir = tempFolder({
      'nul.md': Buffer.concat([Buffer.from(`${valid.split('\n').slice(0, 3).join('\n')}\nsé`), Buffer.from([0x00]), Buffer.from('\n')]),
      'latin1.md': Buffer.concat([Buffer.from('---\ntitle: Caf\u00e9 '), Buffer.from([0xe9]), Buffer.from('\n---\n')]),
    });
    const result = coach(['lint', dir]);
    expect(flat(result.stdout)).toMatch(/latin1\.md 2:13 +error +Unexpected text that is not UTF-8/);
    expect(flat(result.stdout)).toMatch(/nul\.md 4:3 +error +Unexpected binary data \(a NUL byte\)/);
  });
});

describe('coach test', () => {
  it('walks checks and prints a coverage line per scenario, then a summary', () => {
    const result = coach(['test', fixturePath('every-feature.md')]);
    expect(flat(result.stdout)).toContain('coverage: 7 reachable states · 10 of 11 transitions exercised · 3 of 3 endings reached · 4 paths to an ending · 3 of 3 checks passed');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 scenario: 1 passed, 0 failed');
    expect(result.status).toBe(0);
  });

  it('fails when a check fails, naming the check and the node', () => {
    const dir = tempFolder({ 'walk.md': valid.replace('---\n\n', 'checks:\n  - path: [start, good]\n    outcome: negative\n---\n\n') });
    const result = coach(['test', dir]);
    expect(result.status).toBe(1);
    expect(flat(result.stdout)).toMatch(/7:5-8:22 +error +Check 1 fails: expected a negative outcome, but the ending `good` is positive/);
    expect(flat(result.stdout)).toContain('0 of 1 checks passed');
  });

  it('says when a scenario has no checks written, rather than that none of none passed', () => {
    const result = coach(['test', tempFolder({ 'plain.md': valid })]);
    expect(flat(result.stdout)).toContain('1 path to an ending · no checks written');
  });

  it('reports coverage as JSON', () => {
    const json = JSON.parse(coach(['test', fixturePath('every-feature.md'), '--json']).stdout);
    expect(json.files[0].coverage).toMatchObject({ states: 7, transitions: { exercised: 10, total: 11 }, endings: { reached: ['plan', 'maybe', 'walk-out'], total: 3 }, pathsToEnding: 4 });
    expect(json.files[0].checks).toEqual({ total: 3, failed: 0 });
  });
});

describe('usage errors', () => {
  it('suggests the closest command and exits 2', () => {
    const result = coach(['lnt']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("coach: unknown command 'lnt'");
    expect(result.stderr).toContain('(Did you mean lint?)');
  });

  it('suggests the closest option and exits 2', () => {
    const result = coach(['lint', '--jsn']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("coach: unknown option '--jsn'");
    expect(result.stderr).toContain('(Did you mean --json?)');
  });

  it('documents exit codes in the help, and exits 0', () => {
    const result = coach(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2  usage error');
  });
});
