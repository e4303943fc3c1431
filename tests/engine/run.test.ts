import { describe, expect, it } from 'vitest';
import { canUndo, linesAt, choiceIndices, chooseNumber, currentNode, currentVariables, endingOf, offeredChoices, picks, replay, restart, RunError, startRun, startRunAt, transcript, undo, visitedNodes } from '../../src/engine/run.ts';
import { lintText, messagesOf, readFixture } from '../helpers.ts';

const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;

describe('stepping a scenario', () => {
  it('starts at the start node and numbers only the offered choices', () => {
    const run = startRun(scenario);
    expect(currentNode(run).id).toBe('hello');
    expect(offeredChoices(run).map((o) => [o.number, o.index, o.choice.code.name])).toEqual([
      [1, 0, 'Simple reflection'],
      [2, 1, 'Confront'],
    ]);
  });

  it('applies effects, passes through route nodes and reaches an ending', () => {
    let run = chooseNumber(startRun(scenario), 2); // Confront: trust = 0
    expect(currentNode(run).id).toBe('lectures');
    run = chooseNumber(run, 1); // -> gate, routes to maybe (readiness 2)
    expect(endingOf(run)?.id).toBe('maybe');
    expect(visitedNodes(run)).toEqual(['hello', 'lectures', 'gate', 'maybe']);
    expect(currentVariables(run)).toEqual({ trust: 0, readiness: 2 });
    expect(offeredChoices(run)).toEqual([]);
  });

  it('gives the lines shown on arriving at each stop, route nodes included', () => {
    const run = chooseNumber(chooseNumber(startRun(scenario), 2), 1); // hello -> lectures -> gate -> maybe
    expect(linesAt(run, 0).map((line) => line.markdown)).toEqual(['*Riley checks her phone, then puts it face down.*', "I've only got twenty minutes."]);
    expect(linesAt(run, 1).map((line) => `${line.speaker}: ${line.markdown}`)).toEqual(['Riley: Right.']);
    expect(linesAt(run, 2)).toEqual([]);
  });

  it('refuses a choice that is not offered, saying what is', () => {
    expect(() => chooseNumber(startRun(scenario), 3)).toThrow(new RunError('There is no choice 3 at node `hello`: the choices offered are 1 to 2'));
  });

  it('undoes and restarts', () => {
    const run = chooseNumber(chooseNumber(startRun(scenario), 1), 1);
    expect(endingOf(run)?.id).toBe('plan');
    const back = undo(run);
    expect(currentNode(back).id).toBe('listens');
    expect(currentVariables(back)).toEqual({ trust: 1, readiness: 1 });
    const atStart = undo(back);
    expect(canUndo(atStart)).toBe(false);
    expect(undo(atStart)).toBe(atStart);
    expect(currentNode(restart(run)).id).toBe('hello');
  });

  it('keeps a transcript of lines, choices and the ending', () => {
    const run = chooseNumber(chooseNumber(startRun(scenario), 1), 1);
    expect(transcript(run).map((entry) => (entry.kind === 'lines' ? `lines ${entry.node} ${entry.lines.length}` : entry.kind === 'choice' ? `choice ${entry.choice.code.name}` : `ending ${entry.ending.outcome}`))).toEqual([
      'lines hello 2',
      'choice Simple reflection',
      'lines listens 1',
      'choice Emphasizing autonomy',
      'ending positive',
    ]);
    expect(picks(run).map((pick) => pick.node)).toEqual(['hello', 'listens']);
  });

  it('replays stored choices, and refuses ones the scenario no longer offers', () => {
    const run = chooseNumber(chooseNumber(startRun(scenario), 1), 2);
    expect(endingOf(replay(scenario, choiceIndices(run)))?.id).toBe(endingOf(run)?.id);
    expect(() => replay(scenario, [2])).toThrow(RunError);
  });
});

describe('starting from any node, as the studio\'s preview does', () => {
  it('starts at a choice node with the chosen values, the other variables at their starting values', () => {
    const run = startRunAt(scenario, 'listens', { trust: 3 });
    expect(currentNode(run).id).toBe('listens');
    expect(currentVariables(run)).toEqual({ trust: 3, readiness: 2 });
    expect(offeredChoices(run).map((o) => o.choice.code.name)).toEqual(['Emphasizing autonomy', 'Giving information']);
    expect(offeredChoices(startRunAt(scenario, 'listens', { trust: 0 })).map((o) => o.choice.code.name)).toEqual(['Giving information']);
  });

  it('follows the routes of a route node with the chosen values', () => {
    expect(visitedNodes(startRunAt(scenario, 'gate', { trust: 1, readiness: 3 }))).toEqual(['gate', 'plan']);
    expect(endingOf(startRunAt(scenario, 'gate', { readiness: 0 }))?.id).toBe('walk-out');
  });

  it('plays on from there, and restarts where it started', () => {
    const run = chooseNumber(startRunAt(scenario, 'listens', { trust: 3 }), 1);
    expect(endingOf(run)?.id).toBe('plan');
    expect(picks(run).map((pick) => pick.node)).toEqual(['listens']);
    const again = restart(run);
    expect(currentNode(again).id).toBe('listens');
    expect(currentVariables(again)).toEqual({ trust: 3, readiness: 2 });
  });

  it('starts at an ending, which has ended already', () => {
    expect(endingOf(startRunAt(scenario, 'maybe'))?.outcome).toBe('mixed');
  });

  it('refuses a node or variable the scenario does not have, and a value that is not a whole number', () => {
    expect(() => startRunAt(scenario, 'nowhere')).toThrow(new RunError('There is no node `nowhere` in this scenario'));
    expect(() => startRunAt(scenario, 'listens', { rapport: 1 })).toThrow(new RunError('There is no variable `rapport` in this scenario'));
    expect(() => startRunAt(scenario, 'listens', { trust: 1.5 })).toThrow(new RunError('The variable `trust` must be a whole number, not 1.5'));
  });
});

describe('a choice that leads back to its own node', () => {
  const loop = `---
title: Round again
summary: A node with a choice back to itself.
persona:
  name: Lee
checks:
  - path: [again, again, again, done]
    outcome: positive
---

## Again

**Lee:** Where were we?

- **Open question:** "What if we went round again?" -> again
  - feedback: Round again.
- **Simple reflection:** "You're ready to stop." -> done
  - feedback: Done.

## Done

**Outcome:** positive

Finished.
`;
  const result = lintText(loop, 'round-again.md');

  it('enters the node again, so its lines are shown again', () => {
    const run = chooseNumber(startRun(result.scenario!), 1);
    expect(currentNode(run).id).toBe('again');
    expect(linesAt(run, 1).map((line) => line.markdown)).toEqual(['Where were we?']);
    expect(visitedNodes(run)).toEqual(['again', 'again']);
  });

  it('can be walked by a check that names the node twice in a row', () => {
    expect(messagesOf(result)).toEqual([]);
    expect(result.checks).toEqual({ total: 1, failed: 0 });
  });
});
