/** Replaying a stored run: the same run as choosing step by step, for runs of any length. */
import { describe, expect, it } from 'vitest';
import { choiceIndices, choose, endingOf, replay, RunError, startRun, transcript } from '../../src/engine/run.ts';
import { lintText } from '../helpers.ts';

/** A conversation that can go round as often as the trainee likes before it ends. */
const roundAndRound = lintText(
  `---
title: Round and round
summary: Sam keeps coming back to the same worry.
persona:
  name: Sam
state:
  rounds: 0
---

## Worry

**Sam:** I keep thinking about it.

- **Simple reflection:** "It keeps coming back." -> worry
  - feedback: Round again.
- **Open question:** "What would help you put it down for a while?" -> settled
  - feedback: An open question that looks forward.

## Settled

**Outcome:** positive

Sam thinks of a walk with a friend.
`,
  'round-and-round.md',
).scenario!;

describe('replaying stored choices', () => {
  it('gives the same run as choosing each step in turn', () => {
    const stepped = [0, 0, 1].reduce((run, index) => choose(run, index), startRun(roundAndRound));
    const replayed = replay(roundAndRound, [0, 0, 1]);
    expect(transcript(replayed)).toEqual(transcript(stepped));
    expect(endingOf(replayed)?.id).toBe('settled');
  });

  it('replays a run of 120,000 choices to its ending', () => {
    const choices = [...Array.from({ length: 120_000 }, () => 0), 1];
    const run = replay(roundAndRound, choices);
    expect(endingOf(run)?.id).toBe('settled');
    expect(choiceIndices(run)).toEqual(choices);
  });

  it('refuses a choice that is not offered at its step, however deep in the run', () => {
    const choices = [...Array.from({ length: 50_000 }, () => 0), 1, 0];
    expect(() => replay(roundAndRound, choices)).toThrow(new RunError('Choice 1 of node `settled` is not offered at step 50002 of the stored run'));
    expect(() => replay(roundAndRound, [0, 7])).toThrow(new RunError('Choice 8 of node `worry` is not offered at step 2 of the stored run'));
    expect(() => replay(roundAndRound, [-1])).toThrow(RunError);
  });
});
