/**
 * What the studio's worker does with the text in the editor: the same check as `coach test`
 * (`lintScenario`, walking the `checks:` too), turned into plain data the island can show: the
 * problems with their places, the coverage figures, and the nodes and arrows of the diagram (laid
 * out next, by `layout-diagram.ts`). Pure: text in, report out, so it is tested without a browser.
 */
import { VFile } from 'vfile';
import { coverageFigures } from '../engine/coverage.ts';
import { diagramEdges, type DiagramEdge } from '../engine/diagram.ts';
import { severityOf, type Severity } from '../engine/diagnostics.ts';
import { lintScenario, type LintResult } from '../engine/lint.ts';
import { defaultMaxWays, endingPaths } from '../engine/paths.ts';
import { describeEndingPaths, howPathsAreGrouped, type EndingPathsText } from '../engine/paths-text.ts';
import type { Point, Scenario } from '../engine/types.ts';
import { builtInVocabulary, type Vocabulary } from '../engine/vocabulary.ts';
import type { DiagramGraph, DiagramNode } from './layout-diagram.ts';

export interface DraftRequest {
  /** The Markdown in the editor. */
  readonly text: string;
  /** The name the draft will be saved as, such as `meeting-alex.md`: the scenario's id comes from it. */
  readonly fileName: string;
  /** Ids of the course's modules, which `modules:` may name. */
  readonly modules: readonly string[];
  /** The skills and tags a scenario may use; the built-in ones when absent. */
  readonly vocabulary?: Vocabulary;
  /** Also work out the paths to each ending (only while the studio's paths view is open: it costs more than the checks). */
  readonly paths?: boolean;
}

/** The paths behind each ending, in the words of `coach paths`; or why they cannot be listed yet. */
export type DraftPaths =
  | { readonly listed: true; readonly grouped: string; readonly endings: readonly EndingPathsText[] }
  | { readonly listed: false; readonly why: string };

/** One problem, as `coach lint` reports it, with where it starts and ends (1-based lines and columns). */
export interface DraftProblem {
  readonly severity: Severity;
  readonly reason: string;
  readonly ruleId: string;
  readonly start: Point;
  readonly end: Point;
  /** More lines under the reason: a failing check's walk, step by step. */
  readonly note?: string;
}

export interface DraftReport {
  /** Every problem, in the order of the file. */
  readonly problems: readonly DraftProblem[];
  /** The coverage figures `coach test` prints; absent while errors stop the exploration. */
  readonly coverage?: { readonly figures: readonly string[]; readonly partial: boolean };
  /** The draft's nodes and arrows, as far as they could be read. */
  readonly graph: DiagramGraph;
  /** Whether the graph knows which nodes are reached (it does once the draft could be explored). */
  readonly explored: boolean;
  /** The scenario, when the draft has no errors: what the preview plays. */
  readonly scenario?: Scenario;
  /** The paths to each ending, when they were asked for. */
  readonly paths?: DraftPaths;
}

/**
 * The edges with their choice's or route's number in its node: `diagramEdges` gives one edge per
 * choice or route, in file order, so counting the edges from each node numbers them as the file does.
 */
function numberedEdges(edges: readonly DiagramEdge[], nodes: ReadonlyArray<{ readonly id: string; readonly kind: string }>): DiagramGraph['edges'] {
  const kindOf = new Map(nodes.map((node) => [node.id, node.kind]));
  const counted = new Map<string, number>();
  return edges.map((edge) => {
    const number = (counted.get(edge.from) ?? 0) + 1;
    counted.set(edge.from, number);
    return { ...edge, number, route: kindOf.get(edge.from) === 'route' };
  });
}

/**
 * Checks a scenario's text exactly as the studio, the play-a-file page and a hosted room server's
 * upload do (`coach test`'s checks, `checks:` walked), without the diagram: one check, so a file
 * the browser passes is a file the server passes.
 */
export function checkScenarioText(text: string, fileName: string, modules: readonly string[], vocabulary: Vocabulary = builtInVocabulary): LintResult {
  return lintScenario(new VFile({ path: fileName, value: text }), { modules, walkChecks: true, skills: vocabulary.skills, tags: vocabulary.tags });
}

/** A checked file's problems as plain data, each with where it starts and ends. */
export function draftProblems(file: VFile): DraftProblem[] {
  return file.messages.map((message): DraftProblem => {
    const start = { line: message.line ?? 1, column: message.column ?? 1 };
    const end = message.place && 'end' in message.place ? message.place.end : start;
    return { severity: severityOf(message), reason: message.reason, ruleId: message.ruleId ?? '', start, end: { line: end.line, column: end.column }, ...(message.note ? { note: message.note } : {}) };
  });
}

/** Checks a draft as `coach test` checks a file, and describes what it found for the studio. */
export function checkDraft({ text, fileName, modules, vocabulary = builtInVocabulary, paths }: DraftRequest): DraftReport {
  const result = checkScenarioText(text, fileName, modules, vocabulary);
  const { file, tree, exploration } = result;
  const problems = draftProblems(file);
  const explored = exploration !== undefined && !exploration.capped;
  const reached = new Set(exploration?.nodesReached);
  const nodes = (tree?.nodes ?? []).map((node): DiagramNode => ({
    id: node.id,
    heading: node.heading,
    kind: node.kind,
    ...(node.kind === 'ending' ? { outcome: node.outcome } : {}),
    ways: node.kind === 'choice' ? node.choices.length : node.kind === 'route' ? node.routes.length : 0,
    ...(explored ? { reached: reached.has(node.id) } : {}),
    line: node.place.start.line,
  }));
  return {
    problems,
    ...(exploration ? { coverage: { figures: coverageFigures(exploration, result.checks), partial: exploration.capped } } : {}),
    graph: { start: tree?.start ?? '', nodes, edges: tree ? numberedEdges(diagramEdges(tree), tree.nodes) : [] },
    explored,
    ...(result.scenario ? { scenario: result.scenario } : {}),
    ...(paths ? { paths: draftPaths(result) } : {}),
  };
}

/** The paths to each ending, as many ways as `coach paths` lists by default, once the draft can be explored in full. */
function draftPaths({ scenario, exploration }: LintResult): DraftPaths {
  if (!scenario) return { listed: false, why: 'The paths show once the draft has no errors.' };
  if (!exploration?.stateGraph) return { listed: false, why: 'The draft has too many states to list its paths: its exploration stopped at its cap (the problems say why).' };
  return { listed: true, grouped: howPathsAreGrouped(defaultMaxWays), endings: endingPaths(scenario, exploration.stateGraph).map(describeEndingPaths) };
}
