/**
 * A whole run as plain text, for trainees who cannot open a Markdown file (Notepad on Windows, a
 * phone's file viewer): the same parts in the same order as transcript-markdown.ts, with no
 * Markdown marks at all: headings as lines of their own, the summary as one line a measure rather
 * than a table, quotes in plain quotation marks.
 *
 * Scenario text (lines, feedback, debriefs, the introduction) is Markdown, and turning it into words
 * needs a Markdown reader this module does not carry: the caller passes `plain`, so the site can
 * use the HTML its build already rendered and the terminal its remark reader, and the engine still
 * imports nothing from the DOM or Node.
 */
import { debriefOf, suggestionLead, type Debrief } from './debrief.ts';
import type { Persona } from './front-matter-schema.ts';
import { ownWordsSentence, ownWordsSummary, readAs, type OwnReply } from './own-words.ts';
import { transcript, type Run } from './run.ts';
import { summaryNotes, summaryRows, type MitiSummary, type SummaryRow } from './score.ts';

export interface TextTranscriptOptions {
  /** Scenario Markdown (a line, a feedback, a debrief part) as its words, paragraphs separated by a blank line. */
  readonly plain: (markdown: string) => string;
  /** When the run was played, already written as the reader reads dates: said under the title. */
  readonly practised?: string;
  /** Replies written in own words, one per choice (null where none was written). */
  readonly ownWords?: readonly (OwnReply | null | undefined)[];
}

/** Text typed by a person (a reply written in own words) on one line, as the Markdown transcript quotes it. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The persona card as `Label: value` lines. */
export function personaText(persona: Persona): string[] {
  return [
    `Name: ${persona.name}`,
    ...(persona.pronouns ? [`Pronouns: ${persona.pronouns}`] : []),
    ...(persona.age !== undefined ? [`Age: ${persona.age}`] : []),
    ...(persona.situation ? [`Situation: ${persona.situation}`] : []),
    ...(persona.strengths.length > 0 ? [`Strengths: ${persona.strengths.join(', ')}`] : []),
  ];
}

/** One summary row as a sentence-like line: `Total MI-adherent: 3` or `Reflection-to-question ratio (R:Q): 2:1 (…), good. Fair 1:1, good 2:1.` */
export function summaryRowText(row: SummaryRow): string {
  const thresholds = row.fair === '–' && row.good === '–' ? '' : ` Fair ${row.fair}, good ${row.good}.`;
  const value = `${row.value}${row.rating ? `, ${row.rating}` : ''}`;
  // A value with nothing to show is a sentence of its own, with its own full stop.
  return `${row.measure}: ${value}${value.endsWith('.') ? '' : '.'}${thresholds}`;
}

/** A MITI-style summary as lines, then its notes: of the choices picked (a debrief), or of replies written. */
export function summaryText(summary: Debrief | MitiSummary): string[] {
  const { rows, notes } = 'rows' in summary ? summary : { rows: summaryRows(summary), notes: summaryNotes(summary) };
  return [...rows.map(summaryRowText), '', ...notes.flatMap((note) => [note, ''])];
}

/** The persona's and narrator's lines and each choice with its code and feedback, in order. */
function conversationText(run: Run, options: TextTranscriptOptions): string[] {
  const out: string[] = ['Conversation', ''];
  let step = 0;
  for (const entry of transcript(run)) {
    if (entry.kind === 'lines') {
      for (const line of entry.lines) out.push(line.speaker ? `${line.speaker}: ${options.plain(line.markdown)}` : options.plain(line.markdown), '');
    } else if (entry.kind === 'choice') {
      const written = options.ownWords?.[step];
      if (written) out.push(`You wrote: "${oneLine(written.text)}"`, readAs(written), '');
      out.push(`You${written ? ' chose' : ''} (${entry.choice.code.name}): "${entry.choice.says}"`, `Feedback: ${options.plain(entry.choice.feedback)}`, '');
      step++;
    }
  }
  return out;
}

/** The outcome, the ending's debrief, the summaries and each step with the option it points to. */
function debriefText(debrief: Debrief, options: TextTranscriptOptions): string[] {
  const written = (options.ownWords ?? []).filter((reply): reply is OwnReply => Boolean(reply));
  const own = written.length > 0 ? ownWordsSummary(written) : undefined;
  return [
    'Debrief',
    '',
    `Outcome: ${debrief.ending.outcome}`,
    '',
    ...debrief.text.flatMap((part) => [options.plain(part), '']),
    'Summary of your coded choices',
    '',
    ...summaryText(debrief),
    ...(own ? ['In your own words', '', ownWordsSentence(own), '', ...summaryText(own)] : []),
    'Step by step',
    '',
    ...debrief.steps.flatMap((step, i) => [
      `${i + 1}. ${step.picked.code.name}: "${step.picked.says}" – ${options.plain(step.picked.feedback)}`,
      ...(step.suggestion ? [`   ${suggestionLead(step.suggestion)}: ${step.suggestion.choice.code.name}: "${step.suggestion.choice.says}" – ${options.plain(step.suggestion.choice.feedback)}`] : []),
    ]),
    '',
  ];
}

/** The run so far as plain text; a finished run includes the debrief and the summary. Blank lines between parts, never two in a row. */
export function transcriptText(run: Run, options: TextTranscriptOptions): string {
  const { scenario } = run;
  const debrief = debriefOf(run);
  const lines = [
    scenario.meta.title,
    ...(options.practised ? [`Practised on ${options.practised}.`] : []),
    '',
    'Persona',
    '',
    ...personaText(scenario.meta.persona),
    '',
    ...(scenario.introduction ? [options.plain(scenario.introduction), ''] : []),
    ...conversationText(run, options),
    ...(debrief ? debriefText(debrief, options) : ['The run has not reached an ending yet.', '']),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
