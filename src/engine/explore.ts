/**
 * Stage 3, explore: every state a trainee can reach (node and variable values), found by walking
 * the compiled statechart with `xstate/graph`. From that graph come the soundness rules of the
 * format (every node reachable, an ending reachable from every state, no choice node left with
 * nothing to offer, every declared outcome reachable, a positive ending reachable) and the
 * coverage figures that `coach test` prints.
 */
import { getAdjacencyMap } from 'xstate/graph';
import type { SnapshotFrom } from 'xstate';
import type { VFile } from 'vfile';
import { holds, type Variables } from './condition.ts';
import { report } from './diagnostics.ts';
import type { ScenarioEvent, ScenarioMachine } from './compile.ts';
import type { Outcome } from './front-matter-schema.ts';
import type { Scenario, ScenarioNode } from './types.ts';

/**
 * How many steps the exploration takes before it stops. A scenario whose variables can grow
 * without bound (a loop that adds to `rapport` each time round) has no end of states; this cap
 * turns that into a clear message instead of a hang. Each step is one transition tried.
 */
export const explorationStepCap = 100_000;

type Snapshot = SnapshotFrom<ScenarioMachine>;

/** A transition in the file: a choice (by its index in the node) or a route. */
export interface TransitionRef {
  readonly node: string;
  readonly kind: 'choice' | 'route';
  readonly index: number;
}

/** One reachable state: the node it is at, whether the run has ended, and the choices out of it. */
export interface StateGraphState {
  readonly node: string;
  readonly ended: boolean;
  /** Each offered choice (its index in the node, in file order) and the state it leads to. */
  readonly moves: ReadonlyArray<{ readonly choice: number; readonly to: string }>;
}

/** Every reachable state, keyed by node and variable values, for the checks that follow exploration. */
export interface StateGraph {
  readonly initial: string;
  readonly states: ReadonlyMap<string, StateGraphState>;
}

export interface Exploration {
  /** Distinct (node, variables) states where the trainee is asked to choose or has ended. */
  readonly states: number;
  /** Choices and routes that some reachable state takes. */
  readonly transitionsExercised: number;
  readonly transitionsTotal: number;
  /** Choices and routes no reachable state takes, in file order. */
  readonly transitionsNeverTaken: readonly TransitionRef[];
  /** Ids of the nodes some run reaches, route nodes included, in file order. */
  readonly nodesReached: readonly string[];
  /** Ids of the endings some run reaches. */
  readonly endingsReached: readonly string[];
  readonly endingsTotal: number;
  /** Distinct runs from the start to an ending; `unbounded` when a loop makes them endless; `null` when capped. */
  readonly pathsToEnding: bigint | 'unbounded' | null;
  /** True when the exploration stopped at {@link explorationStepCap}; the figures are partial. */
  readonly capped: boolean;
  /** The reachable states and the choices between them; absent when the exploration was capped. */
  readonly stateGraph?: StateGraph;
}

/** The events to try in a state: one per offered choice of its node, in file order. */
function offeredEvents(node: ScenarioNode | undefined, vars: Variables): ScenarioEvent[] {
  if (node?.kind !== 'choice') return [];
  return node.choices.flatMap((choice, index) =>
    choice.condition === undefined || holds(choice.condition, vars) ? [{ type: 'choice.select' as const, choice: index }] : [],
  );
}

/**
 * The route nodes a trainee passes through on entering `nodeId` with `vars`, and the node where
 * they settle. Routes change no variables, so the variables after a step decide the whole chain.
 */
function routeChain(byId: ReadonlyMap<string, ScenarioNode>, nodeId: string, vars: Variables): Array<{ node: string; route?: number }> {
  const chain: Array<{ node: string; route?: number }> = [];
  let current = byId.get(nodeId);
  while (current?.kind === 'route' && chain.length <= byId.size) {
    const route = current.routes.findIndex((r) => r.condition === undefined || holds(r.condition, vars));
    chain.push({ node: current.id, route });
    current = byId.get(current.routes[route]?.target ?? '');
  }
  if (current) chain.push({ node: current.id });
  return chain;
}

const serializeState = (snapshot: Snapshot) => `${String(snapshot.value)} ${JSON.stringify(snapshot.context.vars)}`;

/** Explores a compiled scenario and records every soundness problem on the file. */
export function exploreScenario(scenario: Scenario, machine: ScenarioMachine, file: VFile): Exploration {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  let capped = false;
  const graph = new Map<string, { state: Snapshot; transitions: Array<{ event: ScenarioEvent; state: Snapshot }> }>();
  try {
    const adjacency = getAdjacencyMap(machine, {
      // Only the offered choices: the same test as the machine's `isOffered` guard, without
      // computing each transition twice.
      events: (snapshot: Snapshot) => offeredEvents(byId.get(String(snapshot.value)), snapshot.context.vars),
      serializeState,
      serializeEvent: (event: ScenarioEvent) => String(event.choice),
      limit: explorationStepCap,
    });
    for (const [stateKey, { state, transitions }] of Object.entries(adjacency)) graph.set(stateKey, { state, transitions: Object.values(transitions) });
  } catch (error) {
    if (!(error instanceof Error) || error.message !== 'Traversal limit exceeded') throw error;
    capped = true;
  }

  const reachedNodes = new Set<string>();
  const exercised = new Set<string>();
  const key = (ref: TransitionRef) => `${ref.node}\u0000${ref.kind}\u0000${ref.index}`;
  const markChain = (nodeId: string, vars: Variables) => {
    for (const step of routeChain(byId, nodeId, vars)) {
      reachedNodes.add(step.node);
      if (step.route !== undefined) exercised.add(key({ node: step.node, kind: 'route', index: step.route }));
    }
  };
  markChain(scenario.start, scenario.meta.state);

  const stateKeys = [...graph.keys()];
  const successors = new Map<string, string[]>();
  const graphStates = new Map<string, StateGraphState>();
  const endingsReached = new Set<string>();
  for (const stateKey of stateKeys) {
    const { state, transitions } = graph.get(stateKey)!;
    const nodeId = String(state.value);
    reachedNodes.add(nodeId);
    if (state.status === 'done') endingsReached.add(nodeId);
    const moves: Array<{ choice: number; to: string }> = [];
    for (const { event, state: nextState } of transitions) {
      const choice = (byId.get(nodeId) as Extract<ScenarioNode, { kind: 'choice' }>).choices[event.choice]!;
      exercised.add(key({ node: nodeId, kind: 'choice', index: event.choice }));
      markChain(choice.target, nextState.context.vars);
      moves.push({ choice: event.choice, to: serializeState(nextState) });
    }
    successors.set(stateKey, moves.map((move) => move.to));
    graphStates.set(stateKey, { node: nodeId, ended: state.status === 'done', moves });
  }

  if (capped) {
    report(
      file,
      `Unexpected endless states: exploration stopped after ${explorationStepCap.toLocaleString('en')} steps without finishing, so reachability could not be checked. A loop that keeps changing a variable (such as \`rapport +1\` on a way back to an earlier node) makes the states endless; add a condition that stops it, such as \`if: rapport < 5\``,
      { line: 1, column: 1 },
      'state-space-cap',
    );
  } else {
    reportSoundness();
  }

  const transitionsAll = scenario.nodes.flatMap((node): TransitionRef[] =>
    node.kind === 'choice'
      ? node.choices.map((_, index) => ({ node: node.id, kind: 'choice' as const, index }))
      : node.kind === 'route'
        ? node.routes.map((_, index) => ({ node: node.id, kind: 'route' as const, index }))
        : [],
  );
  const neverTaken = transitionsAll.filter((ref) => !exercised.has(key(ref)) && reachedNodes.has(ref.node));
  if (!capped) {
    for (const ref of neverTaken) {
      const node = byId.get(ref.node)!;
      const place = node.kind === 'choice' ? node.choices[ref.index]!.place : node.kind === 'route' ? node.routes[ref.index]!.place : node.place;
      const what = ref.kind === 'choice' ? `choice ${ref.index + 1} of node \`${ref.node}\` is never offered` : `route ${ref.index + 1} of node \`${ref.node}\` is never taken`;
      report(file, `Unexpected transition that no run can take: ${what}, because its condition never holds when it is reached`, place, 'transition-never-taken', { severity: 'warning' });
    }
  }

  return {
    states: stateKeys.length,
    transitionsExercised: exercised.size,
    transitionsTotal: transitionsAll.length,
    transitionsNeverTaken: neverTaken,
    nodesReached: scenario.nodes.filter((node) => reachedNodes.has(node.id)).map((node) => node.id),
    endingsReached: scenario.nodes.filter((node) => endingsReached.has(node.id)).map((node) => node.id),
    endingsTotal: scenario.nodes.filter((node) => node.kind === 'ending').length,
    pathsToEnding: capped ? null : countPaths(),
    capped,
    ...(capped || stateKeys.length === 0 ? {} : { stateGraph: { initial: stateKeys[0]!, states: graphStates } }),
  };

  function describeVars(vars: Variables): string {
    const entries = Object.entries(vars);
    return entries.length === 0 ? '' : ` (when ${entries.map(([name, value]) => `${name} = ${value}`).join(', ')})`;
  }

  function reportSoundness() {
    for (const node of scenario.nodes) {
      if (!reachedNodes.has(node.id)) {
        report(file, `Unexpected node \`${node.id}\` that cannot be reached from the start \`${scenario.start}\`, expected a choice or route leading to it (or remove it)`, node.place, 'unreachable-node');
      }
    }

    // States from which some ending can be reached: walk the graph backwards from the endings.
    const predecessors = new Map<string, string[]>();
    for (const [from, tos] of successors) for (const to of tos) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
    const canEnd = new Set(stateKeys.filter((k) => graph.get(k)!.state.status === 'done'));
    const queue = [...canEnd];
    while (queue.length > 0) {
      for (const before of predecessors.get(queue.pop()!) ?? []) {
        if (!canEnd.has(before)) {
          canEnd.add(before);
          queue.push(before);
        }
      }
    }
    const reportedNodes = new Set<string>();
    for (const stateKey of stateKeys) {
      const { state } = graph.get(stateKey)!;
      const nodeId = String(state.value);
      if (canEnd.has(stateKey) || reportedNodes.has(nodeId)) continue;
      reportedNodes.add(nodeId);
      const node = byId.get(nodeId)!;
      if (successors.get(stateKey)!.length === 0) {
        report(file, `Unexpected choice node \`${nodeId}\` that offers no choices${describeVars(state.context.vars)}, expected at least one choice whose condition holds`, node.place, 'no-choices-offered');
      } else {
        report(file, `Unexpected dead end: from node \`${nodeId}\`${describeVars(state.context.vars)} no ending can be reached, expected a way on to an ending`, node.place, 'no-ending-reachable');
      }
    }

    const endings = scenario.nodes.filter((node): node is Extract<ScenarioNode, { kind: 'ending' }> => node.kind === 'ending');
    const outcomesDeclared = [...new Set(endings.map((ending) => ending.outcome))];
    for (const outcome of outcomesDeclared) {
      if (endings.some((ending) => ending.outcome === outcome && endingsReached.has(ending.id))) continue;
      const first = endings.find((ending) => ending.outcome === outcome)!;
      const positiveNote = outcome === 'positive' ? ', and every scenario needs a reachable positive ending' : '';
      report(file, `Unexpected ${outcome} outcome that no run reaches: no ending with \`**Outcome:** ${outcome}\` can be reached${positiveNote}`, first.place, 'outcome-unreachable');
    }
    if (!outcomesDeclared.includes('positive' satisfies Outcome)) {
      report(file, 'Unexpected scenario without a positive ending, expected at least one ending whose first paragraph is `**Outcome:** positive`', { line: 1, column: 1 }, 'no-positive-ending');
    }
  }

  /**
   * Distinct runs to an ending, by depth-first search over the states. Counts grow exponentially
   * with branching, hence bigint; a cycle makes them endless.
   */
  function countPaths(): bigint | 'unbounded' {
    const initial = stateKeys[0];
    if (initial === undefined) return 0n;
    const count = new Map<string, bigint>();
    const onStack = new Set<string>();
    const stack: Array<{ state: string; next: number }> = [{ state: initial, next: 0 }];
    onStack.add(initial);
    let unbounded = false;
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const next = successors.get(frame.state) ?? [];
      if (frame.next < next.length) {
        const child = next[frame.next++]!;
        if (onStack.has(child)) unbounded = true;
        else if (!count.has(child)) {
          onStack.add(child);
          stack.push({ state: child, next: 0 });
        }
        continue;
      }
      stack.pop();
      onStack.delete(frame.state);
      const isEnding = graph.get(frame.state)!.state.status === 'done';
      count.set(frame.state, isEnding ? 1n : next.reduce((sum, child) => sum + (count.get(child) ?? 0n), 0n));
    }
    return unbounded ? 'unbounded' : count.get(initial) ?? 0n;
  }
}
