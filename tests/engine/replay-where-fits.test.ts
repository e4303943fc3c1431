/**
 * Playing a run again on an edited scenario, as the studio's preview does on each edit and the
 * site does after a live reload under `npm start`: its choices kept where they still fit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choose, currentNode, earlierPicks, endingOf, replayWhereFits, startRun, transcript } from '../../src/engine/run.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { lintText } from '../helpers.ts';

const garden = readFileSync(new URL('../browser/fixtures/garden-centre-with-sam.md', import.meta.url), 'utf8');
const scenarioOf = (text: string): Scenario => {
  const { scenario, file } = lintText(text, 'garden-centre-with-sam.md');
  if (!scenario) throw new Error(file.messages.map(String).join('\n'));
  return scenario;
};
const played = (scenario: Scenario, numbers: readonly number[]) => numbers.reduce((run, index) => choose(run, index), startRun(scenario));

describe('replaying a run on an edited scenario', () => {
  const before = played(scenarioOf(garden), [0, 0]);

  it('replays every choice when the edit is elsewhere, to the same ending', () => {
    const edited = scenarioOf(garden.replace('Sam will ask about a trial Saturday.', 'Sam will ask about a trial Saturday next month.'));
    const { run, replayed } = replayWhereFits(startRun(edited), earlierPicks(before));
    expect(replayed).toBe(2);
    expect(endingOf(run)?.id).toBe('good');
    expect(transcript(run).some((entry) => entry.kind === 'choice' && entry.choice.says === 'Being outside, growing things, feels like you.')).toBe(true);
  });

  it('finds a choice by its words when a choice is added above it, and by its place when its own words change', () => {
    const added = scenarioOf(garden.replace('- **Open question:** "What draws you to it?"', '- **Affirm:** "You found the advert yourself." -> worries\n  - feedback: An affirmation.\n- **Open question:** "What draws you to it?"'));
    expect(replayWhereFits(startRun(added), earlierPicks(before)).replayed).toBe(2);
    const reworded = scenarioOf(garden.replace('"What draws you to it?"', '"What is it about the garden centre?"'));
    const { run, replayed } = replayWhereFits(startRun(reworded), earlierPicks(before));
    expect(replayed).toBe(2);
    expect(endingOf(run)?.id).toBe('good');
  });

  it('stops at the first choice that no longer fits, and keeps the run up to it', () => {
    const removed = scenarioOf(garden.replace(/- \*\*Complex reflection:\*\*[^\n]*\n[^\n]*\n[^\n]*\n/, '- **Open question:** "What would a good Saturday look like?" -> good\n  - feedback: Looking ahead.\n- **Closed question:** "Is it the plants?" -> good\n  - feedback: A narrow question.\n'));
    const { run, replayed } = replayWhereFits(startRun(removed), earlierPicks(before));
    expect(replayed).toBe(1);
    expect(currentNode(run).id).toBe('draws');
    const moved = scenarioOf(garden.replace('to it?" -> draws', 'to it?" -> WORRIES').replace('centre." -> worries', 'centre." -> draws').replace('WORRIES', 'worries'));
    expect(replayWhereFits(startRun(moved), earlierPicks(before)).replayed).toBe(1);
  });
});
