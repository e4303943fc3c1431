/**
 * A scenario file split into its YAML front matter and its Markdown body (mdast, with unified and
 * remark), in time that grows linearly with the file, whatever is in it.
 *
 * micromark 4 rebuilds its whole event list each time a container (a list, a list item, a block
 * quote) closes, so one parse of a long file costs the square of its length: a few thousand
 * lists, or a few thousand nested items in one node, take seconds. The body is therefore parsed
 * in small chunks, split only where CommonMark starts afresh (see {@link chunkStarts}), and the
 * chunks' trees are joined with their positions shifted back into the file. The result is the
 * tree a whole-file parse gives (a property test checks it). Every node heading starts a chunk,
 * and a chunk's tree depends only on its text, so recent chunks' trees are kept: re-checking a
 * draft after a keystroke (as the studio does) parses only the node that changed. Two things no scenario needs are
 * refused before parsing, each reported once by the parser: containers nested deeper than
 * {@link maxNesting}, and runs of text longer than {@link maxChunkBytes} with nowhere to split.
 */
import type { List, Nodes, Root, RootContent } from 'mdast';
import type { Point } from 'unist';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/** Lists and block quotes nested deeper than this are refused: a scenario's go two levels deep. */
export const maxNesting = 32;
/** Text with nowhere to split it longer than this is refused: a scenario's nodes are a few KB. */
export const maxChunkBytes = 32 * 1024;
/** Chunks are cut at the first split point after this many characters. */
const chunkSize = 512;

/** The YAML between the `---` fences, and where it lies in the file (offsets). */
export interface FrontMatterText {
  readonly value: string;
  /** Offset of the first character of the YAML (the line after the opening fence). */
  readonly start: number;
  /** Offset just past the closing fence, or past the last YAML line when it is missing. */
  readonly end: number;
  /** False when no closing `---` was found; the YAML is then the lines that looked like YAML. */
  readonly closed: boolean;
}

/** Something refused before parsing, at an offset into the file, for the parser to report. */
export type SourceProblem =
  | { readonly kind: 'too-deep'; readonly offset: number }
  | { readonly kind: 'too-long'; readonly offset: number; readonly length: number };

export interface ScenarioMarkdown {
  readonly frontMatter?: FrontMatterText;
  /** The body after the front matter, as mdast, with positions in the whole file. */
  readonly tree: Root;
  readonly problems: readonly SourceProblem[];
}

interface SourceLine {
  readonly start: number;
  /** The line without its line ending. */
  readonly text: string;
  /** Its 0-based number in the file. */
  readonly index: number;
}

/** The lines of `text`, each with its offset; `\r\n` and `\n` end lines. */
function linesOf(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, text: text.slice(start, end).replace(/\r$/, ''), index: lines.length });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

const fenceLine = /^---[ \t]*$/;
const nodeHeadingLine = /^ {0,3}##(?:[ \t]|$)/;
/** Lines that can belong to YAML front matter: keys, list items, indented lines, comments, blanks. */
const yamlLike = /^(?:\s*$|\s|#(?!#)|-(?:\s|$)|[^\s:#][^:]*:(?:\s|$)|\.\.\.\s*$)/;

/**
 * The front matter, as remark-frontmatter finds it: `---` on the first line and `---` closing it;
 * and the index of the first line after it. Without a closing fence, the YAML is taken to be the
 * lines that look like YAML, up to the first that does not (a heading or a paragraph), so that
 * one missing line is reported once.
 */
function splitFrontMatter(lines: readonly SourceLine[]): { frontMatter?: FrontMatterText; bodyLine: number } {
  if (lines.length < 2 || !fenceLine.test(lines[0]!.text)) return { bodyLine: 0 };
  const start = lines[1]!.start;
  const close = lines.findIndex((line, i) => i > 0 && fenceLine.test(line.text));
  if (close !== -1) {
    const closing = lines[close]!;
    const value = close === 1 ? '' : sliceLines(lines, 1, close);
    return { frontMatter: { value, start, end: closing.start + closing.text.length, closed: true }, bodyLine: close + 1 };
  }
  let last = 0;
  for (let i = 1; i < lines.length && yamlLike.test(lines[i]!.text) && !nodeHeadingLine.test(lines[i]!.text); i++) {
    if (lines[i]!.text.trim() !== '') last = i;
  }
  const value = last === 0 ? '' : sliceLines(lines, 1, last + 1);
  const end = last === 0 ? lines[0]!.text.length : lines[last]!.start + lines[last]!.text.length;
  return { frontMatter: { value, start, end, closed: false }, bodyLine: last + 1 };
}

function sliceLines(lines: readonly SourceLine[], from: number, to: number): string {
  return lines.slice(from, to).map((line) => line.text).join('\n');
}

const fence = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that run on past blank lines, to their end marker (CommonMark's kinds 1 to 5). */
const htmlUntilMarker: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** A bullet item at the margin that can start or continue a top-level list (not a thematic break). */
const bulletItem = /^([-*+])[ \t]+\S/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const blank = /^[ \t]*$/;

interface ChunkStart {
  readonly offset: number;
  readonly line: number;
  /** The bullet that starts this chunk, where it may continue a list of the chunk before. */
  readonly bullet?: string;
}

/**
 * Where chunks of the body may begin, at lines where no open block can go on:
 * - a level-2 heading at the margin (a new node);
 * - a line at the margin after a blank line that starts neither a list item nor a block that
 *   could be code or HTML: a blank line has closed every paragraph and block quote, and a line
 *   at the margin closes every list;
 * - a bullet item at the margin after any line but a blank one: it closes whatever was open
 *   (a bullet item interrupts a paragraph), and if the chunk before ends with a list of the same
 *   bullet, the two are one list, joined again after parsing.
 * Never inside a fenced code block or an HTML block that runs on past blank lines.
 */
function chunkStarts(lines: readonly SourceLine[]): ChunkStart[] {
  if (lines.length === 0) return [];
  const starts: ChunkStart[] = [{ offset: lines[0]!.start, line: lines[0]!.index }];
  let openFence: string | undefined;
  let htmlEnd: RegExp | undefined;
  let inHtml = false;
  for (let i = 1; i < lines.length; i++) {
    const { text, start, index } = lines[i]!;
    const previous = lines[i - 1]!.text;
    if (openFence) {
      const marker = fence.exec(text)?.[1];
      if (marker && marker[0] === openFence[0] && marker.length >= openFence.length && text.trim() === marker) openFence = undefined;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(text)) htmlEnd = undefined;
      continue;
    }
    if (inHtml) {
      // Other HTML blocks end at a blank line.
      if (blank.test(text)) inHtml = false;
      continue;
    }
    // Within a node, a chunk is cut only far enough from the last cut, which is in the same node:
    // so where chunks begin depends only on the node's own text, and an edit elsewhere keeps them.
    const far = start - starts.at(-1)!.offset >= chunkSize;
    const atMargin = /^[^\s]/.test(text);
    const bullet = bulletItem.exec(text)?.[1];
    if (atMargin && nodeHeadingLine.test(text)) starts.push({ offset: start, line: index });
    else if (far && atMargin && !thematicBreak.test(text)) {
      if (bullet && !blank.test(previous)) starts.push({ offset: start, line: index, bullet });
      else if (blank.test(previous) && !bullet && !/^(?:\d|<|[`~]{3})/.test(text)) starts.push({ offset: start, line: index });
    }
    const marker = fence.exec(text)?.[1];
    if (marker) openFence = marker;
    else if (/^ {0,3}</.test(text)) {
      htmlEnd = htmlUntilMarker.find(([opens]) => opens.test(text))?.[1];
      if (htmlEnd?.test(text.replace(/^ {0,3}<(?:!--|\?|!\[CDATA\[|!)?/, ''))) htmlEnd = undefined;
      else if (!htmlEnd) inHtml = true;
    }
  }
  return starts;
}

/** How deeply a line's containers nest, at most: block-quote and list markers, and indentation. */
function nestingOf(text: string): number {
  const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/.exec(text)![0];
  const markers = prefix.replace(/[ \t]/g, '').replace(/\d+/g, '').length;
  const indent = prefix.replace(/\t/g, '    ').length - markers;
  return markers + Math.floor(indent / 2);
}

/** `text` with the given lines blanked (spaces), keeping its length, so offsets stay true. */
function blankOut(text: string, lines: readonly SourceLine[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const line of lines) {
    parts.push(text.slice(at, line.start), ' '.repeat(line.text.length));
    at = line.start + line.text.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Parses a scenario file: its front matter, and its body as mdast in linear time. */
export function readScenarioMarkdown(source: string): ScenarioMarkdown {
  const problems: SourceProblem[] = [];
  const lines = linesOf(source);
  const { frontMatter, bodyLine } = splitFrontMatter(lines);
  let text = source;
  let bodyLines = lines.slice(bodyLine);
  const tooDeep = bodyLines.filter((line) => line.text.length > maxNesting && nestingOf(line.text) > maxNesting);
  if (tooDeep.length > 0) {
    problems.push({ kind: 'too-deep', offset: tooDeep[0]!.start });
    text = blankOut(text, tooDeep);
    const blanked = new Set(tooDeep);
    bodyLines = bodyLines.map((line) => (blanked.has(line) ? { ...line, text: '' } : line));
  }

  const starts = chunkStarts(bodyLines);
  const root: Root = { type: 'root', children: [] };
  starts.forEach((chunk, i) => {
    const chunkText = text.slice(chunk.offset, starts[i + 1]?.offset ?? text.length);
    // Blank lines cost micromark next to nothing; only what is written counts against the limit.
    const written = chunkText.length > maxChunkBytes ? chunkText.replace(/\s+/g, '').length : chunkText.length;
    if (written > maxChunkBytes) {
      // Reported at the chunk's longest line: almost always the one that makes it too long.
      const end = chunk.offset + chunkText.length;
      const longest = bodyLines.filter((line) => line.start >= chunk.offset && line.start < end).reduce((a, b) => (b.text.length > a.text.length ? b : a));
      problems.push({ kind: 'too-long', offset: longest.start, length: written });
      return;
    }
    // Refused lines, blanked, need no parsing (the file has an error already, so its tree need
    // not be exact); otherwise trailing blank lines count, as in an unclosed code block.
    const tree = shiftedCopy(parseChunk(tooDeep.length > 0 ? chunkText.trimEnd() : chunkText), chunk.offset, chunk.line);
    const [first, ...rest] = tree.children;
    const last = root.children.at(-1);
    if (chunk.bullet && first?.type === 'list' && last?.type === 'list' && !last.ordered && text[offsetOf(last)] === chunk.bullet) {
      joinLists(last, first);
      root.children.push(...rest);
    } else {
      root.children.push(...tree.children);
    }
  });
  return { ...(frontMatter ? { frontMatter } : {}), tree: root, problems };
}

const offsetOf = (node: RootContent) => node.position?.start.offset ?? 0;

/** Appends the items of `next` to `list`: one list that a split had cut in two. */
function joinLists(list: List, next: List): void {
  list.children.push(...next.children);
  list.spread = Boolean(list.spread || next.spread);
  if (list.position && next.position) list.position.end = next.position.end;
}

/** Chunk trees by their text, the oldest forgotten first: enough for the largest scenario being edited. */
const chunkTrees = new Map<string, Root>();
const chunksKept = 4096;

function parseChunk(text: string): Root {
  let tree = chunkTrees.get(text);
  if (!tree) {
    tree = parser.parse(text) as Root;
    if (chunkTrees.size >= chunksKept) chunkTrees.delete(chunkTrees.keys().next().value!);
    chunkTrees.set(text, tree);
  }
  return tree;
}

/**
 * A copy of a kept chunk's tree, its positions moved to where the chunk lies in the file; the kept
 * tree is never changed. Iterative, so that no depth of inline nesting can overflow the stack.
 */
function shiftedCopy(tree: Root, offset: number, line: number): Root {
  const move = (point: Point): Point => ({ line: point.line + line, column: point.column, offset: (point.offset ?? 0) + offset });
  const copy: Root = { ...tree, children: [] };
  const stack: Array<[Nodes, Nodes]> = [[tree, copy]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    if (from.position) to.position = { start: move(from.position.start), end: move(from.position.end) };
    if ('children' in from && 'children' in to) {
      (to as { children: Nodes[] }).children = from.children.map((child: Nodes) => {
        const childCopy = { ...child } as Nodes;
        stack.push([child, childCopy]);
        return childCopy;
      });
    }
  }
  return copy;
}
