/**
 * The paths behind each ending: every distinct run from the start to an ending, found on the state
 * graph that exploration built (a node and the variables' values per state), grouped by the nodes
 * they pass. What every run to an ending shares (nodes passed, codes and choices picked, values at
 * the end) and what only some do is worked out exactly over all runs, however many, by carrying
 * sets along the graph; only the listing of the ways is capped, because a scenario can have
 * millions of runs (and a loop makes them endless).
 */
import { behaviourCodes } from './behaviour-codes.ts';
import type { Variables } from './condition.ts';
import type { Outcome } from './front-matter-schema.ts';
import { countRuns, movesThrough, nodesById, reachingBack, startsThrough, type StateGraph, type StateGraphState } from './state-graph.ts';
import type { ChoiceNode, Scenario, ScenarioNode } from './types.ts';

/** How many ways through the nodes are listed for each ending, at most. */
export const defaultMaxWays = 10;
/** How many runs to an ending are looked through to list its ways, at most. */
export const defaultMaxRuns = 10_000;

export interface PathsOptions {
  /** Only the paths to this ending. */
  readonly ending?: string;
  /** How many ways to list for each ending. */
  readonly maxWays?: number;
  /** How many runs to look through, for each ending, to find the ways. */
  readonly maxRuns?: number;
}

/** A choice in the file: where it is and what it is. */
export interface ChoiceRef {
  readonly node: string;
  /** Its number in the node, from 1, in file order. */
  readonly number: number;
  readonly code: string;
  readonly says: string;
}

/** The lowest and highest value of a variable. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** One way through the nodes to an ending, and the runs that go this way. */
export interface Way {
  /** Every node passed, from the start to the ending, route nodes included. */
  readonly nodes: readonly string[];
  /** At each choice made on the way, in order: the node, and the choices this way's runs take there. */
  readonly steps: ReadonlyArray<{ readonly node: string; readonly choices: readonly ChoiceRef[] }>;
  /** How many of the runs looked through go this way. */
  readonly runs: number;
  /** Each variable's values at the ending, over this way's runs. */
  readonly variables: Readonly<Record<string, Range>>;
}

/** What every run that reaches an ending has, or what only some have. */
export interface RunFacts {
  /** Nodes passed (route nodes included), in file order. */
  readonly nodes: readonly string[];
  /** Behaviour codes picked at least once, in the order of the codes table. */
  readonly codes: readonly string[];
  /** Choices picked, in file order. */
  readonly choices: readonly ChoiceRef[];
}

/** The paths to one ending. */
export interface EndingPaths {
  readonly ending: { readonly id: string; readonly outcome: Outcome };
  /** Distinct runs from the start to this ending; `unbounded` when a loop on the way makes them endless. */
  readonly runs: bigint | 'unbounded';
  /** What every run that reaches the ending has. */
  readonly shared: RunFacts & { readonly variables: Readonly<Record<string, Range>> };
  /** What some runs that reach the ending have and others do not. */
  readonly varying: RunFacts;
  /** The ways through the nodes, in the order found (first choices first), at most `maxWays` of them. */
  readonly ways: readonly Way[];
  /** How many distinct ways the runs looked through take (the listed ones and the rest). */
  readonly waysFound: number;
  /** How many runs were looked through to find the ways. */
  readonly runsLookedAt: number;
  /**
   * True when every run was looked through. False when the listing stopped at `maxRuns`; and runs
   * that go round a loop are looked at once, without going round again, so with a loop it is false.
   */
  readonly complete: boolean;
}

/** The paths to every ending a run can reach (or to `options.ending`), in file order. */
export function endingPaths(scenario: Scenario, graph: StateGraph, options: PathsOptions = {}): EndingPaths[] {
  const byId = nodesById(scenario);
  const universe = factUniverse(scenario);
  const gen: FactsOf = (from, move) => factsOf(universe, byId, scenario, graph, from, move);
  const endings = scenario.nodes.filter((node): node is Extract<ScenarioNode, { kind: 'ending' }> => node.kind === 'ending' && (options.ending === undefined || node.id === options.ending));
  return endings.flatMap((ending) => {
    const isHere = (state: StateGraphState) => state.ended && state.node === ending.id;
    const here = [...graph.states].filter(([, state]) => isHere(state)).map(([key]) => key);
    if (here.length === 0) return [];
    const { every, some } = carryFacts(graph, universe.size, gen, isHere);
    const must = commonTo(every, here, universe.size);
    const shared = factsIn(universe, must);
    const varying = factsIn(universe, some.map((word, i) => word & ~must[i]!));
    const listing = listWays(scenario, graph, byId, isHere, options);
    return [{
      ending: { id: ending.id, outcome: ending.outcome },
      runs: countRuns(graph, isHere),
      shared: { ...shared, variables: rangesOf(here.map((key) => graph.states.get(key)!.vars)) },
      varying,
      ...listing,
    }];
  });
}

/** Every fact a run can have, each with a bit: nodes passed, codes picked, choices picked. */
interface FactUniverse {
  readonly size: number;
  readonly nodeBit: ReadonlyMap<string, number>;
  readonly codeBit: ReadonlyMap<string, number>;
  /** The bit of choice `index` of node `id` is `choiceBase.get(id) + index`. */
  readonly choiceBase: ReadonlyMap<string, number>;
  readonly describe: ReadonlyArray<{ kind: 'node'; id: string } | { kind: 'code'; name: string } | { kind: 'choice'; choice: ChoiceRef }>;
}

function factUniverse(scenario: Scenario): FactUniverse {
  const describe: Array<FactUniverse['describe'][number]> = [];
  const nodeBit = new Map<string, number>();
  const codeBit = new Map<string, number>();
  const choiceBase = new Map<string, number>();
  for (const node of scenario.nodes) {
    nodeBit.set(node.id, describe.length);
    describe.push({ kind: 'node', id: node.id });
  }
  for (const code of behaviourCodes) {
    codeBit.set(code.name, describe.length);
    describe.push({ kind: 'code', name: code.name });
  }
  for (const node of scenario.nodes) {
    if (node.kind !== 'choice') continue;
    choiceBase.set(node.id, describe.length);
    node.choices.forEach((_, index) => describe.push({ kind: 'choice', choice: choiceRef(node, index) }));
  }
  return { size: describe.length, nodeBit, codeBit, choiceBase, describe };
}

function choiceRef(node: ChoiceNode, index: number): ChoiceRef {
  const choice = node.choices[index]!;
  return { node: node.id, number: index + 1, code: choice.code.name, says: choice.says };
}

/** The facts of a move (or of the start, without one): the nodes it enters, and the choice and its code. */
function factsOf(universe: FactUniverse, byId: ReadonlyMap<string, ScenarioNode>, scenario: Scenario, graph: StateGraph, from: StateGraphState | undefined, move?: StateGraphState['moves'][number]): number[] {
  if (!from || !move) return startsThrough(byId, scenario, graph).map((id) => universe.nodeBit.get(id)!);
  const choice = (byId.get(from.node) as ChoiceNode).choices[move.choice]!;
  return [
    ...movesThrough(byId, graph, from, move).map((id) => universe.nodeBit.get(id)!),
    universe.codeBit.get(choice.code.name)!,
    universe.choiceBase.get(from.node)! + move.choice,
  ];
}

const words = (size: number) => new Uint32Array(Math.ceil(size / 32));
const set = (bits: Uint32Array, bit: number) => {
  bits[bit >>> 5]! |= 1 << (bit & 31);
};
/** Whether a fact's bit is set. */
export const has = (bits: Uint32Array, bit: number) => (bits[bit >>> 5]! & (1 << (bit & 31))) !== 0;

/** What a move (or, without one, the start) adds to a run: the bits of its facts. */
export type FactsOf = (from: StateGraphState | undefined, move?: StateGraphState['moves'][number]) => readonly number[];

/**
 * Facts carried along the graph, towards the states that `is` holds for (`within` all of them,
 * or only those that can reach one): for each state on the
 * way, the facts every run reaching it has (a move adds its own; where runs meet, only what they
 * all have is kept, until nothing changes); and the facts some run towards them has. Exact over
 * all runs, loops included: going round a loop adds facts and never removes one, so the runs
 * that do not go round decide what every run has.
 */
export function carryFacts(graph: StateGraph, size: number, gen: FactsOf, is: (state: StateGraphState) => boolean, within: 'can-reach' | 'all' = 'can-reach'): { every: ReadonlyMap<string, Uint32Array>; some: Uint32Array } {
  // Every state of a sound scenario can reach an ending: `all` saves working out which can.
  const reaching = within === 'can-reach' ? reachingBack(graph.states, is) : undefined;
  const useful = { has: (key: string) => reaching === undefined || reaching.has(key) };
  const some = words(size);
  const every = new Map<string, Uint32Array>();
  if (!useful.has(graph.initial)) return { every, some };
  const start = words(size);
  for (const bit of gen(undefined)) set(start, bit);
  some.set(start);
  every.set(graph.initial, start);
  const queue = [graph.initial];
  const queued = new Set(queue);
  for (let head = 0; head < queue.length; head++) {
    const key = queue[head]!;
    queued.delete(key);
    const state = graph.states.get(key)!;
    const here = every.get(key)!;
    for (const move of state.moves) {
      if (!useful.has(move.to)) continue;
      const out = here.slice();
      for (const bit of gen(state, move)) {
        set(out, bit);
        set(some, bit);
      }
      const known = every.get(move.to);
      let changed = false;
      if (!known) {
        every.set(move.to, out);
        changed = true;
      } else {
        for (let i = 0; i < known.length; i++) {
          const kept = known[i]! & out[i]!;
          if (kept !== known[i]) {
            known[i] = kept;
            changed = true;
          }
        }
      }
      if (changed && !queued.has(move.to)) {
        queue.push(move.to);
        queued.add(move.to);
      }
    }
  }
  return { every, some };
}

/** The facts every run to one of `keys` has: what each of those states keeps, in common. */
export function commonTo(every: ReadonlyMap<string, Uint32Array>, keys: readonly string[], size: number): Uint32Array {
  const common = words(size);
  keys.forEach((key, i) => {
    const facts = every.get(key) ?? words(size);
    if (i === 0) common.set(facts);
    else for (let w = 0; w < common.length; w++) common[w]! &= facts[w]!;
  });
  return common;
}

/** Whether a fact's bit is set. */
export 
function factsIn(universe: FactUniverse, bits: Uint32Array): RunFacts {
  const nodes: string[] = [];
  const codes: string[] = [];
  const choices: ChoiceRef[] = [];
  universe.describe.forEach((fact, bit) => {
    if (!has(bits, bit)) return;
    if (fact.kind === 'node') nodes.push(fact.id);
    else if (fact.kind === 'code') codes.push(fact.name);
    else choices.push(fact.choice);
  });
  return { nodes, codes, choices };
}

function rangesOf(values: readonly Variables[]): Record<string, Range> {
  const ranges: Record<string, Range> = {};
  for (const vars of values) {
    for (const [name, value] of Object.entries(vars)) {
      const known = ranges[name];
      ranges[name] = known ? { min: Math.min(known.min, value), max: Math.max(known.max, value) } : { min: value, max: value };
    }
  }
  return ranges;
}

/**
 * Looks through the runs to an ending, depth first in file order, never entering a state twice
 * on one run (so a loop is gone round once), and groups them by the nodes they pass. Stops after
 * `maxRuns` runs, or when the work of looking (a step, or a step of a run recorded) comes to a
 * hundred times that, which a scenario with long runs reaches first.
 */
function listWays(scenario: Scenario, graph: StateGraph, byId: ReadonlyMap<string, ScenarioNode>, is: (state: StateGraphState) => boolean, options: PathsOptions) {
  const maxRuns = options.maxRuns ?? defaultMaxRuns;
  const maxWays = options.maxWays ?? defaultMaxWays;
  const maxWork = maxRuns * 100;
  const useful = reachingBack(graph.states, is);
  const ways = new Map<number, { nodes: string[]; steps: Array<{ node: string; choices: ChoiceRef[] }>; runs: number; ends: Variables[] }>();
  const startNodes = startsThrough(byId, scenario, graph);
  let runsLookedAt = 0;
  let work = 0;
  let complete = true;
  // The run being looked at: each move taken on it, and the states it is at (a loop is gone round once).
  const moves: Array<{ from: StateGraphState; move: StateGraphState['moves'][number] }> = [];
  const onRun = new Set<string>([graph.initial]);
  // Each run's nodes so far, as a number: the same nodes in the same order are the same number, so
  // a run's way is known without going over its nodes again.
  const sequences = new Map<string, number>();
  const sequence: number[] = [0];
  const record = (end: StateGraphState) => {
    const key = sequence.at(-1)!;
    let way = ways.get(key);
    if (!way) {
      const nodes = [...startNodes, ...moves.flatMap(({ from, move }) => movesThrough(byId, graph, from, move))];
      ways.set(key, (way = { nodes, steps: moves.map(({ from }) => ({ node: from.node, choices: [] })), runs: 0, ends: [] }));
    }
    way.runs++;
    way.ends.push(end.vars);
    work += moves.length;
    moves.forEach(({ from, move }, i) => {
      const choices = way!.steps[i]!.choices;
      if (!choices.some((choice) => choice.number === move.choice + 1)) choices.push(choiceRef(byId.get(from.node) as ChoiceNode, move.choice));
    });
  };
  // Depth first without recursion, so that no length of run can overflow the stack.
  const stack: Array<{ key: string; next: number }> = useful.has(graph.initial) ? [{ key: graph.initial, next: 0 }] : [];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const state = graph.states.get(frame.key)!;
    const move = is(state) ? undefined : state.moves[frame.next++];
    if (!move) {
      if (is(state)) {
        runsLookedAt++;
        record(state);
      }
      stack.pop();
      onRun.delete(frame.key);
      if (moves.pop()) sequence.pop();
      continue;
    }
    if (runsLookedAt >= maxRuns || ++work > maxWork) {
      complete = false;
      break;
    }
    if (!useful.has(move.to)) continue;
    if (onRun.has(move.to)) {
      complete = false;
      continue;
    }
    onRun.add(move.to);
    moves.push({ from: state, move });
    const step = `${sequence.at(-1)}>${movesThrough(byId, graph, state, move).join(' ')}`;
    if (!sequences.has(step)) sequences.set(step, sequences.size + 1);
    sequence.push(sequences.get(step)!);
    stack.push({ key: move.to, next: 0 });
  }
  const found = [...ways.values()];
  return {
    ways: found.slice(0, maxWays).map((way): Way => ({
      nodes: way.nodes,
      steps: way.steps.map((step) => ({ node: step.node, choices: [...step.choices].sort((a, b) => a.number - b.number) })),
      runs: way.runs,
      variables: rangesOf(way.ends),
    })),
    waysFound: found.length,
    runsLookedAt,
    complete,
  };
}
