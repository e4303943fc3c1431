/**
 * Markdown to mdast for scenario files, with unified/remark.
 *
 * A long scenario is parsed in chunks of whole nodes (split before `## ` headings), and the chunks'
 * trees are joined with their positions shifted back into the file. The result is the tree a
 * whole-file parse gives, but the time grows linearly with the file: micromark 4 copies its whole
 * event list each time a list closes, so one parse of a file with a thousand choice lists takes
 * seconds. Chunks of about a kilobyte keep that copying small.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

const fence = /^ {0,3}(`{3,}|~{3,})/;
const nodeHeading = /^ {0,3}##(?:[ \t]|$)/;
const chunkSize = 1024;

/** Where chunks begin: at level-2 ATX headings outside code and front matter, a few KB apart. */
function chunkStarts(source: string): number[] {
  const starts = [0];
  let openFence: string | undefined;
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
    const marker = fence.exec(line)?.[1];
    if (openFence) {
      if (marker && marker[0] === openFence[0] && marker.length >= openFence.length && line.trim() === marker) openFence = undefined;
      continue;
    }
    if (marker) openFence = marker;
    else if (nodeHeading.test(line) && here - starts.at(-1)! >= chunkSize) starts.push(here);
  }
  return starts;
}

/** Parses a scenario file's Markdown (with YAML front matter) to one mdast tree. */
export function parseMarkdown(source: string): Root {
  const starts = chunkStarts(source);
  const root: Root = { type: 'root', children: [] };
  let lineOffset = 0;
  starts.forEach((start, i) => {
    const text = source.slice(start, starts[i + 1] ?? source.length);
    const tree = parser.parse(text) as Root;
    if (start > 0) {
      visit(tree, (node) => {
        if (!node.position) return;
        node.position.start = { ...node.position.start, line: node.position.start.line + lineOffset, offset: (node.position.start.offset ?? 0) + start };
        node.position.end = { ...node.position.end, line: node.position.end.line + lineOffset, offset: (node.position.end.offset ?? 0) + start };
      });
    }
    root.children.push(...tree.children);
    lineOffset += text.split('\n').length - 1;
  });
  return root;
}
