/**
 * Stage 3, explore: every state a trainee can reach (node and variable values), found by stepping
 * the compiled statechart with XState's own pure `transition()`, the function the run API steps
 * with, breadth first. From that graph come the soundness rules of the format (every node
 * reachable, an ending reachable from every state, no choice node left with nothing to offer,
 * every declared outcome reachable, a positive ending reachable) and the coverage figures that
 * `coach test` prints. Every step is linear in the states and transitions found.
 */
import { createEmptyActor, initialTransition, type ActorScope, type SnapshotFrom } from 'xstate';
import type { VFile } from 'vfile';
import { holds, type Variables } from './condition.ts';
import { report } from './diagnostics.ts';
import type { ScenarioEvent, ScenarioMachine } from './compile.ts';
import { findEndlessLoop, type EndlessLoop, type Stepper } from './endless-loop.ts';
import type { Outcome } from './front-matter-schema.ts';
import { countRuns, reachingBack, routeChain, type StateGraph, type StateGraphState } from './state-graph.ts';
import type { ChoiceNode, Scenario, ScenarioNode } from './types.ts';

export { reachingBack, type StateGraph, type StateGraphState } from './state-graph.ts';

/**
 * How many states the exploration finds before it stops. A scenario whose variables can grow
 * without bound (a loop that adds to `rapport` each time round) has no end of states; this cap
 * turns that into a clear message, in well under a second, instead of a hang. A 2,000-node
 * scenario has about 7,000 states.
 */
export const explorationStateCap = 20_000;
/**
 * How many moves between states (offered choices taken) the exploration makes before it stops.
 * Each costs a statechart step of about 10 µs, so a finite scenario with hundreds of choices in
 * every node could otherwise take minutes to check. The library's largest scenario makes a few
 * hundred moves, and a generated 2,000-node one about 20,000.
 */
export const explorationMoveCap = 300_000;
/** How many states are found before the first look for an endless loop; then at twice as many, and so on. */
const firstLoopCheck = 1_000;

type Snapshot = SnapshotFrom<ScenarioMachine>;

/** A transition in the file: a choice (by its index in the node) or a route. */
export interface TransitionRef {
  readonly node: string;
  readonly kind: 'choice' | 'route';
  readonly index: number;
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
  /** True when the exploration stopped early: at a cap, or on proving a loop endless. The figures are then partial. */
  readonly capped: boolean;
  /** The reachable states and the choices between them; absent when the exploration was capped. */
  readonly stateGraph?: StateGraph;
}

const serializeState = (snapshot: Snapshot) => `${String(snapshot.value)} ${JSON.stringify(snapshot.context.vars)}`;

/**
 * One actor scope for a whole exploration, made the way `xstate/graph` makes it for its own
 * traversals: the public `transition()` builds a new actor, and with it the machine's initial
 * snapshot, on every call, which would be most of the exploration's time. The machine's own
 * `transition` is what both call; the model-based test replays every state through the run API.
 */
function explorationScope(): ActorScope<Snapshot, ScenarioEvent> {
  const actor = createEmptyActor();
  const ignore = () => {};
  return { self: actor, logger: ignore, id: '', sessionId: 'exploration', defer: ignore, system: actor.system, stopChild: ignore, emit: ignore, actionExecutor: ignore } as unknown as ActorScope<Snapshot, ScenarioEvent>;
}

/** A state found by the exploration, with the step that first reached it (for naming a loop). */
interface Found {
  readonly snapshot: Snapshot;
  readonly moves: Array<{ choice: number; to: string }>;
  readonly parent?: { readonly key: string; readonly choice: number };
}

/** Explores a compiled scenario and records every soundness problem on the file. */
export function exploreScenario(scenario: Scenario, machine: ScenarioMachine, file: VFile, moveCap = explorationMoveCap): Exploration {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const graph = new Map<string, Found>();
  const [initial] = initialTransition(machine);
  const initialKey = serializeState(initial);
  graph.set(initialKey, { snapshot: initial, moves: [] });
  const queue = [initialKey];
  const scope = explorationScope();
  const stepper: Stepper<Snapshot> = {
    step: (snapshot, choice) => {
      const option = (byId.get(String(snapshot.value)) as ChoiceNode | undefined)?.choices?.[choice];
      if (!option || (option.condition !== undefined && !holds(option.condition, snapshot.context.vars))) return undefined;
      return machine.transition(snapshot, { type: 'choice.select', choice }, scope);
    },
    node: (snapshot) => String(snapshot.value),
    vars: (snapshot) => snapshot.context.vars,
    entered: (option, after) => routeChain(byId, option.target, after.context.vars).map((link) => link.node),
  };
  let capped = false;
  let movesMade = 0;
  let endlessLoop: EndlessLoop | undefined;
  // A loop that grows a variable is looked for now and then as the states grow, so that it is
  // named as soon as it can be proven endless, whichever cap would have stopped the exploration.
  let nextLoopCheck = firstLoopCheck;
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head]!;
    const found = graph.get(key)!;
    const node = byId.get(String(found.snapshot.value));
    if (node?.kind !== 'choice') continue;
    for (const [choice, option] of node.choices.entries()) {
      // Only the offered choices: the same test as the machine's `isOffered` guard.
      if (option.condition !== undefined && !holds(option.condition, found.snapshot.context.vars)) continue;
      const event: ScenarioEvent = { type: 'choice.select', choice };
      if (++movesMade > moveCap) {
        capped = true;
        break;
      }
      const next = machine.transition(found.snapshot, event, scope);
      const nextKey = serializeState(next);
      found.moves.push({ choice, to: nextKey });
      if (graph.has(nextKey)) continue;
      if (graph.size >= explorationStateCap) {
        capped = true;
        break;
      }
      graph.set(nextKey, { snapshot: next, moves: [], parent: { key, choice } });
      queue.push(nextKey);
    }
    if (!capped && graph.size >= nextLoopCheck) {
      nextLoopCheck *= 2;
      endlessLoop = findEndlessLoop(scenario, graph, initialKey, stepper);
      if (endlessLoop) capped = true;
    }
    if (capped) break;
  }
  if (capped) endlessLoop ??= findEndlessLoop(scenario, graph, initialKey, stepper);

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
  const graphStates = new Map<string, StateGraphState>();
  const endingsReached = new Set<string>();
  for (const [stateKey, { snapshot, moves }] of graph) {
    const nodeId = String(snapshot.value);
    reachedNodes.add(nodeId);
    if (snapshot.status === 'done') endingsReached.add(nodeId);
    for (const { choice, to } of moves) {
      exercised.add(key({ node: nodeId, kind: 'choice', index: choice }));
      const target = (byId.get(nodeId) as ChoiceNode).choices[choice]!.target;
      if (byId.get(target)?.kind === 'route') markChain(target, graph.get(to)?.snapshot.context.vars ?? {});
    }
    graphStates.set(stateKey, { node: nodeId, ended: snapshot.status === 'done', vars: snapshot.context.vars, moves });
  }

  const stateGraph: StateGraph | undefined = capped || stateKeys.length === 0 ? undefined : { initial: stateKeys[0]!, states: graphStates };
  if (capped) reportEndlessStates();
  else reportSoundness();

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
      report(file, `Unexpected transition that no run can take: ${neverTakenReason(node, ref.index)}`, place, 'transition-never-taken', { severity: 'warning' });
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
    pathsToEnding: capped ? null : stateGraph ? countRuns(stateGraph, (state) => state.ended, 'all') : 0n,
    capped,
    ...(stateGraph ? { stateGraph } : {}),
  };

  function neverTakenReason(node: ScenarioNode, index: number): string {
    if (node.kind === 'choice') return `choice ${index + 1} of node \`${node.id}\` is never offered, because its condition never holds when it is reached`;
    const route = `route ${index + 1} of node \`${node.id}\` is never taken`;
    // Routes are tried in order, so a route can also be starved by the ones before it.
    if (node.kind === 'route' && node.routes[index]!.condition === undefined) return `${route}, because whenever the node is reached an earlier route's condition holds, so that route is taken first; check the earlier routes' conditions`;
    return `${route}: whenever the node is reached, its condition does not hold or an earlier route is taken first`;
  }

  function describeVars(vars: Variables): string {
    const entries = Object.entries(vars);
    return entries.length === 0 ? '' : ` (when ${entries.map(([name, value]) => `${name} = ${value}`).join(', ')})`;
  }

  function reportSoundness() {
    const endings = scenario.nodes.filter((node): node is Extract<ScenarioNode, { kind: 'ending' }> => node.kind === 'ending');
    // An outcome no run reaches is always an ending no run reaches: said once, at the ending.
    const outcomeReached = (outcome: Outcome) => endings.some((ending) => ending.outcome === outcome && endingsReached.has(ending.id));
    const outcomesSaid = new Set<Outcome>();
    for (const node of scenario.nodes) {
      if (reachedNodes.has(node.id)) continue;
      let outcomeNote = '';
      if (node.kind === 'ending' && !outcomeReached(node.outcome) && !outcomesSaid.has(node.outcome)) {
        outcomesSaid.add(node.outcome);
        outcomeNote = `; no ending with \`**Outcome:** ${node.outcome}\` can be reached${node.outcome === 'positive' ? ', and every scenario needs a reachable positive ending' : ''}`;
      }
      report(file, `Unexpected node \`${node.id}\` that cannot be reached from the start \`${scenario.start}\`, expected a choice or route leading to it (or remove it)${outcomeNote}`, node.place, 'unreachable-node');
    }

    // States from which some ending can be reached: walk the graph backwards from the endings.
    const canEnd = reachingBack(graphStates, (state) => state.ended);
    const reportedNodes = new Set<string>();
    for (const stateKey of stateKeys) {
      const { snapshot, moves } = graph.get(stateKey)!;
      const nodeId = String(snapshot.value);
      if (canEnd.has(stateKey) || reportedNodes.has(nodeId)) continue;
      reportedNodes.add(nodeId);
      const node = byId.get(nodeId)!;
      if (moves.length === 0) {
        report(file, `Unexpected choice node \`${nodeId}\` that offers no choices${describeVars(snapshot.context.vars)}, expected at least one choice whose condition holds`, node.place, 'no-choices-offered');
      } else {
        report(file, `Unexpected dead end: from node \`${nodeId}\`${describeVars(snapshot.context.vars)} no ending can be reached, expected a way on to an ending`, node.place, 'no-ending-reachable');
      }
    }

    if (!endings.some((ending) => ending.outcome === 'positive')) {
      const expected = 'expected at least one ending whose first paragraph is `**Outcome:** positive`';
      if (endings.length === 0) report(file, `Unexpected scenario without a positive ending, ${expected}`, { line: 1, column: 1 }, 'no-positive-ending');
      // Said at the first ending, where the trainer would change an outcome to positive.
      else report(file, `Unexpected scenario without a positive ending: its endings are all ${[...new Set(endings.map((ending) => ending.outcome))].join(' or ')}, ${expected}`, endings[0]!.place, 'no-positive-ending');
    }
  }

  /**
   * The exploration stopped: names the loop that makes the states endless, with the variable it
   * keeps changing, at the choice that changes it; or, where no loop is proven endless, says the
   * scenario is too large to check.
   */
  function reportEndlessStates() {
    if (!endlessLoop) {
      // Stopped for moves, the scenario may be finite: say so rather than blame a loop it may not have.
      return reportTooLarge(movesMade > moveCap ? `${moveCap.toLocaleString('en')} moves between ${stateKeys.length.toLocaleString('en')} states` : `${explorationStateCap.toLocaleString('en')} states`);
    }
    const { nodes, variable, perRound, startValue, choice, effect } = endlessLoop;
    const rises = perRound > 0;
    const bound = `${variable} ${rises ? '<' : '>'} ${startValue + (rises ? 5 : -5)}`;
    report(
      file,
      `Unexpected endless states: the loop ${nodes.map((id) => `\`${id}\``).join(' → ')} can go round again and again, and \`${variable}\` ${rises ? 'grows' : 'falls'} each time (this choice's \`set: ${variable} ${effect.value > 0 ? '+' : ''}${effect.value}\`), so there is no end of states to check; stop it with a condition, such as \`- if: ${bound}\` under this choice`,
      choice.place,
      'state-space-cap',
    );
  }

  function reportTooLarge(stoppedAfter: string) {
    report(
      file,
      `Unexpected scenario too large to check: exploration stopped after ${stoppedAfter} without finishing, so reachability could not be checked. Either a loop keeps changing a variable (such as \`rapport +1\` on a way back to an earlier node: stop it with a condition, such as \`if: rapport < 5\`), or the nodes, choices and variable values make too many combinations: use fewer variables or narrower ranges, fewer choices in a node, or split the scenario in two`,
      { line: 1, column: 1 },
      'state-space-cap',
    );
  }
}
