/**
 * The `checks:` walks of a scenario: each path is walked by choosing, at each node, the first
 * offered choice (in file order) that leads to the next node in the path, route nodes passed on
 * the way being optional in the path. Failures are recorded at the check's place in the file.
 */
import type { VFile } from 'vfile';
import { holds, parseStateExpectation } from './condition.ts';
import { report } from './diagnostics.ts';
import type { ScenarioMachine } from './compile.ts';
import type { ParsedScenario } from './parse.ts';
import { choose, currentNode, currentVariables, endingOf, offeredChoices, startRun, type Run } from './run.ts';
import type { Scenario, ScenarioNode } from './types.ts';

/** Where a path stands after a step: how much of it is consumed, or why it fails. */
type Consumed = { ok: true; next: number } | { ok: false; reason: string };

/**
 * Matches the nodes entered in one step against the path from `from`: each node must be the next
 * path element, except route nodes, which the path may leave out. The path may end part-way.
 */
function consume(path: readonly string[], from: number, entered: readonly string[], byId: Map<string, ScenarioNode>): Consumed {
  let i = from;
  for (const node of entered) {
    if (i >= path.length) break;
    if (path[i] === node) i++;
    else if (byId.get(node)?.kind !== 'route') return { ok: false, reason: `the path expects \`${path[i]}\` next, but the walk is at \`${node}\`` };
  }
  return { ok: true, next: i };
}

/** Where a walk ended: the run so far, and why it stopped early, if it did. */
export interface Walk {
  readonly run: Run;
  readonly failure?: { readonly reason: string; /** The path element the failure is about. */ readonly pathIndex: number };
}

/**
 * Walks `path` (node ids from the start; route nodes may be left out), taking at each node the
 * first offered choice, in file order, that leads to the next node in the path.
 */
export function walkPath(scenario: Scenario, machine: ScenarioMachine, path: readonly string[]): Walk {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  let run: Run = startRun(scenario, machine);
  let at = consume(path, 0, run.stops[0]!.entered, byId);
  if (!at.ok) return { run, failure: { reason: `it must start at \`${scenario.start}\`: ${at.reason}`, pathIndex: 0 } };
  while (at.next < path.length) {
    const wanted = path[at.next]!;
    const node = currentNode(run);
    if (node.kind === 'ending') return { run, failure: { reason: `the walk reached the ending \`${node.id}\`, but the path goes on to \`${wanted}\``, pathIndex: at.next } };
    const from: number = at.next;
    const taken = offeredChoices(run)
      .map((offered) => choose(run, offered.index))
      .find((next) => {
        const step = next.stops.at(-1)!.entered;
        const result = consume(path, from, step, byId);
        return result.ok ? result.next > from : step.indexOf(wanted) !== -1 && step.slice(0, step.indexOf(wanted)).every((id) => byId.get(id)?.kind === 'route');
      });
    if (!taken) {
      const leads = offeredChoices(run).map((offered) => `\`${offered.choice.target}\``);
      return { run, failure: { reason: `at node \`${node.id}\`, no offered choice leads to \`${wanted}\`; the offered choices lead to ${leads.join(', ') || 'nothing'}`, pathIndex: from } };
    }
    run = taken;
    const next = consume(path, from, run.stops.at(-1)!.entered, byId);
    if (!next.ok) return { run, failure: { reason: next.reason, pathIndex: from } };
    at = next;
  }
  return { run };
}

/** Walks every check of the scenario, recording each failure on the file; returns how many checks failed. */
export function runChecks(scenario: Scenario, machine: ScenarioMachine, file: VFile, placeOf: ParsedScenario['placeOf']): number {
  let failures = 0;
  scenario.meta.checks.forEach((check, checkIndex) => {
    let failed = false;
    const fail = (reason: string, pathIndex?: number) => {
      if (!failed) failures++;
      failed = true;
      const place = pathIndex === undefined ? placeOf(['checks', checkIndex]) : placeOf(['checks', checkIndex, 'path', pathIndex]);
      report(file, `Check ${checkIndex + 1} fails: ${reason}`, place, 'check-failed');
    };
    const walk = walkPath(scenario, machine, check.path);
    if (walk.failure) return fail(walk.failure.reason, walk.failure.pathIndex);
    const { run } = walk;
    const ending = endingOf(run);
    const where = currentNode(run).id;
    if (check.outcome !== undefined && ending?.outcome !== check.outcome) {
      fail(ending ? `expected a ${check.outcome} outcome, but the ending \`${ending.id}\` is ${ending.outcome}` : `expected a ${check.outcome} outcome, but the walk stops at \`${where}\`, which is not an ending`);
    }
    if (check.ending !== undefined && ending?.id !== check.ending) {
      fail(`expected to end at \`${check.ending}\`, but the walk ${ending ? `ends at \`${ending.id}\`` : `stops at \`${where}\`, which is not an ending`}`);
    }
    const vars = currentVariables(run);
    for (const [variable, written] of Object.entries(check.state ?? {})) {
      const expectation = parseStateExpectation(variable, written);
      if (expectation.ok && !holds(expectation.value, vars)) {
        fail(`expected \`${variable} ${typeof written === 'number' ? `== ${written}` : written.trim()}\` at the end, but ${variable} = ${vars[variable]}`);
      }
    }
  });
  return failures;
}
