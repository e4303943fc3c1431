/**
 * The `checks:` walks of a scenario. Each path is walked from the start: at each node the walk
 * takes the choice the path names there (`opening: 2`, or `opening: "So coming here"`), or else
 * the first offered choice, in file order, that leads to the next node in the path. Route nodes
 * passed on the way may be left out of the path. A failure says why, in the trainer's terms: where
 * each choice leads and, at a route node, which route it took and the values that decided it;
 * and it shows the walk step by step, with the variables after each step.
 */
import type { VFile } from 'vfile';
import { explainCondition, holds, parseStateExpectation } from './condition.ts';
import { report } from './diagnostics.ts';
import type { ScenarioMachine } from './compile.ts';
import type { PathStep } from './front-matter-schema.ts';
import type { ParsedScenario } from './parse.ts';
import { choose, currentNode, currentVariables, endingOf, offeredChoices, startRun, type Run } from './run.ts';
import { nodesById } from './state-graph.ts';
import { listed } from './suggest.ts';
import { describeRoute, describeTrace, routeTaken, traceRun } from './trace.ts';
import type { ChoiceNode, Scenario, ScenarioNode } from './types.ts';

export type { PathStep } from './front-matter-schema.ts';

/** Where a path stands after a step: how much of it is consumed, or where the walk left it. */
type Consumed = { ok: true; next: number } | { ok: false; expected: string; actual: string };

/** Which choice of a node a path step names, by its number in the node or by its first words. */
export type NamedChoice = { readonly ok: true; readonly index: number } | { readonly ok: false; readonly reason: string };

/** Words as a path step and a choice are compared: lower case, without quotes or punctuation. */
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The first words of what a choice says, as a message lists it: “Coming here wasn't…”. */
const firstWords = (says: string) => {
  const words = says.split(/\s+/);
  return `“${words.slice(0, 4).join(' ')}${words.length > 4 ? '…' : ''}”`;
};

/**
 * The choice a path step names at `node`: its number among the node's choices in the file (from
 * 1, offered or not), or the first words of what the coach says, enough to tell it from the others.
 */
export function namedChoice(node: ScenarioNode, written: number | string): NamedChoice {
  if (node.kind !== 'choice') {
    const why = node.kind === 'route' ? 'a route node, whose routes choose the way on by their conditions' : 'an ending, where the run stops';
    return { ok: false, reason: `Unexpected choice named at \`${node.id}\`, ${why}, expected just the node id \`${node.id}\`` };
  }
  const count = node.choices.length;
  const range = count === 1 ? '1' : `a number from 1 to ${count}`;
  if (typeof written === 'number') {
    if (Number.isInteger(written) && written >= 1 && written <= count) return { ok: true, index: written - 1 };
    return { ok: false, reason: `Unexpected choice ${written} at \`${node.id}\`, expected ${range}: \`${node.id}\` has ${count === 1 ? '1 choice' : `${count} choices`}, counted in the file from 1, whether offered or not` };
  }
  const words = wordsOf(written);
  if (words === '') return { ok: false, reason: `Unexpected empty choice at \`${node.id}\`, expected its number in the node or the first words of what the coach says, such as \`${node.id}: 1\`` };
  const matches = node.choices.flatMap((choice, index) => {
    const says = wordsOf(choice.says);
    return says === words || says.startsWith(`${words} `) ? [index] : [];
  });
  if (matches.length === 1) return { ok: true, index: matches[0]! };
  const listedChoices = node.choices.map((choice, index) => `${index + 1}. ${firstWords(choice.says)}`).join(', ');
  if (matches.length === 0) return { ok: false, reason: `Unexpected \`${written}\` for a choice at \`${node.id}\`, expected the first words of what the coach says in one of its choices, or the choice's number: ${listedChoices}` };
  return { ok: false, reason: `Unexpected \`${written}\` for a choice at \`${node.id}\`: choices ${listed(matches.map((index) => String(index + 1)))} ${matches.length === 2 ? 'both' : 'all'} start so, expected more of their words, or the choice's number` };
}

/** Where a walk ended: the run so far, why it stopped early (if it did), and why it took each choice it did. */
export interface Walk {
  readonly run: Run;
  readonly failure?: { readonly reason: string; /** The path element the failure is about. */ readonly pathIndex: number };
  /** For steps (1-based) where more than one choice led on, or the path named one: how the walk chose. */
  readonly notes: ReadonlyMap<number, string>;
}

/**
 * Walks `path` (node ids from the start, each perhaps with the choice to take there; route nodes
 * may be left out), taking at each node the named choice, or else the first offered choice, in
 * file order, that leads to the next node in the path.
 */
export function walkPath(scenario: Scenario, machine: ScenarioMachine, path: readonly PathStep[]): Walk {
  const byId = nodesById(scenario);
  const notes = new Map<number, string>();
  let run: Run = startRun(scenario, machine);
  const fail = (reason: string, pathIndex: number): Walk => ({ run, failure: { reason, pathIndex }, notes });
  const at = consume(path, 0, run, byId);
  if (!at.ok) return fail(`it must start at \`${scenario.start}\`: ${leftPath(at, run, byId)}`, 0);
  let next = at.next;
  // The path element whose named choice was taken last: each is taken once.
  let namedTaken = -1;
  for (;;) {
    const here = path[next - 1];
    const named = here?.choice !== undefined && namedTaken !== next - 1 && here.node === currentNode(run).id ? here.choice : undefined;
    if (next >= path.length && named === undefined) return { run, notes };
    const node = currentNode(run);
    if (node.kind === 'ending') return fail(`the walk reached the ending \`${node.id}\`, but the path goes on to \`${path[next]!.node}\``, next);
    const step = run.stops.length;
    let after: Run;
    if (named !== undefined) {
      const choice = namedChoice(node, named);
      if (!choice.ok) return fail(choice.reason, next - 1);
      if (!offeredChoices(run).some((offered) => offered.index === choice.index)) {
        const { condition } = (node as ChoiceNode).choices[choice.index]!;
        return fail(`at \`${node.id}\`, choice ${choice.index + 1} ${firstWords((node as ChoiceNode).choices[choice.index]!.says)}, named in the path, is not offered, as ${explainCondition(condition!, currentVariables(run))}`, next - 1);
      }
      after = choose(run, choice.index);
      namedTaken = next - 1;
      notes.set(step, 'Named in the path.');
    } else {
      const wanted = path[next]!.node;
      const leading = offeredChoices(run)
        .map((offered) => ({ index: offered.index, after: choose(run, offered.index) }))
        .filter((option) => leadsOn(path, next, option.after, byId));
      if (leading.length === 0) return fail(`at \`${node.id}\`, no offered choice leads to \`${wanted}\`: ${whereChoicesLead(run, node as ChoiceNode, wanted, byId)}`, next);
      after = leading[0]!.after;
      if (leading.length > 1) {
        notes.set(step, `The first of ${leading.length} offered choices that lead to \`${wanted}\`; to take another, name it in the path, such as \`${node.id}: ${leading[1]!.index + 1}\`.`);
      }
    }
    const from = next;
    run = after;
    const moved = consume(path, from, run, byId);
    if (!moved.ok) return fail(leftPath(moved, run, byId), from);
    next = moved.next;
  }
}

/**
 * Matches the nodes entered in the run's last step against the path from `from`: each node must be
 * the next path element, except route nodes, which the path may leave out. The path may end
 * part-way. A mismatch after a route node says which route it took, and why.
 */
function consume(path: readonly PathStep[], from: number, run: Run, byId: ReadonlyMap<string, ScenarioNode>): Consumed {
  const entered = run.stops.at(-1)!.entered;
  let i = from;
  for (const node of entered) {
    if (i >= path.length) break;
    if (path[i]!.node === node) i++;
    else if (byId.get(node)?.kind !== 'route') return { ok: false, expected: path[i]!.node, actual: node };
  }
  return { ok: true, next: i };
}

/** Where the walk left the path, in words: the node expected, the node reached, and why any route on the way went there. */
function leftPath(left: Extract<Consumed, { ok: false }>, run: Run, byId: ReadonlyMap<string, ScenarioNode>): string {
  const routes = routesOf(run.stops.at(-1)!.entered, run, byId);
  return `the path expects \`${left.expected}\` next, but the walk is at \`${left.actual}\`${routes ? `: ${routes}` : ''}`;
}

/** Whether the run's last step moves the path on past `from` (or reaches the next path node through route nodes). */
function leadsOn(path: readonly PathStep[], from: number, run: Run, byId: ReadonlyMap<string, ScenarioNode>): boolean {
  const result = consume(path, from, run, byId);
  if (result.ok) return result.next > from;
  const entered = run.stops.at(-1)!.entered;
  const at = entered.indexOf(path[from]!.node);
  return at !== -1 && entered.slice(0, at).every((id) => byId.get(id)?.kind === 'route');
}

/** Why a step's route nodes went where they went, in words; empty if it passed none. */
function routesOf(entered: readonly string[], run: Run, byId: ReadonlyMap<string, ScenarioNode>): string {
  return entered
    .flatMap((id) => {
      const node = byId.get(id);
      return node?.kind === 'route' ? [describeRoute(routeTaken(node, currentVariables(run)))] : [];
    })
    .join('; ');
}

/** Where each choice of the node leads from here, and why a choice that leads to `wanted` is not offered. */
function whereChoicesLead(run: Run, node: ChoiceNode, wanted: string, byId: ReadonlyMap<string, ScenarioNode>): string {
  const offered = new Set(offeredChoices(run).map((option) => option.index));
  const vars = currentVariables(run);
  const parts = node.choices.flatMap((choice, index) => {
    const named = `choice ${index + 1} ${firstWords(choice.says)}`;
    if (!offered.has(index)) return routesTo(choice.target, wanted, byId, new Set()) ? [`${named}, which leads to \`${choice.target}\`, is not offered, as ${explainCondition(choice.condition!, vars)}`] : [];
    const after = choose(run, index);
    const routes = routesOf(after.stops.at(-1)!.entered, after, byId);
    return [`${named} leads to \`${choice.target}\`${routes ? ` (${routes})` : ''}`];
  });
  return parts.join('; ');
}

/** Whether `from` is `wanted`, or a route node with some route on to it. */
function routesTo(from: string, wanted: string, byId: ReadonlyMap<string, ScenarioNode>, seen: Set<string>): boolean {
  if (from === wanted) return true;
  const node = byId.get(from);
  if (node?.kind !== 'route' || seen.has(from)) return false;
  seen.add(from);
  return node.routes.some((route) => routesTo(route.target, wanted, byId, seen));
}

/** The walk step by step, as a failing check shows it under its message. */
function walkNote(walk: Walk): string {
  return ['The walk, step by step:', ...describeTrace(traceRun(walk.run), walk.notes).map((line) => `  ${line}`)].join('\n');
}

/** Walks every check of the scenario, recording each failure on the file; returns how many checks failed. */
export function runChecks(scenario: Scenario, machine: ScenarioMachine, file: VFile, placeOf: ParsedScenario['placeOf']): number {
  let failures = 0;
  scenario.meta.checks.forEach((check, checkIndex) => {
    let failed = false;
    const walk = walkPath(scenario, machine, check.path);
    const fail = (reason: string, pathIndex?: number) => {
      if (!failed) failures++;
      failed = true;
      const place = pathIndex === undefined ? placeOf(['checks', checkIndex]) : placeOf(['checks', checkIndex, 'path', pathIndex]);
      report(file, `Check ${checkIndex + 1} fails: ${reason}`, place, 'check-failed').note = walkNote(walk);
    };
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
