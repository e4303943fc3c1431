/**
 * The lines reader: the paragraphs of a node before its list, spoken (`**Name:**`) or narration,
 * each perhaps shown only when a condition holds (`**If rapport >= 3:**` first).
 */
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseCondition, type Condition } from '../condition.ts';
import { report } from '../diagnostics.ts';
import { isWhitespace, trimEndWhere } from '../trim.ts';
import type { Line } from '../types.ts';
import { describeBlock, endOf, readGrammar, spanOf, startOf, type ParseContext } from './context.ts';

/** Whether an inline node is only white space, as between `**If …:**` and `**Name:**`. */
const isBlank = (node: PhrasingContent) => node.type === 'text' && node.value.trim() === '';

/**
 * `**Name:**` at the start of a paragraph (from its child `from`, after a condition): the name, and
 * where the rest of the line begins.
 */
export function speakerOf(paragraph: Paragraph, from = 0): { name: string; end: number } | undefined {
  let index = from;
  while (index < paragraph.children.length && isBlank(paragraph.children[index]!)) index++;
  const strong = paragraph.children[index];
  if (strong?.type !== 'strong') return undefined;
  const text = toString(strong).trim();
  if (!text.endsWith(':') || text.length < 2) return undefined;
  return { name: text.slice(0, -1).trim(), end: endOf(strong) };
}

/** Whether a paragraph is `**Outcome:** …`, which only an ending may have. */
export const isOutcome = (block: RootContent): block is Paragraph => block.type === 'paragraph' && speakerOf(block)?.name.toLowerCase() === 'outcome';

/**
 * Bold text that reads as a condition: `If`, then something compared (`<`, `>`, `=`). Version 1
 * would read `**If rapport >= 3:**` as a speaker of that name, which no scenario has; bold such as
 * `**If you felt stuck:**` in a debrief has no comparison and stays text.
 */
const conditionShaped = /^\s*if\s[^:]*[<>=]/i;

/** A paragraph's `**If <condition>:**`: the condition (undefined if it has mistakes, reported), and where the rest starts. */
export interface ShownWhen {
  readonly condition: Condition | undefined;
  /** Offset of the paragraph's text after the condition. */
  readonly start: number;
  /** The paragraph's first child after the condition. */
  readonly next: number;
}

/** Reads `**If <condition>:**` at the start of a paragraph, if it is there; a paragraph that is only that is an error. */
export function readShownWhen(context: ParseContext, paragraph: Paragraph): ShownWhen | undefined {
  const strong = paragraph.children[0];
  if (strong?.type !== 'strong') return undefined;
  const { source } = context;
  // The text inside the `**` as written, so that places in the condition stay true.
  const inner = source.slice(startOf(strong) + 2, endOf(strong) - 2);
  if (!conditionShaped.test(inner)) return undefined;
  const lead = /^\s*if\s+/i.exec(inner)![0];
  // A closing colon goes, with the spaces around it.
  const afterLead = inner.slice(lead.length);
  const written = trimEndWhere(afterLead, isWhitespace);
  const conditionText = written.endsWith(':') ? trimEndWhere(written.slice(0, -1), isWhitespace) : afterLead;
  // A colon written just after the bold (`**If rapport >= 3**:`) is read kindly, as the code's is not: it changes nothing.
  const start = endOf(strong) + (source[endOf(strong)] === ':' ? 1 : 0);
  const condition = readGrammar(context, parseCondition(conditionText), conditionText, startOf(strong) + 2 + lead.length, 'condition');
  if (source.slice(start, endOf(paragraph)).trim() === '') {
    report(context.file, `Unexpected \`**If ${conditionText}:**\` with nothing after it, expected the words to show when the condition holds, in the same paragraph: \`**If ${conditionText}:** Jordan smiles.\``, spanOf(context, paragraph), 'shown-when');
    return { condition: undefined, start, next: paragraph.children.length };
  }
  return { condition, start, next: 1 };
}

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
    const shown = readShownWhen(context, block);
    const speaker = speakerOf(block, shown?.next ?? 0);
    const markdown = source.slice(speaker ? speaker.end : shown?.start ?? startOf(block), endOf(block)).trim();
    lines.push({
      ...(speaker ? { speaker: speaker.name } : {}),
      markdown,
      ...(shown?.condition ? { condition: shown.condition } : {}),
      place: spanOf(context, block),
    });
  }
  return lines;
}
