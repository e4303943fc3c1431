/**
 * A trace of a run: at every step, the choice taken (its number among those offered, and what it
 * changed), each route node passed with the route it took and why (the conditions tried and the
 * values they read), the node settled at, and the variables after. `coach run --trace`, the
 * `checks:` walks and (later) the studio's preview all show a run's trace through this one model.
 */
import { explainCondition, formatCondition, formatEffects, valuesRead, type Variables } from './condition.ts';
import type { Outcome } from './front-matter-schema.ts';
import { offeredAt, type Run } from './run.ts';
import { nodesById, routeFrom } from './state-graph.ts';
import { listed } from './suggest.ts';
import type { ChoiceNode, RouteNode, ScenarioNode } from './types.ts';

/** A route tried at a route node, in order, up to and including the one taken. */
export interface RouteTried {
  /** Its index among the node's routes (0-based) and where it leads. */
  readonly index: number;
  readonly target: string;
  /** The condition as written; absent on the final, unconditional route. */
  readonly condition?: string;
  readonly holds: boolean;
  /** The values of the variables the condition read. */
  readonly values: Variables;
  /** The condition and whether it held, in words: "`rapport >= 3` does not hold (rapport = 2)". */
  readonly explained?: string;
}

/** A route node passed on the way, and the route it took. */
export interface RouteTaken {
  readonly node: string;
  /** The route taken: its index among the node's routes (0-based) and where it leads. */
  readonly index: number;
  readonly target: string;
  /** Every route tried, in order; the last is the one taken. */
  readonly tried: readonly RouteTried[];
}

/** The choice that made a step. */
export interface ChoiceTaken {
  /** The node it was made at. */
  readonly node: string;
  /** Its number among the choices offered there (1-based), and how many were offered. */
  readonly number: number;
  readonly offered: number;
  /** Its index in the node, in file order (0-based). */
  readonly index: number;
  readonly code: string;
  readonly says: string;
  readonly target: string;
  /** Its effects as written (`rapport +1, trust = 0`); empty when it has none. */
  readonly effects: string;
}

/** One step of a run: the start (step 0), or a choice and where it led. */
export interface TraceStep {
  readonly step: number;
  /** The choice that made this step; absent at the start. */
  readonly choice?: ChoiceTaken;
  /** The route nodes passed on the way, each with the route it took. */
  readonly routes: readonly RouteTaken[];
  /** The node settled at: a choice node, or an ending. */
  readonly node: string;
  /** The ending reached, if this step reached one. */
  readonly ending?: { readonly id: string; readonly outcome: Outcome };
  /** Every variable's value after the step. */
  readonly variables: Variables;
  /** The variables the step changed, with their values before and after. */
  readonly changed: ReadonlyArray<{ readonly variable: string; readonly from: number; readonly to: number }>;
}

/** The trace of a run so far: one step for the start, then one for each choice. */
export function traceRun(run: Run): TraceStep[] {
  const byId = nodesById(run.scenario);
  return run.stops.map((stop, i): TraceStep => {
    const variables = stop.snapshot.context.vars;
    const before = i === 0 ? variables : run.stops[i - 1]!.snapshot.context.vars;
    const node = String(stop.snapshot.value);
    const settled = byId.get(node)!;
    const routes = stop.entered.flatMap((id) => {
      const passed = byId.get(id);
      return passed?.kind === 'route' ? [routeTaken(passed, variables)] : [];
    });
    const changed = Object.keys(variables)
      .filter((name) => variables[name] !== before[name])
      .map((name) => ({ variable: name, from: before[name] ?? 0, to: variables[name]! }));
    return {
      step: i,
      ...(stop.choice !== undefined ? { choice: choiceTaken(run, i, byId) } : {}),
      routes,
      node,
      ...(settled.kind === 'ending' && stop.snapshot.status === 'done' ? { ending: { id: node, outcome: settled.outcome } } : {}),
      variables,
      changed,
    };
  });
}

function choiceTaken(run: Run, stopIndex: number, byId: ReadonlyMap<string, ScenarioNode>): ChoiceTaken {
  const at = String(run.stops[stopIndex - 1]!.snapshot.value);
  const index = run.stops[stopIndex]!.choice!;
  const choice = (byId.get(at) as ChoiceNode).choices[index]!;
  const offered = offeredAt(run, stopIndex - 1);
  return {
    node: at,
    number: offered.find((option) => option.index === index)?.number ?? index + 1,
    offered: offered.length,
    index,
    code: choice.code.name,
    says: choice.says,
    target: choice.target,
    effects: formatEffects(choice.effects),
  };
}

/** The route a route node takes with these variables, and every route tried before it. */
export function routeTaken(node: RouteNode, variables: Variables): RouteTaken {
  const taken = routeFrom(node, variables);
  const tried = node.routes.slice(0, taken + 1).map((route, index): RouteTried => {
    if (!route.condition) return { index, target: route.target, holds: true, values: {} };
    return { index, target: route.target, condition: formatCondition(route.condition), holds: index === taken, values: valuesRead(route.condition, variables), explained: explainCondition(route.condition, variables) };
  });
  return { node: node.id, index: taken, target: node.routes[taken]!.target, tried };
}

/** Variables as a trainer reads them: `rapport = 2, trust = 0`. */
export function describeVariables(variables: Variables): string {
  return Object.entries(variables).map(([name, value]) => `${name} = ${value}`).join(', ');
}

/**
 * Why a route node went where it did, in words: "route node `check-in` went on to `stays-guarded`,
 * its last route, as `rapport >= 3` does not hold (rapport = 2)".
 */
export function describeRoute(route: RouteTaken): string {
  const taken = route.tried.at(-1)!;
  const skipped = route.tried.slice(0, -1).map((tried) => tried.explained!);
  const went = `route node \`${route.node}\` went on to \`${route.target}\``;
  if (taken.explained) return `${went}, as ${taken.explained}${skipped.length > 0 ? `, and before it ${listed(skipped)}` : ''}`;
  return skipped.length > 0 ? `${went}, its last route, as ${listed(skipped)}` : went;
}

/** Every variable after a step, with what the step changed it from: `rapport = 2 (was 1), trust = 0`. */
export function describeValuesAfter(step: TraceStep): string {
  const before = new Map(step.changed.map((change) => [change.variable, change.from]));
  return Object.entries(step.variables)
    .map(([name, value]) => `${name} = ${value}${before.has(name) ? ` (was ${before.get(name)})` : ''}`)
    .join(', ');
}

/** The choice of a step in words: "at `opening`, took choice 2 of 3, Persuade: “Coaching helps…” → `pushback`". */
export function describeChoice(choice: ChoiceTaken): string {
  return `at \`${choice.node}\`, took choice ${choice.number} of ${choice.offered}, ${choice.code}: “${choice.says}” → \`${choice.target}\``;
}

/**
 * A trace as sentences, one per line, the same in `coach run --trace` and in a failing check:
 * where the run starts and with what values; then at each step the choice taken, the route nodes
 * passed and why each went where it did, and where the step settled with every variable's value
 * (and what it was before, if the step changed it). `notes` adds a sentence after a step's choice
 * (the walk says why it took that choice).
 */
export function describeTrace(trace: readonly TraceStep[], notes: ReadonlyMap<number, string> = new Map()): string[] {
  return trace.flatMap((step) => describeStep(step, notes.get(step.step)));
}

/** One step of a trace as sentences: see {@link describeTrace}. */
export function describeStep(step: TraceStep, note?: string): string[] {
  const values = describeValuesAfter(step);
  const withValues = values ? `, with ${values}` : '';
  const lines: string[] = [];
  if (step.choice) lines.push(`${step.step}. ${capitalise(describeChoice(step.choice))}.${note ? ` ${note}` : ''}`);
  const indent = step.choice ? '   ' : '';
  if (!step.choice && step.routes.length > 0) lines.push(`Start at \`${step.routes[0]!.node}\`.`);
  for (const route of step.routes) lines.push(`${indent}${capitalise(describeRoute(route))}.`);
  if (step.ending) lines.push(`${indent}Ended at \`${step.ending.id}\` (${step.ending.outcome})${withValues}.`);
  else lines.push(`${indent}${step.choice || step.routes.length > 0 ? 'Now at' : 'Start at'} \`${step.node}\`${withValues}.`);
  return lines;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
