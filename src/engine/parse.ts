/**
 * Stage 1, parse: a scenario file (Markdown with YAML front matter) to the scenario tree. Each part
 * of the format has its own reader in `parse/` (front matter, node, lines, choice, route, ending)
 * over a small shared context, the way micromark splits its constructs. Every problem of form is
 * recorded on the file with its place; the tree keeps whatever could be read, so later stages can
 * still report their own problems in the same run.
 */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from './diagnostics.ts';
import { idPattern, toScenarioId } from './front-matter-schema.ts';
import { maxChunkBytes, maxNesting, readScenarioMarkdown, type SourceProblem } from './markdown.ts';
import { createContext, startOf, type ParseContext } from './parse/context.ts';
import { emptyFrontMatter, readFrontMatter, type PlaceOf } from './parse/front-matter.ts';
import { reportRemoteImages } from './parse/media.ts';
import { findNodeHeadings, readNodes } from './parse/node.ts';
import type { Scenario, Span } from './types.ts';

export type { FrontMatterPath } from './parse/front-matter.ts';

export interface ParsedScenario {
  /** The tree, with whatever could be read; complete only when no error was recorded. */
  readonly scenario: Scenario;
  /** The place of a front-matter key or value, for messages about it. */
  readonly placeOf: PlaceOf;
  /** Top-level front-matter keys whose values were invalid (their defaults are used instead). */
  readonly invalidKeys: ReadonlySet<string>;
  /** Every node id the file declares, including nodes too broken to keep in the tree. */
  readonly nodeIds: ReadonlySet<string>;
  /** Choice and route targets with their places, for the reference checks. */
  readonly targets: ReadonlyArray<{ readonly target: string; readonly place: Span }>;
  /** Places of the variables named in conditions and effects. */
  readonly variableUses: ReadonlyArray<{ readonly variable: string; readonly place: Span }>;
  /** Places of choice tags. */
  readonly tagUses: ReadonlyArray<{ readonly tag: string; readonly place: Span }>;
}

/** Parses one scenario file, recording problems of form on it. */
export function parseScenario(file: VFile): ParsedScenario {
  const text = String(file.value);
  // A file that is plainly something else gets one message, not one for every line of it.
  if (!/^---[ \t]*\r?$/m.test(text.slice(0, text.indexOf('\n') + 1 || undefined)) && !/^ {0,3}##(?:[ \t]|$)/m.test(text)) {
    const what = text.trim() === '' ? 'empty file' : 'file that is not a scenario: it has neither front matter (`---` on its first line) nor nodes (`## ` headings)';
    report(file, `Unexpected ${what}, expected a scenario file (\`coach new my-scenario\` starts one)`, { line: 1, column: 1 }, 'not-a-scenario');
    return notAScenario(file);
  }
  checkFileName(file);
  const context = createContext(file, readableText(file));
  const { source } = context;
  const markdown = readScenarioMarkdown(source);
  for (const problem of markdown.problems) reportSourceProblem(context, problem);
  const front = readFrontMatter(context, markdown.frontMatter);
  reportRemoteImages(context, markdown.tree);

  const body = markdown.tree.children;
  const nodeHeadings = findNodeHeadings(context, body);
  const firstHeading = body.findIndex((child) => nodeHeadings.has(child));
  const introStart = markdown.frontMatter?.end ?? 0;
  const introEnd = firstHeading === -1 ? source.length : startOf(body[firstHeading]!);
  const introduction = source.slice(introStart, introEnd).trim();
  if (firstHeading === -1) {
    report(file, 'Unexpected file without nodes, expected at least one `## heading` starting a node', context.span(introStart, introStart), 'no-nodes');
  }
  const nodes = readNodes(context, body, nodeHeadings);
  const { meta } = front;
  const scenario: Scenario = { id: file.stem ?? 'scenario', meta, introduction, nodes, start: meta.start ?? nodes[0]?.id ?? '' };
  const { nodeIds, targets, variableUses, tagUses } = context;
  return { scenario, placeOf: front.placeOf, invalidKeys: front.invalidKeys, nodeIds, targets, variableUses, tagUses };
}

/** What is read of a file that is not a scenario: nothing. */
function notAScenario(file: VFile): ParsedScenario {
  const scenario: Scenario = { id: file.stem ?? 'scenario', meta: emptyFrontMatter(), introduction: '', nodes: [], start: '' };
  return { scenario, placeOf: () => undefined, invalidKeys: new Set(), nodeIds: new Set(), targets: [], variableUses: [], tagUses: [] };
}

/**
 * The file's text, ready to read. Old Mac files end lines with a carriage return alone: they are
 * read as if saved with ordinary line endings (the same length, so every place stays true), and
 * the trainer is told how to save them.
 */
function readableText(file: VFile): string {
  const source = String(file.value);
  if (!/\r(?!\n)/.test(source)) return source;
  if (source.includes('\n')) return withStrayReturnsAsSpaces(file, source);
  report(file, 'Unexpected old Mac line endings (a carriage return alone ends each line), expected the file saved as UTF-8 with ordinary line endings: in your editor choose Save As, then UTF-8 and LF (or Unix) line endings', { line: 1, column: 1 }, 'line-endings');
  return source.replace(/\r(?!\n)/g, '\n');
}

/**
 * A file with ordinary line endings and a carriage return alone inside a line (pasted from
 * elsewhere): each such line is reported where it is, and the return read as a space, so that
 * lines are counted as the trainer's editor counts them.
 */
function withStrayReturnsAsSpaces(file: VFile, source: string): string {
  const readable = source.replace(/\r(?!\n)/g, ' ');
  // Places are found in the mended text, whose lines are the editor's (a lone return would end one).
  const where = location(readable);
  let lastReported = 0;
  for (const match of source.matchAll(/\r(?!\n)/g)) {
    const place = where.toPoint(match.index)!;
    if (place.line === lastReported) continue;
    lastReported = place.line;
    report(file, 'Unexpected carriage return (an invisible control character) inside this line, expected none: delete it (it is read as a space meanwhile)', place, 'line-endings');
  }
  return readable;
}

function reportSourceProblem(context: ParseContext, problem: SourceProblem): void {
  const place = context.span(problem.offset, problem.offset).start;
  if (problem.kind === 'too-deep') {
    report(context.file, `Unexpected lists or block quotes nested more than ${maxNesting} levels deep, expected a few levels at most (a choice, then its \`- feedback:\` items); is this the right file?`, place, 'too-deep');
  } else {
    report(context.file, `Unexpected ${Math.round(problem.length / 1024)} KB of text with no blank line or \`## heading\` to break it, expected nodes of a few KB at most (the limit is ${maxChunkBytes / 1024} KB); is this the right file?`, place, 'too-long');
  }
}

/** A scenario's id is its file name: lower-case letters, digits and hyphens, ending `.md`. */
function checkFileName(file: VFile): void {
  const stem = file.stem ?? '';
  const extension = file.extname ?? '';
  if (extension === '.md' && idPattern.test(stem)) return;
  const suggested = `${toScenarioId(stem) || 'my-scenario'}.md`;
  report(file, `Unexpected file name \`${file.basename ?? ''}\`, expected lower-case letters, digits and hyphens ending in \`.md\`, such as \`${suggested}\``, { line: 1, column: 1 }, 'file-name', { expected: [suggested] });
}
