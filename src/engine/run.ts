/**
 * Stage 5, run: a small, pure stepping API over a compiled scenario. The site, the terminal and the
 * tests step scenarios only through it, so a scenario behaves the same everywhere. A run is an
 * immutable value; every operation returns a new one.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { holds, type Variables } from './condition.ts';
import { compileScenario, type ScenarioMachine } from './compile.ts';
import { shownLines } from './shown.ts';
import type { Choice, EndingNode, Line, Scenario, ScenarioNode } from './types.ts';

type Snapshot = SnapshotFrom<ScenarioMachine>;

/** One place where a run stopped: the start, or the node a choice led to. */
interface Stop {
  readonly snapshot: Snapshot;
  /** The nodes entered on the way here, in order: route nodes passed, then the node settled on. */
  readonly entered: readonly string[];
  /** The choice (index in file order) that led here; absent for the start. */
  readonly choice?: number;
}

export interface Run {
  readonly scenario: Scenario;
  readonly machine: ScenarioMachine;
  readonly stops: readonly Stop[];
}

/** A choice offered now, with its number among the offered choices (1-based) and in the file. */
export interface OfferedChoice {
  readonly number: number;
  readonly index: number;
  readonly choice: Choice;
}

/** What the trainee saw and did, in order. */
export type TranscriptEntry =
  | { readonly kind: 'lines'; readonly node: string; readonly lines: readonly Line[] }
  | { readonly kind: 'choice'; readonly node: string; readonly index: number; readonly choice: Choice }
  | { readonly kind: 'ending'; readonly ending: EndingNode };

/** A choice picked on the way, with the node it was picked at. */
export interface Pick {
  readonly node: string;
  readonly index: number;
  readonly choice: Choice;
}

/** A request the run cannot carry out, such as a choice that is not offered. */
export class RunError extends Error {
  override name = 'RunError';
}

function enteredNodes(actions: ReadonlyArray<{ type: string; params?: unknown }>): string[] {
  return actions.filter((action) => action.type === 'enterNode').map((action) => (action.params as { node: string }).node);
}

/** Starts a run at the scenario's start node (following any routes from it). */
export function startRun(scenario: Scenario, machine: ScenarioMachine = compileScenario(scenario)): Run {
  const [snapshot, actions] = initialTransition(machine);
  return { scenario, machine, stops: [{ snapshot, entered: enteredNodes(actions) }] };
}

/**
 * Starts a run at any node, with some variables set to chosen values (the rest at their starting
 * values), following any routes from there: for trying a scenario from the middle, as the studio's
 * preview does. Restarting the run comes back to this node with these values.
 */
export function startRunAt(scenario: Scenario, nodeId: string, vars: Variables = {}): Run {
  if (!scenario.nodes.some((node) => node.id === nodeId)) throw new RunError(`There is no node \`${nodeId}\` in this scenario`);
  for (const [name, value] of Object.entries(vars)) {
    if (!(name in scenario.meta.state)) throw new RunError(`There is no variable \`${name}\` in this scenario`);
    if (!Number.isInteger(value)) throw new RunError(`The variable \`${name}\` must be a whole number, not ${value}`);
  }
  // The same scenario, starting elsewhere: one compiled machine per starting point, stepped as any other.
  const from: Scenario = { ...scenario, start: nodeId, meta: { ...scenario.meta, state: { ...scenario.meta.state, ...vars } } };
  return startRun(scenario, compileScenario(from));
}

/** Each scenario's nodes by id, built once: a long saved run looks a node up at every step. */
const nodesById = new WeakMap<Scenario, ReadonlyMap<string, ScenarioNode>>();

/** The node with this id in the scenario, if there is one. */
function nodeById(scenario: Scenario, id: string): ScenarioNode | undefined {
  let byId = nodesById.get(scenario);
  if (!byId) nodesById.set(scenario, (byId = new Map(scenario.nodes.map((node) => [node.id, node]))));
  return byId.get(id);
}

function lastStop(run: Run): Stop {
  return run.stops.at(-1)!;
}

/** The node the run is at now: a choice node or an ending. */
export function currentNode(run: Run): ScenarioNode {
  const id = String(lastStop(run).snapshot.value);
  return nodeById(run.scenario, id)!;
}

/** The variables' current values. */
export function currentVariables(run: Run): Variables {
  return lastStop(run).snapshot.context.vars;
}

/** The ending reached, or undefined while the run goes on. */
export function endingOf(run: Run): EndingNode | undefined {
  const node = currentNode(run);
  return lastStop(run).snapshot.status === 'done' && node.kind === 'ending' ? node : undefined;
}

/** The choices offered now, numbered from 1 in file order; empty at an ending. */
export function offeredChoices(run: Run): OfferedChoice[] {
  return offeredAt(run, run.stops.length - 1);
}

/** The choices that were offered at a stop of the run (0 is the start), as {@link offeredChoices}. */
export function offeredAt(run: Run, stopIndex: number): OfferedChoice[] {
  const { snapshot } = run.stops[stopIndex]!;
  const node = nodeById(run.scenario, String(snapshot.value));
  if (node?.kind !== 'choice') return [];
  // The machine's `isOffered` guard is this same test; asking the condition directly is far
  // cheaper than `snapshot.can`, which a debrief of a long run would do at every step.
  const offered: OfferedChoice[] = [];
  node.choices.forEach((choice, index) => {
    if (choice.condition === undefined || holds(choice.condition, snapshot.context.vars)) offered.push({ number: offered.length + 1, index, choice });
  });
  return offered;
}

/**
 * The lines shown on arriving at a stop of the run (0 is the start): those of every node entered,
 * routes included, that hold with the variables there.
 */
export function linesAt(run: Run, stopIndex: number): Line[] {
  const { entered, snapshot } = run.stops[stopIndex]!;
  return entered.flatMap((id) => shownLines(nodeById(run.scenario, id)!, snapshot.context.vars));
}

/** Picks the choice at `index` (file order) of the current node. */
export function choose(run: Run, index: number): Run {
  const { snapshot } = lastStop(run);
  const event = { type: 'choice.select', choice: index } as const;
  if (!offeredChoices(run).some((offered) => offered.index === index)) {
    throw new RunError(`Choice ${index + 1} of node \`${currentNode(run).id}\` is not offered now`);
  }
  const [next, actions] = transition(run.machine, snapshot, event);
  return { ...run, stops: [...run.stops, { snapshot: next, entered: enteredNodes(actions), choice: index }] };
}

/** Picks the offered choice with this number (1-based among the choices offered now). */
export function chooseNumber(run: Run, number: number): Run {
  const offered = offeredChoices(run);
  const pick = offered.find((choice) => choice.number === number);
  if (!pick) {
    const node = currentNode(run);
    const range = offered.length === 0 ? 'none, since the run has ended' : offered.length === 1 ? 'only 1' : `1 to ${offered.length}`;
    throw new RunError(`There is no choice ${number} at node \`${node.id}\`: the choices offered are ${range}`);
  }
  return choose(run, pick.index);
}

/** Takes back the last choice; at the start, the run is returned as it is. */
export function undo(run: Run): Run {
  return run.stops.length > 1 ? { ...run, stops: run.stops.slice(0, -1) } : run;
}

/** Starts the same scenario again. */
export function restart(run: Run): Run {
  return startRun(run.scenario, run.machine);
}

/** Whether there is a choice to undo. */
export function canUndo(run: Run): boolean {
  return run.stops.length > 1;
}

/** The choices picked so far, in order. */
export function picks(run: Run): Pick[] {
  return run.stops.slice(1).map((stop, i) => {
    const node = String(run.stops[i]!.snapshot.value);
    const choiceNode = nodeById(run.scenario, node) as Extract<ScenarioNode, { kind: 'choice' }>;
    return { node, index: stop.choice!, choice: choiceNode.choices[stop.choice!]! };
  });
}

/** The file indices of the choices picked so far: enough to store a run and replay it later. */
export function choiceIndices(run: Run): number[] {
  return run.stops.slice(1).map((stop) => stop.choice!);
}

/**
 * Replays stored choice indices; throws a {@link RunError} at the first one the scenario does not
 * offer at that point (it changed, or the record was edited by hand). Builds the stops in one pass,
 * so a run of any length replays in time proportional to its length: `choose` copies the stops at
 * every step, which is right for one step and quadratic over a long stored run.
 */
export function replay(scenario: Scenario, indices: readonly number[], machine?: ScenarioMachine): Run {
  const start = startRun(scenario, machine);
  const stops: Stop[] = [...start.stops];
  // The machine is pure: where a choice leads depends only on the node, the variables and the
  // choice. A long run goes round the same loops, so each distinct step is worked out once.
  const steps = new Map<string, Stop | undefined>();
  for (const [position, index] of indices.entries()) {
    const { snapshot } = stops.at(-1)!;
    const key = `${String(snapshot.value)} ${JSON.stringify(snapshot.context.vars)} ${index}`;
    if (!steps.has(key)) steps.set(key, stepFrom(start.machine, snapshot, index));
    const next = steps.get(key);
    if (!next) throw new RunError(`Choice ${index + 1} of node \`${String(snapshot.value)}\` is not offered at step ${position + 1} of the stored run`);
    stops.push(next);
  }
  return { ...start, stops };
}

/** A choice picked on an earlier version of the scenario, as {@link replayWhereFits} matches it again. */
export interface EarlierPick {
  /** The node it was picked at. */
  readonly node: string;
  /** Its index in the node, in file order. */
  readonly index: number;
  /** What it said, to find it again if choices were added or moved above it; unknown for a run stored as indices. */
  readonly says?: string;
  /** How many choices the node had then: the same place is the same choice only while the node has as many. */
  readonly of?: number;
}

/**
 * Replays choices picked on an earlier version of a scenario, from `start`, for as long as they
 * still fit, as Inky does after an edit: at each step the run must be at the same node, and the
 * choice is the offered one that says the same words, or failing that (its words were edited) the
 * one at the same place, if the node has as many choices as it had. Stops at the first that does
 * not fit; says how many were replayed.
 */
export function replayWhereFits(start: Run, earlier: readonly EarlierPick[]): { readonly run: Run; readonly replayed: number } {
  let run = start;
  for (const [replayed, pick] of earlier.entries()) {
    const node = currentNode(run);
    if (node.id !== pick.node || node.kind !== 'choice') return { run, replayed };
    const offered = offeredChoices(run);
    const samePlace = pick.of === undefined || node.choices.length === pick.of;
    const same = offered.find((option) => pick.says !== undefined && option.choice.says === pick.says) ?? (samePlace ? offered.find((option) => option.index === pick.index) : undefined);
    if (!same) return { run, replayed };
    run = choose(run, same.index);
  }
  return { run, replayed: earlier.length };
}

/** The choices picked so far, as {@link replayWhereFits} takes them. */
export function earlierPicks(run: Run): EarlierPick[] {
  return picks(run).map((pick) => ({ node: pick.node, index: pick.index, says: pick.choice.says, of: (nodeById(run.scenario, pick.node) as Extract<ScenarioNode, { kind: 'choice' }>).choices.length }));
}

/** The stop a choice leads to from a snapshot, or undefined if the choice is not offered there. */
function stepFrom(machine: ScenarioMachine, snapshot: Snapshot, index: number): Stop | undefined {
  const event = { type: 'choice.select', choice: index } as const;
  if (!Number.isInteger(index) || !snapshot.can(event)) return undefined;
  const [next, actions] = transition(machine, snapshot, event);
  return { snapshot: next, entered: enteredNodes(actions), choice: index };
}

/** Every node entered so far, in order, route nodes included. */
export function visitedNodes(run: Run): string[] {
  return run.stops.flatMap((stop) => stop.entered);
}

/** What the trainee has seen and done so far, in order. */
export function transcript(run: Run): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  run.stops.forEach((stop, i) => {
    if (stop.choice !== undefined) {
      const node = String(run.stops[i - 1]!.snapshot.value);
      const choiceNode = nodeById(run.scenario, node) as Extract<ScenarioNode, { kind: 'choice' }>;
      entries.push({ kind: 'choice', node, index: stop.choice, choice: choiceNode.choices[stop.choice]! });
    }
    for (const id of stop.entered) {
      const node = nodeById(run.scenario, id)!;
      const lines = shownLines(node, stop.snapshot.context.vars);
      if (lines.length > 0) entries.push({ kind: 'lines', node: id, lines });
      if (node.kind === 'ending') entries.push({ kind: 'ending', ending: node });
    }
  });
  return entries;
}
