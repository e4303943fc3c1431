/**
 * The graph of every state a trainee can reach (a node and the variables' values) and the choices
 * between them, as exploration finds it; and what the checks after exploration ask of it: which
 * states can reach which, how many distinct runs there are, and which nodes a move passes through
 * (route nodes change no variables, so the variables after a move decide its whole route chain).
 */
import { holds, type Variables } from './condition.ts';
import type { ChoiceNode, RouteNode, Scenario, ScenarioNode } from './types.ts';

/** One reachable state: the node it is at, whether the run has ended, and the choices out of it. */
export interface StateGraphState {
  readonly node: string;
  readonly ended: boolean;
  /** The variables' values in this state. */
  readonly vars: Variables;
  /** Each offered choice (its index in the node, in file order) and the state it leads to. */
  readonly moves: ReadonlyArray<{ readonly choice: number; readonly to: string }>;
}

/** Every reachable state, keyed by node and variable values, for the checks that follow exploration. */
export interface StateGraph {
  readonly initial: string;
  readonly states: ReadonlyMap<string, StateGraphState>;
}

/** A route node passed, and the route it took (its index in the node); the last link, the node settled at, has none. */
export interface ChainLink {
  readonly node: string;
  readonly route?: number;
}

/** The route a route node takes with these variables: the first whose condition holds (the last has none). */
export function routeFrom(node: RouteNode, vars: Variables): number {
  return node.routes.findIndex((r) => r.condition === undefined || holds(r.condition, vars));
}

/**
 * The route nodes a trainee passes through on entering `nodeId` with `vars`, each with the route
 * it takes, and the node where they settle.
 */
export function routeChain(byId: ReadonlyMap<string, ScenarioNode>, nodeId: string, vars: Variables): ChainLink[] {
  const chain: ChainLink[] = [];
  let current = byId.get(nodeId);
  while (current?.kind === 'route' && chain.length <= byId.size) {
    const route = routeFrom(current, vars);
    chain.push({ node: current.id, route });
    current = byId.get(current.routes[route]?.target ?? '');
  }
  if (current) chain.push({ node: current.id });
  return chain;
}

/** Each scenario's nodes by id. */
export function nodesById(scenario: Scenario): Map<string, ScenarioNode> {
  return new Map(scenario.nodes.map((node) => [node.id, node]));
}

/** The nodes a move from `from` enters, in order: the route nodes it passes, then the node it settles at. */
export function movesThrough(byId: ReadonlyMap<string, ScenarioNode>, graph: StateGraph, from: StateGraphState, move: StateGraphState['moves'][number]): string[] {
  const target = (byId.get(from.node) as ChoiceNode).choices[move.choice]!.target;
  const to = graph.states.get(move.to)!;
  return byId.get(target)?.kind === 'route' ? routeChain(byId, target, to.vars).map((link) => link.node) : [to.node];
}

/** The nodes entered at the very start, before the first choice: the start node, and any routes from it. */
export function startsThrough(byId: ReadonlyMap<string, ScenarioNode>, scenario: Scenario, graph: StateGraph): string[] {
  return routeChain(byId, scenario.start, graph.states.get(graph.initial)!.vars).map((link) => link.node);
}

/**
 * The distinct variable values with which a run enters each node, route nodes included: what a
 * condition on text in that node is tested against.
 */
export function entryValues(scenario: Scenario, graph: StateGraph): Map<string, Variables[]> {
  const byId = nodesById(scenario);
  const found = new Map<string, Map<string, Variables>>();
  const note = (nodes: readonly string[], vars: Variables) => {
    const key = JSON.stringify(vars);
    for (const node of nodes) {
      let seen = found.get(node);
      if (!seen) found.set(node, (seen = new Map()));
      seen.set(key, vars);
    }
  };
  note(startsThrough(byId, scenario, graph), graph.states.get(graph.initial)!.vars);
  for (const state of graph.states.values()) {
    for (const move of state.moves) note(movesThrough(byId, graph, state, move), graph.states.get(move.to)!.vars);
  }
  return new Map([...found].map(([node, values]) => [node, [...values.values()]]));
}

/** The states from which some state that `is` holds for can be reached: the graph walked backwards. */
export function reachingBack(states: ReadonlyMap<string, StateGraphState>, is: (state: StateGraphState) => boolean): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const [from, state] of states) {
    for (const { to } of state.moves) {
      const list = predecessors.get(to);
      if (list) list.push(from);
      else predecessors.set(to, [from]);
    }
  }
  const reached = new Set([...states].filter(([, state]) => is(state)).map(([key]) => key));
  const queue = [...reached];
  while (queue.length > 0) {
    for (const before of predecessors.get(queue.pop()!) ?? []) {
      if (!reached.has(before)) {
        reached.add(before);
        queue.push(before);
      }
    }
  }
  return reached;
}

/**
 * Distinct runs from the start to a state that `is` holds for, by depth-first search. Counts grow
 * exponentially with branching, hence bigint; a loop on the way makes them endless. `within`
 * leaves out the states that cannot reach one (only a loop among those that can counts); without
 * it every loop does, which is the same for a sound scenario and saves working it out.
 */
export function countRuns(graph: StateGraph, is: (state: StateGraphState) => boolean, within: 'can-reach' | 'all' = 'can-reach'): bigint | 'unbounded' {
  const reaching = within === 'can-reach' ? reachingBack(graph.states, is) : undefined;
  const useful = { has: (key: string) => reaching === undefined || reaching.has(key) };
  if (!useful.has(graph.initial)) return 0n;
  const count = new Map<string, bigint>();
  const onStack = new Set<string>([graph.initial]);
  const stack: Array<{ state: string; next: number }> = [{ state: graph.initial, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const state = graph.states.get(frame.state)!;
    const moves = state.moves;
    if (frame.next < moves.length) {
      const child = moves[frame.next++]!.to;
      if (!useful.has(child)) continue;
      if (onStack.has(child)) return 'unbounded';
      if (!count.has(child)) {
        onStack.add(child);
        stack.push({ state: child, next: 0 });
      }
      continue;
    }
    stack.pop();
    onStack.delete(frame.state);
    count.set(frame.state, is(state) ? 1n : moves.reduce((sum, move) => sum + (count.get(move.to) ?? 0n), 0n));
  }
  return count.get(graph.initial) ?? 0n;
}
