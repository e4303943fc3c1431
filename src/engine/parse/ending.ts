/** The ending reader: a node with no list, whose first paragraph is `**Outcome:** …`. */
import type { RootContent } from 'mdast';
import { report } from '../diagnostics.ts';
import { outcomes } from '../front-matter-schema.ts';
import { didYouMean } from '../suggest.ts';
import type { EndingNode, Span } from '../types.ts';
import { describeBlock, endOf, spanOf, startOf, type ParseContext } from './context.ts';
import { isOutcome, speakerOf } from './lines.ts';

/** Reads ending `nodeId` from its blocks; undefined (with a message) when it has no outcome. */
export function readEnding(context: ParseContext, nodeId: string, heading: string, place: Span, blocks: readonly RootContent[]): EndingNode | undefined {
  const { file, source } = context;
  const first = blocks[0];
  const expected = outcomes.map((o) => `**Outcome:** ${o}`);
  if (!first || !isOutcome(first)) {
    const reason = blocks.some(isOutcome)
      ? `Unexpected ${describeBlock(first!)} before \`**Outcome:**\` in ending \`${nodeId}\`, expected the outcome as the first paragraph`
      : `Unexpected node \`${nodeId}\` with neither choices nor an outcome, expected a list of choices or routes, or \`**Outcome:** positive\`, \`mixed\` or \`negative\` as its first paragraph`;
    report(file, reason, first ? spanOf(context, first) : place, 'ending-outcome', { expected });
    return undefined;
  }
  // The outcome is the first line; text on the lines after it, in the same paragraph, starts the debrief.
  const [written = '', ...restOfParagraph] = source.slice(speakerOf(first)!.end, endOf(first)).trim().split(/\r?\n/);
  const outcome = outcomes.find((o) => o === written.trim().toLowerCase());
  if (!outcome) {
    report(file, `Unexpected outcome \`${written.trim()}\` in ending \`${nodeId}\`, expected \`positive\`, \`mixed\` or \`negative\`${didYouMean(written, outcomes)}`, spanOf(context, first), 'ending-outcome', { expected });
    return undefined;
  }
  const after = blocks.length > 1 ? source.slice(startOf(blocks[1]!), endOf(blocks.at(-1)!)).trim() : '';
  const debrief = [restOfParagraph.join('\n').trim(), after].filter(Boolean).join('\n\n');
  return { kind: 'ending', id: nodeId, heading, place, lines: [], outcome, debrief };
}
