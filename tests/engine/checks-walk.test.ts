/**
 * Checks that say which way and why: a path may name the choice to take at a node, by its number
 * or its first words; a failing check says why in the trainer's terms and shows the walk step by
 * step, with the variables after each step and the route each route node took.
 */
import { describe, expect, it } from 'vitest';
import { goodEnding, lintText, problemsOf, scenario } from '../helpers.ts';

const choice = (code: string, target: string, extra = '') => `- **${code}:** "Words ${code}." -> ${target}\n  - feedback: f\n${extra}`;
// `a` has two choices to the route node `gate`: the first raises rapport (so `gate` goes on to `plan`), the third does not (so it goes on to `bad`).
const body = `## a\n\n${choice('Affirm', 'gate', '  - set: rapport +1\n')}${choice('Open question', 'good')}${choice('Persuade', 'gate')}${choice('Closed question', 'plan', '  - if: rapport >= 2\n')}\n## gate\n\n- -> plan if rapport >= 1\n- -> bad\n\n## plan\n\n**Outcome:** positive\n\nP.\n\n${goodEnding}\n## bad\n\n**Outcome:** negative\n\nB.\n`;
const withChecks = (...checks: string[]) => lintText(scenario(body, `checks:\n${checks.join('\n')}\n`));
/** Each failing check as a trainer reads it: the message, then its walk. */
const failures = (result: ReturnType<typeof lintText>) =>
  result.file.messages.filter((m) => m.ruleId === 'check-failed').map((m) => `${m.line}:${m.column} ${m.reason}\n${m.note}`);

describe('a path step that names the choice to take', () => {
  it('takes the choice named by its number in the node, or by its first words, whatever their quotes and capitals', () => {
    const result = withChecks(
      '  - path: [a: 3, bad]\n    outcome: negative',
      '  - path: [a: "words persuade", gate, bad]\n    ending: bad',
      '  - path:\n      - a: 1\n      - plan\n    outcome: positive',
    );
    expect(failures(result)).toEqual([]);
    expect(result.checks).toEqual({ total: 3, failed: 0 });
  });

  it('still takes the first offered choice in file order where none is named, as version 1 says', () => {
    // Choice 1 leads to `gate`, which goes on to `plan`; choice 3 would lead on to `bad`.
    expect(failures(withChecks('  - path: [a, gate, bad]\n    outcome: negative'))).toEqual([
      '9:15 Check 1 fails: the path expects `bad` next, but the walk is at `plan`: route node `gate` went on to `plan`, as `rapport >= 1` holds (rapport = 1)\n' +
        'The walk, step by step:\n' +
        '  Start at `a`, with rapport = 0.\n' +
        '  1. At `a`, took choice 1 of 3, Affirm: “Words Affirm.” → `gate`. The first of 2 offered choices that lead to `gate`; to take another, name it in the path, such as `a: 3`.\n' +
        '     Route node `gate` went on to `plan`, as `rapport >= 1` holds (rapport = 1).\n' +
        '     Ended at `plan` (positive), with rapport = 1 (was 0).',
    ]);
  });

  it('says where a named choice is wrong, at its place, listing the node\'s choices', () => {
    const result = withChecks(
      '  - path: [a: 7, good]\n    outcome: positive',
      '  - path: [a: "Nope", good]\n    outcome: positive',
      '  - path: [a: "Words", good]\n    outcome: positive',
      '  - path: [a, gate: 1, plan]\n    outcome: positive',
      '  - path: [a: 2, good: 1]\n    outcome: positive',
      '  - path: [nowhere: 1]\n    outcome: positive',
      '  - path: [a: , good]\n    outcome: positive',
    );
    expect(problemsOf(result)).toEqual([
      '9:15 error Unexpected choice 7 at `a`, expected a number from 1 to 4: `a` has 4 choices, counted in the file from 1, whether offered or not',
      '11:15 error Unexpected `Nope` for a choice at `a`, expected the first words of what the coach says in one of its choices, or the choice\'s number: 1. “Words Affirm.”, 2. “Words Open question.”, 3. “Words Persuade.”, 4. “Words Closed question.”',
      '13:15 error Unexpected `Words` for a choice at `a`: choices 1, 2, 3 and 4 all start so, expected more of their words, or the choice\'s number',
      '15:21 error Unexpected choice named at `gate`, a route node, whose routes choose the way on by their conditions, expected just the node id `gate`',
      '17:24 error Unexpected choice named at `good`, an ending, where the run stops, expected just the node id `good`',
      '19:12 error Unexpected node `nowhere`, expected the id of a node in this file',
      '21:15 error Unexpected empty choice at `a`, expected its number in the node or the first words of what the coach says, such as `a: 1`',
    ]);
  });

  it('fails, saying why, when the named choice is not offered there', () => {
    expect(failures(withChecks('  - path: [a: 4, plan]\n    outcome: positive'))).toEqual([
      '9:12 Check 1 fails: at `a`, choice 4 “Words Closed question.”, named in the path, is not offered, as `rapport >= 2` does not hold (rapport = 0)\n' +
        'The walk, step by step:\n' +
        '  Start at `a`, with rapport = 0.',
    ]);
  });
});

describe('a failing check says why', () => {
  it('shows every step with the choice taken, the variables after it, and each route taken with its condition\'s values', () => {
    expect(failures(withChecks('  - path: [a: 3, bad]\n    state: { rapport: ">= 1" }'))).toEqual([
      '9:5 Check 1 fails: expected `rapport >= 1` at the end, but rapport = 0\n' +
        'The walk, step by step:\n' +
        '  Start at `a`, with rapport = 0.\n' +
        '  1. At `a`, took choice 3 of 3, Persuade: “Words Persuade.” → `gate`. Named in the path.\n' +
        '     Route node `gate` went on to `bad`, its last route, as `rapport >= 1` does not hold (rapport = 0).\n' +
        '     Ended at `bad` (negative), with rapport = 0.',
    ]);
  });

  it('explains where a route node on the way went, and why, rather than reporting a dead end', () => {
    expect(failures(withChecks('  - path: [a: 3, plan]\n    outcome: positive'))).toEqual([
      '9:18 Check 1 fails: the path expects `plan` next, but the walk is at `bad`: route node `gate` went on to `bad`, its last route, as `rapport >= 1` does not hold (rapport = 0)\n' +
        'The walk, step by step:\n' +
        '  Start at `a`, with rapport = 0.\n' +
        '  1. At `a`, took choice 3 of 3, Persuade: “Words Persuade.” → `gate`. Named in the path.\n' +
        '     Route node `gate` went on to `bad`, its last route, as `rapport >= 1` does not hold (rapport = 0).\n' +
        '     Ended at `bad` (negative), with rapport = 0.',
    ]);
  });

  it('says where each choice leads, through route nodes, and why one that would lead there is not offered, when none leads to the next node', () => {
    // `gate`'s last route now goes to `lost`, a choice node, so no choice of `a` reaches `bad` at once.
    const lost = body.replace('## bad', '## lost\n\n- **Affirm:** "Lost." -> bad\n  - feedback: f\n\n## bad').replace('- -> bad\n', '- -> lost\n');
    expect(failures(lintText(scenario(lost, 'checks:\n  - path: [a, bad]\n    outcome: negative\n  - path: [a, plan]\n    outcome: positive\n')))).toEqual([
      '9:15 Check 1 fails: at `a`, no offered choice leads to `bad`: choice 1 “Words Affirm.” leads to `gate` (route node `gate` went on to `plan`, as `rapport >= 1` holds (rapport = 1)); choice 2 “Words Open question.” leads to `good`; choice 3 “Words Persuade.” leads to `gate` (route node `gate` went on to `lost`, its last route, as `rapport >= 1` does not hold (rapport = 0))\n' +
        'The walk, step by step:\n' +
        '  Start at `a`, with rapport = 0.',
    ]);
  });
});
