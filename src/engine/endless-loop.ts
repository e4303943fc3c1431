/**
 * Naming the loop that makes a scenario's states endless: a way round from a node back to itself
 * along which a variable keeps growing (or falling), with the choice that grows it. A loop is
 * named only once it is proven endless, by going round it again and again until every variable it
 * changes has passed every number the scenario's conditions compare it with: from there on, every
 * condition answers the same each time round, so the loop can go round for ever.
 */
import type { Condition, Effect, Variables } from './condition.ts';
import type { Choice, ChoiceNode, Scenario, ScenarioNode } from './types.ts';

/** A state found by the exploration, and the step that first reached it. */
export interface ExploredState<Snapshot> {
  readonly snapshot: Snapshot;
  readonly parent?: { readonly key: string; readonly choice: number };
}

/** How the loop finder steps the machine: the state a choice leads to, or undefined if it is not offered. */
export interface Stepper<Snapshot> {
  readonly step: (snapshot: Snapshot, choice: number) => Snapshot | undefined;
  readonly node: (snapshot: Snapshot) => string;
  readonly vars: (snapshot: Snapshot) => Variables;
  /** The nodes a step from `snapshot` by `choice` entered on the way: route nodes, then the node it settled at. */
  readonly entered: (choice: Choice, after: Snapshot) => readonly string[];
}

export interface EndlessLoop {
  /** The loop's nodes, from the node of the choice that grows the variable back round to it. */
  readonly nodes: readonly string[];
  readonly variable: string;
  /** How much the variable changes each time round. */
  readonly perRound: number;
  /** Its value at the start, for suggesting a bound. */
  readonly startValue: number;
  /** The choice on the loop that grows the variable, and its effect that does. */
  readonly choice: Choice;
  readonly effect: Effect;
}

/** How many states, most changed first, are tried as the far end of a loop; and how many ancestors of each. */
const candidatesTried = 16;
const ancestorsTried = 64;
/** How many times round a loop is tried before giving up on proving it endless. */
const maxRounds = 1_000;

/**
 * Looks for a loop that is provably endless among the states found so far. The state whose
 * variables have moved furthest from their starting values must have gone round such a loop to
 * get there, and the path that first reached it shows the loop: the stretch between two visits
 * of the same node with different values.
 */
export function findEndlessLoop<Snapshot>(scenario: Scenario, states: ReadonlyMap<string, ExploredState<Snapshot>>, initial: string, stepper: Stepper<Snapshot>): EndlessLoop | undefined {
  // Without a way back to an earlier node there is no loop at all: most scenarios, answered at once.
  if (!hasWayBack(scenario)) return undefined;
  const start = stepper.vars(states.get(initial)!.snapshot);
  const distance = (vars: Variables) => Math.max(0, ...Object.keys(start).map((name) => Math.abs((vars[name] ?? 0) - start[name]!)));
  const keys = [...states.keys()];
  // Furthest first; of equals, the latest found.
  const candidates = keys
    .map((key, order) => ({ key, order, far: distance(stepper.vars(states.get(key)!.snapshot)) }))
    .filter((candidate) => candidate.far > 0)
    .sort((a, b) => b.far - a.far || b.order - a.order)
    .slice(0, candidatesTried);
  let limits: ReadonlyMap<string, { low: number; high: number }> | undefined;
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  for (const { key } of candidates) {
    const path = pathTo(states, key);
    const end = path.at(-1)!;
    const endNode = stepper.node(end.snapshot);
    let tried = 0;
    for (let i = path.length - 2; i >= 0 && tried < ancestorsTried; i--) {
      const ancestor = path[i]!;
      if (stepper.node(ancestor.snapshot) !== endNode) continue;
      tried++;
      if (JSON.stringify(stepper.vars(ancestor.snapshot)) === JSON.stringify(stepper.vars(end.snapshot))) continue;
      const choices = path.slice(i + 1).map((step) => step.choice!);
      const loop = provenEndless(end.snapshot, choices, (limits ??= comparedValues(scenario)), stepper, byId, start);
      if (loop) return loop;
    }
  }
  return undefined;
}

/** Whether some choice or route leads, directly or not, back to a node it comes from. */
const wayBack = new WeakMap<Scenario, boolean>();
function hasWayBack(scenario: Scenario): boolean {
  const known = wayBack.get(scenario);
  if (known !== undefined) return known;
  const next = new Map(scenario.nodes.map((node) => [node.id, node.kind === 'choice' ? node.choices.map((c) => c.target) : node.kind === 'route' ? node.routes.map((r) => r.target) : []]));
  // Depth first, without recursion: a node met again while still on the way is a way back.
  const state = new Map<string, 'on-way' | 'done'>();
  let found = false;
  for (const root of next.keys()) {
    if (found || state.has(root)) continue;
    const stack: Array<{ id: string; at: number }> = [{ id: root, at: 0 }];
    state.set(root, 'on-way');
    while (stack.length > 0 && !found) {
      const frame = stack.at(-1)!;
      const target = next.get(frame.id)?.[frame.at++];
      if (target === undefined) {
        state.set(frame.id, 'done');
        stack.pop();
      } else if (state.get(target) === 'on-way') found = true;
      else if (!state.has(target) && next.has(target)) {
        state.set(target, 'on-way');
        stack.push({ id: target, at: 0 });
      }
    }
  }
  wayBack.set(scenario, found);
  return found;
}

/** The path that first reached `key`: each state, with the choice that led to it. */
function pathTo<Snapshot>(states: ReadonlyMap<string, ExploredState<Snapshot>>, key: string): Array<{ snapshot: Snapshot; choice?: number }> {
  const path: Array<{ snapshot: Snapshot; choice?: number }> = [];
  for (let at: string | undefined = key; at !== undefined; ) {
    const state: ExploredState<Snapshot> = states.get(at)!;
    path.unshift({ snapshot: state.snapshot, ...(state.parent ? { choice: state.parent.choice } : {}) });
    at = state.parent?.key;
  }
  return path;
}

/** For each variable, the lowest and highest number any condition compares it with. */
function comparedValues(scenario: Scenario): Map<string, { low: number; high: number }> {
  const conditions: Condition[] = [];
  for (const node of scenario.nodes) {
    if (node.kind === 'choice') for (const choice of node.choices) if (choice.condition) conditions.push(choice.condition);
    if (node.kind === 'route') for (const route of node.routes) if (route.condition) conditions.push(route.condition);
  }
  const limits = new Map<string, { low: number; high: number }>();
  for (const condition of conditions) {
    for (const { allOf } of condition.anyOf) {
      for (const { variable, value } of allOf) {
        const known = limits.get(variable);
        limits.set(variable, { low: Math.min(known?.low ?? value, value), high: Math.max(known?.high ?? value, value) });
      }
    }
  }
  return limits;
}

/**
 * Goes round the loop (`choices`, from `from`) until it is proven endless (the same change each
 * time round, and every changing variable past every number compared with it), or it cannot go
 * round again, or it changes nothing.
 */
function provenEndless<Snapshot>(
  from: Snapshot,
  choices: readonly number[],
  limits: ReadonlyMap<string, { low: number; high: number }>,
  stepper: Stepper<Snapshot>,
  byId: ReadonlyMap<string, ScenarioNode>,
  start: Variables,
): EndlessLoop | undefined {
  const home = stepper.node(from);
  let snapshot = from;
  let previous: Variables | undefined;
  for (let round = 0; round < maxRounds; round++) {
    const before = stepper.vars(snapshot);
    // The nodes of this round, from `home` back to it, and where in them each choice was made.
    const nodes = [home];
    const madeAt: number[] = [];
    for (const choice of choices) {
      const node = byId.get(stepper.node(snapshot));
      const next = node?.kind === 'choice' ? stepper.step(snapshot, choice) : undefined;
      if (node?.kind !== 'choice' || next === undefined) return undefined;
      madeAt.push(nodes.length - 1);
      nodes.push(...stepper.entered(node.choices[choice]!, next));
      snapshot = next;
    }
    if (stepper.node(snapshot) !== home) return undefined;
    const after = stepper.vars(snapshot);
    const change: Variables = Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - (before[name] ?? 0)]));
    const changing = Object.keys(change).filter((name) => change[name] !== 0);
    if (changing.length === 0) return undefined;
    const steady = previous !== undefined && Object.keys(change).every((name) => previous![name] === change[name]);
    const pastEveryLimit = changing.every((name) => {
      const limit = limits.get(name);
      return !limit || (change[name]! > 0 ? after[name]! > limit.high + 1 : after[name]! < limit.low - 1);
    });
    if (steady && pastEveryLimit) return describe(choices, nodes, madeAt, change, changing, byId, start);
    previous = change;
  }
  return undefined;
}

/** The proven loop in words' terms: turned to start at the choice that grows the variable that changes most. */
function describe(
  choices: readonly number[],
  nodes: readonly string[],
  madeAt: readonly number[],
  change: Variables,
  changing: readonly string[],
  byId: ReadonlyMap<string, ScenarioNode>,
  start: Variables,
): EndlessLoop | undefined {
  for (const variable of [...changing].sort((a, b) => Math.abs(change[b]!) - Math.abs(change[a]!))) {
    const sign = Math.sign(change[variable]!);
    const at = choices.findIndex((choice, i) => growing(byId, nodes[madeAt[i]!]!, choice, variable, sign));
    if (at === -1) continue;
    const choice = (byId.get(nodes[madeAt[at]!]!) as ChoiceNode).choices[choices[at]!]!;
    const effect = choice.effects.find((e) => e.variable === variable && e.kind === 'add' && Math.sign(e.value) === sign)!;
    // `nodes` runs from the loop's first node round to it again; start it at the growing choice's node instead.
    const round = nodes.slice(0, -1);
    const turned = [...round.slice(madeAt[at]!), ...round.slice(0, madeAt[at]!)];
    // Going round twice by different choices passes the same nodes twice: name them once.
    const period = turned.findIndex((_, size) => size > 0 && turned.length % size === 0 && turned.every((id, i) => id === turned[i % size]));
    const once = period === -1 ? turned : turned.slice(0, period);
    return { nodes: [...once, once[0]!], variable, perRound: change[variable]!, startValue: start[variable] ?? 0, choice, effect };
  }
  return undefined;
}

function growing(byId: ReadonlyMap<string, ScenarioNode>, node: string, index: number, variable: string, sign: number): boolean {
  const choice = (byId.get(node) as ChoiceNode | undefined)?.choices[index];
  return choice?.effects.some((e) => e.variable === variable && e.kind === 'add' && Math.sign(e.value) === sign) ?? false;
}
