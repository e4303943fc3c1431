/**
 * The paths behind each ending: every distinct run, grouped by the nodes it passes, with what every
 * run shares and what only some do, checked against paths worked out by hand; the cap on the
 * listing; and the note where a debrief quotes a line that some run to it never shows.
 */
import { describe, expect, it } from 'vitest';
import { endingPaths } from '../../src/engine/paths.ts';
import { fixturePath, goodEnding, lintText, messagesOf, scenario } from '../helpers.ts';
import { readFileSync } from 'node:fs';

const jordan = lintText(readFileSync(fixturePath('../library/first-conversation-with-jordan.md'), 'utf8'), 'first-conversation-with-jordan.md');

describe('endingPaths', () => {
  it('finds the runs to an ending that a trainer works out by hand, grouped by the nodes they pass', () => {
    // By hand, from rapport 1: opening 1 (rapport 2) → not-my-idea 1 (3) → what-matters, whose two
    // choices both reach agrees-to-meet (4); or not-my-idea 2 (2) → referral 1 (2) → check-in, which
    // routes on to what-matters (rapport >= 2), and again two choices (3). Every other run ends elsewhere.
    const [paths] = endingPaths(jordan.scenario!, jordan.exploration!.stateGraph!, { ending: 'agrees-to-meet' });
    expect(paths).toEqual({
      ending: { id: 'agrees-to-meet', outcome: 'positive' },
      runs: 4n,
      shared: {
        nodes: ['opening', 'not-my-idea', 'what-matters', 'agrees-to-meet'],
        codes: ['Complex reflection'],
        choices: [{ node: 'opening', number: 1, code: 'Complex reflection', says: 'Coming here wasn\'t really your idea.' }],
        variables: { rapport: { min: 3, max: 4 } },
      },
      varying: {
        nodes: ['referral', 'check-in'],
        codes: ['Open question', 'Simple reflection', 'Affirm', 'Seeking collaboration', 'Giving information'],
        choices: [
          { node: 'not-my-idea', number: 1, code: 'Open question', says: 'What would getting back to normal look like for you?' },
          { node: 'not-my-idea', number: 2, code: 'Giving information', says: 'A coach can help you make a plan for that.' },
          { node: 'referral', number: 1, code: 'Simple reflection', says: 'You\'re not sure what \'on track\' means.' },
          { node: 'what-matters', number: 1, code: 'Affirm', says: 'People trusted you with their computers. That\'s a real skill.' },
          { node: 'what-matters', number: 2, code: 'Seeking collaboration', says: 'Would it help to think together about ways back into that kind of work?' },
        ],
      },
      ways: [
        {
          nodes: ['opening', 'not-my-idea', 'what-matters', 'agrees-to-meet'],
          steps: [
            { node: 'opening', choices: [{ node: 'opening', number: 1, code: 'Complex reflection', says: 'Coming here wasn\'t really your idea.' }] },
            { node: 'not-my-idea', choices: [{ node: 'not-my-idea', number: 1, code: 'Open question', says: 'What would getting back to normal look like for you?' }] },
            {
              node: 'what-matters',
              choices: [
                { node: 'what-matters', number: 1, code: 'Affirm', says: 'People trusted you with their computers. That\'s a real skill.' },
                { node: 'what-matters', number: 2, code: 'Seeking collaboration', says: 'Would it help to think together about ways back into that kind of work?' },
              ],
            },
          ],
          runs: 2,
          variables: { rapport: { min: 4, max: 4 } },
        },
        {
          nodes: ['opening', 'not-my-idea', 'referral', 'check-in', 'what-matters', 'agrees-to-meet'],
          steps: [
            { node: 'opening', choices: [{ node: 'opening', number: 1, code: 'Complex reflection', says: 'Coming here wasn\'t really your idea.' }] },
            { node: 'not-my-idea', choices: [{ node: 'not-my-idea', number: 2, code: 'Giving information', says: 'A coach can help you make a plan for that.' }] },
            { node: 'referral', choices: [{ node: 'referral', number: 1, code: 'Simple reflection', says: 'You\'re not sure what \'on track\' means.' }] },
            {
              node: 'what-matters',
              choices: [
                { node: 'what-matters', number: 1, code: 'Affirm', says: 'People trusted you with their computers. That\'s a real skill.' },
                { node: 'what-matters', number: 2, code: 'Seeking collaboration', says: 'Would it help to think together about ways back into that kind of work?' },
              ],
            },
          ],
          runs: 2,
          variables: { rapport: { min: 3, max: 3 } },
        },
      ],
      waysFound: 2,
      runsLookedAt: 4,
      complete: true,
    });
  });

  it('lists every ending a run reaches, in file order, and agrees with the count of all runs', () => {
    const all = endingPaths(jordan.scenario!, jordan.exploration!.stateGraph!);
    expect(all.map((paths) => [paths.ending.id, paths.runs, paths.waysFound])).toEqual([
      ['agrees-to-meet', 4n, 2],
      // By hand: four runs reach stays-guarded (by three ways), each going on to maybe-later or leaves-early; and one run confronts at pushback.
      ['maybe-later', 4n, 3],
      ['leaves-early', 5n, 4],
    ]);
    expect(all.reduce((sum, paths) => sum + (paths.runs as bigint), 0n)).toBe(jordan.exploration!.pathsToEnding);
  });

  it('stops listing at its cap and says so, while what every run shares is still worked out over every run', () => {
    const [capped] = endingPaths(jordan.scenario!, jordan.exploration!.stateGraph!, { ending: 'agrees-to-meet', maxRuns: 1, maxWays: 1 });
    expect([capped!.runsLookedAt, capped!.waysFound, capped!.ways.length, capped!.complete, capped!.runs]).toEqual([1, 1, 1, false, 4n]);
    expect(capped!.shared.nodes).toEqual(['opening', 'not-my-idea', 'what-matters', 'agrees-to-meet']);
    expect(capped!.varying.nodes).toEqual(['referral', 'check-in']);
  });

  it('counts the runs round a loop as endless, and lists each way going round at most once', () => {
    const looping = lintText(scenario(`## a\n\n- **Affirm:** "Again." -> a\n  - feedback: f\n- **Affirm:** "On." -> good\n  - feedback: f\n\n${goodEnding}`));
    const [paths] = endingPaths(looping.scenario!, looping.exploration!.stateGraph!);
    expect([paths!.runs, paths!.ways.map((way) => way.nodes), paths!.complete]).toEqual(['unbounded', [['a', 'good']], false]);
  });
});

describe('a debrief that quotes a line some run never shows', () => {
  // Sam says the line at `b`, which only the runs that affirm pass.
  const text = (debrief: string) =>
    scenario(
      `## a\n\n- **Affirm:** "You came." -> b\n  - feedback: f\n  - set: rapport +1\n- **Persuade:** "Try harder next time." -> good\n  - feedback: f\n\n## b\n\n**Sam:** I kept going when it was hard.\n\n- **Affirm:** "That took courage." -> good\n  - feedback: f\n\n## good\n\n**Outcome:** positive\n\n${debrief}\n`,
    );

  it('notes it, as information, at the quote, naming where the line is', () => {
    expect(messagesOf(lintText(text('When Sam said “I kept going when it was hard”, you heard it.')))).toEqual([
      '29:15 info Unexpected quote “I kept going when it was hard” in the debrief of `good`, which some runs that end there never show (it is at `b`), expected the debrief to be true on every path to it: reword it, or show it only to the runs it is true of, with `**If …:**` before its paragraph (`coach paths fixture --ending good` lists the ways there)',
    ]);
  });

  it('is content where the quoted line is on every path, is offered as an option on every path, or is in a paragraph only for the runs that see it', () => {
    expect(messagesOf(lintText(text('Sam started with "You came" from you, or with advice.')))).toEqual([]);
    expect(messagesOf(lintText(text('Next time, try “Try harder next time” less.')))).toEqual([]);
    expect(messagesOf(lintText(text('**If rapport >= 1:** When Sam said “I kept going when it was hard”, you heard it.')))).toEqual([]);
  });
});
