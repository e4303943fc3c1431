/**
 * The ending reader: a node with no list, whose first paragraph is `**Outcome:** …`. The rest is
 * the debrief, in parts: the blocks between conditional paragraphs (`**If …:** …`), and each
 * conditional paragraph on its own, so that a run shows the parts whose conditions hold.
 */
import type { RootContent } from 'mdast';
import { report } from '../diagnostics.ts';
import { outcomes } from '../front-matter-schema.ts';
import { didYouMean } from '../suggest.ts';
import type { DebriefPart, EndingNode, Quote, Span } from '../types.ts';
import { describeBlock, endOf, spanOf, startOf, type ParseContext } from './context.ts';
import { isOutcome, readShownWhen, speakerOf } from './lines.ts';

/** `Outcome: positive` written without bold, in italics, or with the colon outside the bold. */
const looseOutcome = /^outcome ?: ?(positive|mixed|negative)\b/i;

/** Words in straight or curly double quotes; those that run across a blank line are not one quote. */
const quotePattern = /["“]([^"“”]+)["”]/g;

/** Reads ending `nodeId` from its blocks; undefined (with a message) when it has no outcome. */
export function readEnding(context: ParseContext, nodeId: string, heading: string, place: Span, blocks: readonly RootContent[]): EndingNode | undefined {
  const { file, source } = context;
  const first = blocks[0];
  const expected = outcomes.map((o) => `**Outcome:** ${o}`);
  if (first?.type === 'paragraph' && !isOutcome(first)) {
    // The first line with its `*` and `_` taken out: `Outcome: positive` however it was marked up.
    const written = source.slice(startOf(first), endOf(first)).split('\n')[0]!.trim();
    const loose = looseOutcome.exec(written.replace(/[*_]/g, ''));
    if (loose) {
      const shown = written.slice(0, written.toLowerCase().indexOf(loose[1]!.toLowerCase()) + loose[1]!.length);
      const how = shown.startsWith('**') ? 'with its colon outside the bold' : /^[*_]/.test(shown) ? 'in italics' : 'without bold';
      report(file, `Unexpected \`${shown}\` ${how}, expected \`**Outcome:** ${loose[1]!.toLowerCase()}\`, in bold with the colon inside`, spanOf(context, first), 'ending-outcome', { expected });
      return undefined;
    }
  }
  if (!first || !isOutcome(first)) {
    const reason = blocks.some(isOutcome)
      ? `Unexpected ${describeBlock(first!)} before \`**Outcome:**\` in ending \`${nodeId}\`, expected the outcome as the first paragraph`
      : `Unexpected node \`${nodeId}\` with neither choices nor an outcome, expected a list of choices or routes, or \`**Outcome:** positive\`, \`mixed\` or \`negative\` as its first paragraph`;
    report(file, reason, first ? spanOf(context, first) : place, 'ending-outcome', { expected });
    return undefined;
  }
  // The outcome is the first line; text on the lines after it, in the same paragraph, starts the debrief.
  const afterOutcome = speakerOf(first)!.end;
  const [written = '', ...restOfParagraph] = source.slice(afterOutcome, endOf(first)).trim().split(/\r?\n/);
  const outcome = outcomes.find((o) => o === written.trim().toLowerCase());
  if (!outcome) {
    report(file, `Unexpected outcome \`${written.trim()}\` in ending \`${nodeId}\`, expected \`positive\`, \`mixed\` or \`negative\`${didYouMean(written, outcomes)}`, spanOf(context, first), 'ending-outcome', { expected });
    return undefined;
  }
  const rest = restOfParagraph.join('\n').trim();
  const restStart = rest ? Math.max(source.indexOf(rest.split('\n')[0]!, afterOutcome), afterOutcome) : afterOutcome;
  const debriefParts = readDebriefParts(context, blocks.slice(1), rest ? { text: rest, start: restStart, end: endOf(first), place: spanOf(context, first) } : undefined);
  const debrief = debriefParts.map((part) => part.markdown).join('\n\n');
  return { kind: 'ending', id: nodeId, heading, place, lines: [], outcome, debrief, debriefParts };
}

/** Text of the outcome's own paragraph, after the outcome line, that starts the debrief. */
interface Lead {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly place: Span;
}

/** The debrief's parts: runs of blocks, and each conditional paragraph on its own. */
function readDebriefParts(context: ParseContext, blocks: readonly RootContent[], lead: Lead | undefined): DebriefPart[] {
  const { source } = context;
  const parts: DebriefPart[] = [];
  let run: RootContent[] = [];
  let leadText = lead;
  const flush = () => {
    if (run.length === 0 && !leadText) return;
    const start = leadText?.start ?? startOf(run[0]!);
    const end = run.length > 0 ? endOf(run.at(-1)!) : leadText!.end;
    const blocksText = run.length > 0 ? source.slice(startOf(run[0]!), end).trim() : '';
    const markdown = [leadText?.text ?? '', blocksText].filter(Boolean).join('\n\n');
    const place = leadText ? { start: leadText.place.start, end: context.span(end, end).end } : context.span(start, end);
    parts.push({ markdown, place, quotes: quotesIn(context, start, end) });
    run = [];
    leadText = undefined;
  };
  for (const block of blocks) {
    const shown = block.type === 'paragraph' ? readShownWhen(context, block) : undefined;
    if (!shown) {
      run.push(block);
      continue;
    }
    flush();
    parts.push({
      markdown: source.slice(shown.start, endOf(block)).trim(),
      ...(shown.condition ? { condition: shown.condition } : {}),
      place: spanOf(context, block),
      quotes: quotesIn(context, shown.start, endOf(block)),
    });
  }
  flush();
  return parts;
}

/** The quotes in the file's text between two offsets, with their places. */
function quotesIn(context: ParseContext, start: number, end: number): Quote[] {
  return [...context.source.slice(start, end).matchAll(quotePattern)]
    .filter((match) => !/\n[ \t]*\r?\n/.test(match[1]!))
    .map((match) => ({
      text: match[1]!.replace(/\s+/g, ' ').trim(),
      place: context.span(start + match.index, start + match.index + match[0].length),
    }));
}
