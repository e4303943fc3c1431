/**
 * Markdown to mdast for scenario files, with unified/remark.
 *
 * A scenario is parsed node by node: the file is split before each `## ` heading, each chunk is
 * parsed alone, and the chunks' trees are joined with their positions shifted back into the file.
 * The result is the tree a whole-file parse gives, for two reasons of speed:
 *
 * - The time grows linearly with the file: micromark 4 copies its whole event list each time a
 *   list closes, so one parse of a file with a thousand choice lists takes seconds.
 * - A chunk's tree depends only on its text, so recent chunks are kept: re-checking a draft after
 *   a keystroke (as the studio does) parses only the node that changed.
 */
import type { Nodes, Root } from 'mdast';
import type { Point, Position } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const fence = /^ {0,3}(`{3,}|~{3,})/;
/** A block of HTML comment that starts on this line and does not end on it. */
const openComment = /^ {0,3}<!--(?![\s\S]*-->)/;
/**
 * Only unindented headings start a chunk: an indented one may belong to a list item. Leaving a
 * heading inside a chunk is always safe; splitting where a whole-file parse would not is not.
 */
const nodeHeading = /^##(?:[ \t]|$)/;

/** Where chunks begin: at level-2 ATX headings outside code, comments and front matter. */
function chunkStarts(source: string): number[] {
  const starts = [0];
  let openFence: string | undefined;
  let inComment = false;
  let inFrontMatter = source.startsWith('---');
  let offset = 0;
  let first = true;
  for (const line of source.split('\n')) {
    const here = offset;
    offset += line.length + 1;
    if (first) {
      first = false;
      continue;
    }
    if (inFrontMatter) {
      if (/^(---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
      continue;
    }
    if (inComment) {
      inComment = !line.includes('-->');
      continue;
    }
    const marker = fence.exec(line)?.[1];
    if (openFence) {
      if (marker && marker[0] === openFence[0] && marker.length >= openFence.length && line.trim() === marker) openFence = undefined;
      continue;
    }
    if (marker) openFence = marker;
    else if (openComment.test(line)) inComment = true;
    else if (nodeHeading.test(line)) starts.push(here);
  }
  return starts;
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

/** A copy of `node` whose positions are moved on by `offset` characters and `lines` lines; the kept tree is never changed. */
function shifted<T extends Nodes>(node: T, offset: number, lines: number): T {
  const move = (point: Point): Point => ({ line: point.line + lines, column: point.column, offset: (point.offset ?? 0) + offset });
  const position: Position | undefined = node.position && { start: move(node.position.start), end: move(node.position.end) };
  const children = 'children' in node ? { children: node.children.map((child) => shifted(child, offset, lines)) } : {};
  return { ...node, ...children, ...(position ? { position } : {}) };
}

/** Parses a scenario file's Markdown (with YAML front matter) to one mdast tree. */
export function parseMarkdown(source: string): Root {
  const starts = chunkStarts(source);
  const root: Root = { type: 'root', children: [] };
  let lineOffset = 0;
  starts.forEach((start, i) => {
    const text = source.slice(start, starts[i + 1] ?? source.length);
    root.children.push(...parseChunk(text).children.map((child) => shifted(child, start, lineOffset)));
    lineOffset += text.split('\n').length - 1;
  });
  return root;
}
