/** The lines reader: the paragraphs of a node before its list, spoken (`**Name:**`) or narration. */
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { report } from '../diagnostics.ts';
import type { Line } from '../types.ts';
import { describeBlock, endOf, spanOf, startOf, type ParseContext } from './context.ts';

/** `**Name:**` at the start of a paragraph: the name, and where the rest of the line begins. */
export function speakerOf(paragraph: Paragraph): { name: string; end: number } | undefined {
  const strong = paragraph.children[0];
  if (strong?.type !== 'strong') return undefined;
  const text = toString(strong).trim();
  if (!text.endsWith(':') || text.length < 2) return undefined;
  return { name: text.slice(0, -1).trim(), end: endOf(strong) };
}

/** Whether a paragraph is `**Outcome:** …`, which only an ending may have. */
export const isOutcome = (block: RootContent): block is Paragraph => block.type === 'paragraph' && speakerOf(block)?.name.toLowerCase() === 'outcome';

/** Reads the lines of node `nodeId`: every block must be a paragraph. */
export function readLines(context: ParseContext, nodeId: string, blocks: readonly RootContent[]): Line[] {
  const { file, source } = context;
  const lines: Line[] = [];
  for (const block of blocks) {
    if (block.type !== 'paragraph') {
      report(file, `Unexpected ${describeBlock(block)} in node \`${nodeId}\`, expected a line (a paragraph) or the list of choices`, spanOf(context, block), 'node-content');
      continue;
    }
    if (isOutcome(block)) {
      report(file, `Unexpected \`**Outcome:**\` in node \`${nodeId}\`, which has choices or routes; an ending has none (a list in its debrief is fine as long as no item leads on with \`->\`)`, spanOf(context, block), 'node-content');
      continue;
    }
    const speaker = speakerOf(block);
    lines.push({
      ...(speaker ? { speaker: speaker.name } : {}),
      markdown: source.slice(speaker ? speaker.end : startOf(block), endOf(block)).trim(),
      place: spanOf(context, block),
    });
  }
  return lines;
}
