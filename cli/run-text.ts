/**
 * A run as lines of terminal text, shared by every command that shows one: `coach run`, `coach play`
 * without a terminal, and the Ink screen (which only adds colour by kind). Plain text, no escape
 * codes, so it reads the same in a log, a pipe or a screen reader.
 */
import { debriefOf, suggestionLead, type Debrief } from '../src/engine/debrief.ts';
import { ownWordsSentence, ownWordsSummary, readAs } from '../src/engine/own-words.ts';
import type { OfferedChoice, Run, TranscriptEntry } from '../src/engine/run.ts';
import { summaryNotes, summaryRows } from '../src/engine/score.ts';
import { describeStep, type TraceStep } from '../src/engine/trace.ts';
import type { Scenario } from '../src/engine/types.ts';
import { visibleControls, wrapText } from '../src/node/terminal-text.ts';
import { turnOf } from '../src/rooms/turns.ts';
import { scenarioFacts } from '../src/site/labels.ts';
import type { CodedReply, OwnWords } from './own-words.ts';
import { plainText } from './plain-markdown.ts';

export type LineKind = 'title' | 'heading' | 'speech' | 'narration' | 'coach' | 'feedback' | 'text' | 'meta' | 'blank';

export interface TextLine {
  readonly kind: LineKind;
  readonly text: string;
}

// Every line is made safe here, so no view can print a scenario's control characters raw.
const line = (kind: LineKind, text = ''): TextLine => ({ kind, text: visibleControls(text) });

/**
 * Markdown paragraphs as text lines re-wrapped to `width`: the line breaks a trainer typed inside
 * a paragraph are for their editor, not for the trainee's terminal. `Infinity` leaves wrapping to
 * the screen (Ink wraps to the terminal itself).
 */
function paragraphLines(markdown: string, width: number): TextLine[] {
  return plainText(markdown)
    .split('\n\n')
    .flatMap((paragraph, i) => [...(i > 0 ? [line('blank')] : []), ...wrapText(paragraph.replace(/\s*\n\s*/g, paragraph.startsWith('- ') ? '\n' : ' '), width).map((text) => line('text', text))]);
}

/** Title, persona card, introduction and content notes: what a trainee sees before starting. */
export function briefLines(scenario: Scenario, width = 80): TextLine[] {
  const { meta } = scenario;
  const { persona } = meta;
  const about = [persona.pronouns, persona.age !== undefined ? `${persona.age}` : undefined].filter(Boolean).join(', ');
  return [
    line('title', meta.title),
    line('meta', scenarioFacts(meta)),
    line('blank'),
    line('heading', `Who you are talking with: ${persona.name}${about ? ` (${about})` : ''}`),
    ...(persona.situation ? [line('text', persona.situation)] : []),
    ...(persona.strengths.length > 0 ? [line('text', `Strengths: ${persona.strengths.join(', ')}`)] : []),
    ...(scenario.introduction ? [line('blank'), ...paragraphLines(scenario.introduction, width)] : []),
    ...(meta.content_notes.length > 0 ? [line('blank'), line('heading', 'Content notes'), ...meta.content_notes.map((note) => line('text', `- ${note}`))] : []),
  ];
}

/**
 * What one transcript entry shows: the persona's lines, or the coach's choice (said by `coach`) with
 * its feedback; a choice made after writing a reply is the one they `chose`.
 */
export function entryLines(entry: TranscriptEntry, coach = 'You', chose = false): TextLine[] {
  if (entry.kind === 'lines') {
    return entry.lines.map((spoken) => (spoken.speaker ? line('speech', `${spoken.speaker}: ${plainText(spoken.markdown)}`) : line('narration', `(${plainText(spoken.markdown)})`)));
  }
  if (entry.kind === 'choice') {
    return [line('coach', `${coach}${chose ? ' chose' : ''} (${entry.choice.code.name}): “${entry.choice.says}”`), line('feedback', `Feedback: ${plainText(entry.choice.feedback)}`), line('blank')];
  }
  return [];
}

/** Replies written in own words beside a transcript: one per choice, and whether they are on screen already (play shows each as it is written). */
export interface TranscriptOwnWords {
  readonly replies: OwnWords;
  readonly shown?: boolean;
}

/**
 * The transcript's entries from `from` on, each choice said by whoever's turn it was (`You` with
 * nobody named); with own words, each choice comes after the reply written at that step.
 */
export function transcriptLines(entries: readonly TranscriptEntry[], players: readonly string[], from = 0, ownWords?: TranscriptOwnWords, afterChoice?: (step: number) => readonly TextLine[]): TextLine[] {
  let step = entries.slice(0, from).filter((entry) => entry.kind === 'choice').length;
  return entries.slice(from).flatMap((entry) => {
    if (entry.kind !== 'choice') return entryLines(entry);
    const coach = turnOf(players, step);
    const after = afterChoice?.(step) ?? [];
    const reply = ownWords?.replies[step];
    step++;
    const [choice, feedback, blank] = entryLines(entry, coach, Boolean(reply));
    return [...(reply && !ownWords?.shown ? ownReplyLines(reply, coach) : []), choice!, feedback!, ...after, blank!];
  });
}

/** One step of a run's trace (`coach run --trace`): the choice, the routes and why, and the variables after. */
export function traceLines(step: TraceStep, width = 80): TextLine[] {
  return describeStep(step).flatMap((sentence) => wrapText(`[trace] ${sentence.trimStart()}`, width, 8).map((text) => line('meta', text)));
}

/** The prompt for a reply in the trainee's own words, before the options. */
export function replyPromptLines(person: string): TextLine[] {
  return [line('heading', `What would you say to ${person}?`)];
}

/**
 * A reply written in own words, said by `who`: the words and the coder's code, and with `detail`
 * (as it is written) the coder's reason and what to try. Null is a step skipped to the options.
 */
export function ownReplyLines(reply: CodedReply | null, who = 'You', detail = false): TextLine[] {
  if (!reply) return [line('meta', '(No reply written: on to the options.)')];
  return [
    line('coach', `${who} wrote: “${reply.text}”`),
    line('feedback', readAs(reply, who)),
    ...(detail ? [line('text', reply.reason), ...(reply.tip ? [line('text', `Try: ${reply.tip}`)] : [])] : []),
  ];
}

/** Whose turn it is at a step, as a line; none when nobody is named. */
export function turnLines(players: readonly string[], step: number): TextLine[] {
  const player = turnOf(players, step);
  return player ? [line('heading', `${player}'s turn.`)] : [];
}

/** Said beside the option closest to a reply written in own words. */
export const closestMark = '(closest to what you wrote)';

/** One offered option as the trainee picks it, marked if it is the one closest to what they wrote. */
export function optionText(option: OfferedChoice, closest?: number): string {
  return visibleControls(`${option.number}. “${option.choice.says}”${option.number === closest ? ` ${closestMark}` : ''}`);
}

/** The offered choices, numbered as the trainee picks them; `closest` is the number of the one closest to what they wrote. */
export function choiceLines(offered: readonly OfferedChoice[], closest?: number): TextLine[] {
  return [line('heading', 'What do you say?'), ...offered.map((option) => line('text', `  ${optionText(option, closest)}`))];
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/**
 * A MITI-style summary as an aligned table that fits `width` columns: the `column` of values ("Your
 * choices") takes what the others leave, and a long value wraps within it. Then its notes.
 */
export function summaryLines(summary: Pick<Debrief, 'rows' | 'notes'>, width = 80, column = 'Your choices'): TextLine[] {
  const table = [['Measure', column, 'Fair', 'Good'], ...summary.rows.map((row) => [row.measure, `${row.value}${row.rating ? ` (${row.rating})` : ''}`, row.fair, row.good])];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...table.map((cells) => [...cells[column]!].length)));
  const gaps = 2 * (widths.length - 1);
  widths[1] = Math.max(12, Math.min(widths[1]!, width - gaps - widths[0]! - widths[2]! - widths[3]!));
  const rows = table.flatMap((cells, i) => {
    const values = wrapText(cells[1]!, widths[1]!);
    return values.map((value, j) =>
      line(i === 0 ? 'heading' : 'text', [j === 0 ? cells[0]! : '', value, j === 0 ? cells[2]! : '', j === 0 ? cells[3]! : ''].map((cell, column) => pad(cell, widths[column]!)).join('  ').trimEnd()),
    );
  });
  return [...rows, ...summary.notes.flatMap((note) => wrapText(note, width).map((text) => line('meta', text)))];
}

/**
 * "In your own words": what the replies written were, as the coder read them, and their summary
 * against the same thresholds, as the site and the saved transcript show it; nothing if none was written.
 */
export function ownWordsLines(replies: OwnWords, width = 80): TextLine[] {
  const written = replies.filter((reply): reply is CodedReply => reply !== null);
  if (written.length === 0) return [];
  const summary = ownWordsSummary(written);
  const counts = ownWordsSentence(summary);
  return [
    line('blank'),
    line('heading', 'In your own words'),
    ...wrapText(counts, width).map((text) => line('text', text)),
    ...summaryLines({ rows: summaryRows(summary), notes: summaryNotes(summary) }, width, 'Your words'),
  ];
}

/**
 * At an ending: the outcome and debrief, the summary, with own words the summary of the replies
 * written, then each step with the option the debrief points to, if any.
 */
export function debriefLines(run: Run, width = 80, ownWords: OwnWords = []): TextLine[] {
  const debrief = debriefOf(run);
  if (!debrief) return [];
  return [
    line('blank'),
    line('title', `Outcome: ${debrief.ending.outcome}`),
    ...(debrief.text.length > 0 ? paragraphLines(debrief.text.join('\n\n'), width) : []),
    line('blank'),
    line('heading', 'Summary of your coded choices'),
    ...summaryLines(debrief, width),
    ...ownWordsLines(ownWords, width),
    line('blank'),
    line('heading', 'Step by step'),
    ...debrief.steps.flatMap((step, i) => [
      line('text', `${i + 1}. ${step.picked.code.name}: “${step.picked.says}” ${plainText(step.picked.feedback)}`),
      ...(step.suggestion ? [line('meta', `   ${suggestionLead(step.suggestion)}: ${step.suggestion.choice.code.name}: “${step.suggestion.choice.says}” ${plainText(step.suggestion.choice.feedback)}`)] : []),
    ]),
  ];
}

/** Lines as plain text. */
export function toPlain(lines: readonly TextLine[]): string {
  return `${lines.map((l) => l.text).join('\n')}\n`;
}
