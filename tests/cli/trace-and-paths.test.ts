/** `coach run --trace`, `coach paths`, a failing check's walk, and the course's vocabulary file, as subprocesses. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath, temporaryFolders } from '../helpers.ts';
import { coach as coachIn } from './run-coach.ts';

/** A frozen copy of an early scenario, so these tests do not change when the library does. */
const library = fixturePath('../library');
const coach: typeof coachIn = (args, options = {}) => coachIn(args, { ...options, env: { COACH_SCENARIOS_DIR: library, ...options.env } });
const jordan = 'first-conversation-with-jordan';
const tempFolder = temporaryFolders('coach-trace-');

describe('coach run --trace', () => {
  it('prints the variables after every step, and the route each route node took and why, under the choice that led there', () => {
    const result = coach(['run', jordan, '--choose', '1,2,1,1', '--trace']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Content notes\n- recent hospital stay\n\n[trace] Start at `opening`, with rapport = 1.\n(Jordan sits near the door');
    expect(result.stdout).toContain(
      'Feedback: A simple reflection keeps the door open without adding pressure.\n' +
        '[trace] 3. At `referral`, took choice 1 of 2, Simple reflection: “You\'re not\n' +
        '        sure what \'on track\' means.” → `check-in`.\n' +
        '[trace] Route node `check-in` went on to `what-matters`, as `rapport >= 2` holds\n' +
        '        (rapport = 2).\n' +
        '[trace] Now at `what-matters`, with rapport = 2.\n',
    );
    expect(result.stdout).toContain('[trace] Ended at `agrees-to-meet` (positive), with rapport = 3 (was 2).\n');
    expect(coach(['run', jordan, '--choose', '1,2,1,1']).stdout).not.toContain('[trace]');
  });

  it('carries the same trace in --json, one entry per step', () => {
    const json = JSON.parse(coach(['run', jordan, '--choose', '1,2,1,1', '--json']).stdout);
    expect(json.trace).toHaveLength(5);
    expect(json.trace[3]).toEqual({
      step: 3,
      choice: { node: 'referral', number: 1, offered: 2, index: 0, code: 'Simple reflection', says: 'You\'re not sure what \'on track\' means.', target: 'check-in', effects: '' },
      routes: [{ node: 'check-in', index: 0, target: 'what-matters', tried: [{ index: 0, target: 'what-matters', condition: 'rapport >= 2', holds: true, values: { rapport: 2 }, explained: '`rapport >= 2` holds (rapport = 2)' }] }],
      node: 'what-matters',
      variables: { rapport: 2 },
      changed: [],
    });
    expect(json.trace[4]).toMatchObject({ ending: { id: 'agrees-to-meet', outcome: 'positive' }, changed: [{ variable: 'rapport', from: 2, to: 3 }] });
  });

  it('takes a named choice in --path, as a check does', () => {
    const json = JSON.parse(coach(['run', jordan, '--path', 'opening,not-my-idea:2,referral,what-matters:2,agrees-to-meet', '--json']).stdout);
    expect(json.choices.map((choice: { code: string }) => choice.code)).toEqual(['Complex reflection', 'Giving information', 'Simple reflection', 'Seeking collaboration']);
  });
});

describe('coach paths', () => {
  it('lists the ways to an ending, with what every run shares and where runs differ, and says how it grouped and where it stopped', () => {
    const result = coach(['paths', jordan, '--ending', 'agrees-to-meet']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Paths to the ending `agrees-to-meet` of `first-conversation-with-jordan`',
        '',
        'Runs that pass the same nodes in the same order are one way. For each ending, up',
        'to 10 ways are listed, found by looking through at most 10,000 runs (fewer where',
        'runs are long), each going round a loop at most once. What every run shares, and',
        'what only some runs do, is worked out over every run, listed or not.',
        '',
        '## agrees-to-meet (positive)',
        '4 runs reach this ending, in 2 ways through the nodes.',
        'Every run that ends here:',
        '  passes `opening`, `not-my-idea`, `what-matters`, `agrees-to-meet`',
        '  picks Complex reflection (at least once)',
        '  picks at `opening`: 1. Complex reflection “Coming here wasn\'t really your',
        '    idea.”',
        '  ends with rapport from 3 to 4',
        'Only some runs that end here:',
        '  pass `referral` (way 2), `check-in` (way 2)',
        '  pick Open question (in way 1), Simple reflection (in way 2), Affirm (in ways 1',
        '    and 2), Seeking collaboration (in ways 1 and 2), Giving information (in way',
        '    2)',
        'Way 1 (2 runs): `opening` → `not-my-idea` → `what-matters` → `agrees-to-meet`',
        '  at `opening`: 1. Complex reflection “Coming here wasn\'t really your idea.”',
        '  at `not-my-idea`: 1. Open question “What would getting back to normal look',
        '    like for you?”',
        '  at `what-matters`: 1. Affirm “People trusted you with their computers. That\'s',
        '    a real…” or 2. Seeking collaboration “Would it help to think together about',
        '    ways back into that…”',
        '  ends with rapport = 4',
        'Way 2 (2 runs): `opening` → `not-my-idea` → `referral` → `check-in` →',
        '  `what-matters` → `agrees-to-meet`',
        '  at `opening`: 1. Complex reflection “Coming here wasn\'t really your idea.”',
        '  at `not-my-idea`: 2. Giving information “A coach can help you make a plan for',
        '    that.”',
        '  at `referral`: 1. Simple reflection “You\'re not sure what \'on track\' means.”',
        '  at `what-matters`: 1. Affirm “People trusted you with their computers. That\'s',
        '    a real…” or 2. Seeking collaboration “Would it help to think together about',
        '    ways back into that…”',
        '  ends with rapport = 3',
        'Listed: both ways, from every run.',
        '',
      ].join('\n'),
    );
  });

  it('says where the listing stopped, and gives every ending as JSON', () => {
    expect(coach(['paths', jordan, '--ending', 'leaves-early', '--ways', '2']).stdout).toContain('5 runs reach this ending, in 4 ways through the nodes.');
    expect(coach(['paths', jordan, '--ending', 'leaves-early', '--ways', '2']).stdout).toContain('Listed: the first 2 of the 4 ways, from every run.\n');
    const json = JSON.parse(coach(['paths', jordan, '--json']).stdout);
    expect(json.endings.map((ending: { ending: { id: string }; runs: number; waysFound: number; complete: boolean }) => [ending.ending.id, ending.runs, ending.waysFound, ending.complete])).toEqual([
      ['agrees-to-meet', 4, 2, true],
      ['maybe-later', 4, 3, true],
      ['leaves-early', 5, 4, true],
    ]);
  });

  it('treats an unknown ending, a node that is no ending, and a bad --ways as usage errors', () => {
    expect(coach(['paths', jordan, '--ending', 'agrees'])).toMatchObject({ status: 2, stderr: 'coach: --ending: there is no node `agrees`; the endings are `agrees-to-meet`, `maybe-later`, `leaves-early`; did you mean `agrees-to-meet`?\n' });
    expect(coach(['paths', jordan, '--ending', 'check-in'])).toMatchObject({ status: 2, stderr: 'coach: --ending: `check-in` is not an ending (it has choices or routes); the endings are `agrees-to-meet`, `maybe-later`, `leaves-early`\n' });
    expect(coach(['paths', jordan, '--ways', '0'])).toMatchObject({ status: 2, stderr: 'coach: --ways takes a whole number from 1, such as 10; `0` is not one\n' });
  });

  it('explains itself in --help, with examples', () => {
    const result = coach(['paths', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: coach paths');
    expect(result.stdout).toContain('Examples:');
  });
});

describe('coach test and lint, for trainers', () => {
  it('shows a failing check\'s walk step by step under its message', () => {
    const folder = tempFolder();
    const file = join(folder, 'walk.md');
    writeFileSync(file, `---\ntitle: T\nsummary: S.\npersona:\n  name: Sam\nstate:\n  rapport: 0\nchecks:\n  - path: [a: 2, good]\n    outcome: positive\n---\n\n## a\n\n- **Affirm:** "You came." -> good\n  - feedback: f\n  - set: rapport +1\n- **Persuade:** "Come more." -> bad\n  - feedback: f\n\n## good\n\n**Outcome:** positive\n\nG.\n\n## bad\n\n**Outcome:** negative\n\nB.\n`);
    const result = coach(['test', file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '  9:18-9:22  error    Check 1 fails: the path expects `good` next, but the walk\n' +
        '                      is at `bad` [check-failed]\n' +
        '                      The walk, step by step:\n' +
        '                        Start at `a`, with rapport = 0.\n' +
        '                        1. At `a`, took choice 2 of 2, Persuade: “Come more.” →\n' +
        '                           `bad`. Named in the path.\n' +
        '                           Ended at `bad` (negative), with rapport = 0.\n',
    );
    const json = JSON.parse(coach(['test', file, '--json']).stdout);
    expect(json.files[0].messages.find((m: { ruleId: string }) => m.ruleId === 'check-failed').note).toBe(
      'The walk, step by step:\n  Start at `a`, with rapport = 0.\n  1. At `a`, took choice 2 of 2, Persuade: “Come more.” → `bad`. Named in the path.\n     Ended at `bad` (negative), with rapport = 0.',
    );
  });

  it('checks scenarios against the course\'s vocabulary file, and the file itself, with line and column', () => {
    const folder = tempFolder({
      'vocabulary.yaml': 'skills:\n  peer-led-groups: Running peer-led groups\n  Work Skills: Work skills\n',
      'uses-it.md': `---\ntitle: T\nsummary: S.\npersona:\n  name: Sam\nskills: [peer-led-groups, vocational-recovery]\n---\n\n## a\n\n- **Affirm:** "x" -> good\n  - feedback: f\n\n## good\n\n**Outcome:** positive\n\nG.\n`,
    });
    const result = coach(['lint'], { env: { COACH_SCENARIOS_DIR: folder } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${join(folder, 'vocabulary.yaml')}\n` +
        '  3:3-3:14  error    Unexpected skill id `Work Skills`, expected lower-case\n' +
        '                     letters, digits and hyphens, such as `work-skills` (the\n' +
        '                     label after the colon is what trainees see) [vocabulary]\n',
    );
    expect(result.stdout).toContain(`${join(folder, 'uses-it.md')}: no issues found`);
    expect(result.stdout).toContain(`1 scenario: 1 passed, 0 failed; \`${join(folder, 'vocabulary.yaml')}\` has problems\n`);
    writeFileSync(join(folder, 'vocabulary.yaml'), 'skills:\n  peer-led-groups: Running peer-led groups\n');
    expect(coach(['lint'], { env: { COACH_SCENARIOS_DIR: folder } })).toMatchObject({ status: 0 });
  });
});
