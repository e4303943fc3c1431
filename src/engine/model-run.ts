/**
 * The model run of a scenario: the walk a trainer holds up as the one to learn from. Trainers list
 * it first among the `checks:` that reach a positive ending; here it is played with the best move
 * the path allows at each node (by the debrief's own ranking), since a path names nodes and more
 * than one choice may lead to the next. The debrief's tests play it and expect no step marked as a
 * miss, and the client's role card takes what the person shares along it.
 */
import { compileScenario, type ScenarioMachine } from './compile.ts';
import { moveRank } from './debrief.ts';
import { choose, currentNode, endingOf, offeredChoices, startRun, type Run } from './run.ts';
import type { Scenario } from './types.ts';

/** The scenario's model run, ended; undefined if it lists no positive check or the walk cannot be played. */
export function modelRunOf(scenario: Scenario, machine: ScenarioMachine = compileScenario(scenario)): Run | undefined {
  const check = scenario.meta.checks.find((candidate) => candidate.outcome === 'positive');
  if (!check) return undefined;
  // Where the trainee chooses or ends: a path may name the route nodes passed on the way, or not.
  const routes = new Set(scenario.nodes.filter((node) => node.kind === 'route').map((node) => node.id));
  const stops = check.path.map((step) => step.node).filter((id) => !routes.has(id));

  // Depth first, best move first: a choice's effects can close a later step of the path, so a
  // walk that cannot go on comes back and takes the next-best move.
  const follow = (run: Run, at: number): Run | undefined => {
    if (at === stops.length) return endingOf(run) ? run : undefined;
    const byRank = offeredChoices(run).sort((a, b) => moveRank(b.choice) - moveRank(a.choice) || a.index - b.index);
    for (const offered of byRank) {
      const next = choose(run, offered.index);
      if (currentNode(next).id !== stops[at]) continue;
      const played = follow(next, at + 1);
      if (played) return played;
    }
    return undefined;
  };
  const start = startRun(scenario, machine);
  return currentNode(start).id === stops[0] ? follow(start, 1) : undefined;
}
