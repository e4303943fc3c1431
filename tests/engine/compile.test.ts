/**
 * The compiled statechart: plain, serialisable configuration, and a model-based test with
 * xstate/graph that walks the shortest path to every reachable state and checks that the run
 * API agrees with the machine at every step.
 */
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { compileScenario, type ScenarioEvent } from '../../src/engine/compile.ts';
import { choose, currentNode, currentVariables, endingOf, offeredChoices, startRun } from '../../src/engine/run.ts';
import { lintText, readFixture } from '../helpers.ts';

for (const name of ['every-feature.md']) {
  const scenario = lintText(readFixture(name), name).scenario!;
  const machine = compileScenario(scenario);

  describe(`the statechart of ${name}`, () => {
    it('is plain data: it survives a JSON round trip unchanged', () => {
      const config = machine.config;
      expect(JSON.parse(JSON.stringify(config))).toEqual(config);
      expect(Object.keys(config.states ?? {})).toEqual(scenario.nodes.map((node) => node.id));
    });

    it('agrees with the run API on the shortest path to every reachable state', () => {
      const paths = getShortestPaths(machine, {
        events: (snapshot) => {
          const node = scenario.nodes.find((n) => n.id === snapshot.value);
          return node?.kind === 'choice' ? node.choices.map((_, choice): ScenarioEvent => ({ type: 'choice.select', choice })) : [];
        },
        serializeState: (snapshot) => `${String(snapshot.value)} ${JSON.stringify(snapshot.context.vars)}`,
      });
      expect(paths.length).toBeGreaterThan(5);
      for (const path of paths) {
        let run = startRun(scenario, machine);
        for (const step of path.steps.slice(1)) {
          const offered = offeredChoices(run).map((o) => o.index);
          if (!offered.includes(step.event.choice)) continue; // the machine ignores choices that are not offered
          run = choose(run, step.event.choice);
        }
        expect(currentNode(run).id).toBe(String(path.state.value));
        expect(currentVariables(run)).toEqual(path.state.context.vars);
        expect(Boolean(endingOf(run))).toBe(path.state.status === 'done');
      }
    });
  });
}
