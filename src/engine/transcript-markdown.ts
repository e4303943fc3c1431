/**
 * A whole run as one Markdown document a trainee can keep or hand to a supervisor: the persona,
 * every line and choice with its code and feedback, the debrief and the summary. The terminal
 * runner saves it and the site downloads it, so both give the same file. Its parts are exported so
 * that a group's transcript (src/rooms/) is built from the same pieces, with the players named.
 */
import { debriefOf, suggestionLead, type Debrief } from './debrief.ts';
import { dayDate } from './dates.ts';
import { transcript, type Run } from './run.ts';
import type { Persona } from './front-matter-schema.ts';
import { ownWordsSentence, ownWordsSummary, readAs, type OwnReply } from './own-words.ts';
import { summaryNotes, summaryRows, type MitiSummary } from './score.ts';

/** The persona card as Markdown list items. */
export function personaLines(persona: Persona): string[] {
  return [
    `- **Name:** ${persona.name}`,
    ...(persona.pronouns ? [`- **Pronouns:** ${persona.pronouns}`] : []),
    ...(persona.age !== undefined ? [`- **Age:** ${persona.age}`] : []),
    ...(persona.situation ? [`- **Situation:** ${persona.situation}`] : []),
    ...(persona.strengths.length > 0 ? [`- **Strengths:** ${persona.strengths.join(', ')}`] : []),
  ];
}

/** A MITI-style summary as a Markdown table, with its notes: of the choices picked (a debrief), or of replies written. */
export function summaryMarkdown(summary: Debrief | MitiSummary, column = 'Your choices'): string {
  const { rows, notes } = 'rows' in summary ? summary : { rows: summaryRows(summary), notes: summaryNotes(summary) };
  return [
    `| Measure | ${column} | Fair | Good |`,
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.measure} | ${row.value}${row.rating ? ` (${row.rating})` : ''} | ${row.fair} | ${row.good} |`),
    '',
    ...notes.map((note) => `_${note}_`),
  ].join('\n');
}

/** A reply written in own words, before the option chosen: the words, the coder's code, the trainee's own call. */
export function ownReplyMarkdown(reply: OwnReply, who = 'You'): string[] {
  return [`**${who} wrote:** "${reply.text.replace(/\s+/g, ' ').trim()}"`, '', `> ${readAs(reply, who)}`, ''];
}

/** "In your own words": the summary of the replies written, as the coder read them; nothing if none were written. */
export function ownWordsMarkdown(replies: readonly (OwnReply | null | undefined)[]): string[] {
  const written = replies.filter((reply): reply is OwnReply => Boolean(reply));
  if (written.length === 0) return [];
  const summary = ownWordsSummary(written);
  return [
    '### In your own words',
    '',
    ownWordsSentence(summary),
    '',
    summaryMarkdown(summary, 'Your words'),
    '',
  ];
}

/** Each step: what was picked, its feedback, and the option the debrief points to where there is one. */
export function stepsMarkdown(debrief: Debrief): string[] {
  return debrief.steps.flatMap((step, i) => [
    `${i + 1}. **${step.picked.code.name}:** "${step.picked.says}" — ${step.picked.feedback}`,
    ...(step.suggestion ? [`   - ${suggestionLead(step.suggestion)}: **${step.suggestion.choice.code.name}:** "${step.suggestion.choice.says}" — ${step.suggestion.choice.feedback}`] : []),
  ]);
}

export interface TranscriptOptions {
  /** The day of practice, said under the title. */
  readonly date?: Date;
  /** Paragraphs after the date, such as who played. */
  readonly preface?: readonly string[];
  /** Who spoke for the coach at each choice (0-based); `You` unless players take turns. */
  readonly coachAt?: (step: number) => string;
  /** Lines to add after each choice's feedback (0-based step), such as how a group voted. */
  readonly notesAt?: (step: number) => readonly string[];
  /** Lines to add before each choice (0-based step), such as the replies a group typed before the options. */
  readonly beforeChoiceAt?: (step: number) => readonly string[];
  /** Replies written in own words, one per choice (null where none was written). */
  readonly ownWords?: readonly (OwnReply | null | undefined)[];
}

/** The title, date, preface, persona and introduction. */
export function headerMarkdown(run: Run, options: TranscriptOptions = {}): string[] {
  const { scenario } = run;
  const out: string[] = [`# ${scenario.meta.title}`, ''];
  if (options.date) out.push(`Practised on ${dayDate(options.date)}.`, '');
  for (const paragraph of options.preface ?? []) out.push(paragraph, '');
  out.push('## Persona', '', ...personaLines(scenario.meta.persona), '');
  if (scenario.introduction) out.push(scenario.introduction, '');
  return out;
}

/** Every line and choice so far, with each choice's code and feedback. */
export function conversationMarkdown(run: Run, options: TranscriptOptions = {}): string[] {
  const out: string[] = ['## Conversation', ''];
  let step = 0;
  for (const entry of transcript(run)) {
    if (entry.kind === 'lines') {
      for (const line of entry.lines) out.push(line.speaker ? `**${line.speaker}:** ${line.markdown}` : line.markdown, '');
    } else if (entry.kind === 'choice') {
      const coach = options.coachAt?.(step) ?? 'You';
      const written = options.ownWords?.[step];
      if (written) out.push(...ownReplyMarkdown(written, coach));
      out.push(...(options.beforeChoiceAt?.(step) ?? []));
      out.push(`**${coach}${written ? ' chose' : ''} (${entry.choice.code.name}):** "${entry.choice.says}"`, '', `> Feedback: ${entry.choice.feedback}`, '');
      const notes = options.notesAt?.(step) ?? [];
      if (notes.length > 0) out.push(...notes, '');
      step++;
    }
  }
  return out;
}

/** The outcome, the ending's debrief, the summary and each step. */
export function debriefMarkdown(debrief: Debrief, ownWords: readonly (OwnReply | null | undefined)[] = []): string[] {
  return [
    '## Debrief',
    '',
    `**Outcome:** ${debrief.ending.outcome}`,
    '',
    ...debrief.text.flatMap((part) => [part, '']),
    '### Summary of your coded choices',
    '',
    summaryMarkdown(debrief),
    '',
    ...ownWordsMarkdown(ownWords),
    '### Step by step',
    '',
    ...stepsMarkdown(debrief),
    '',
  ];
}

/** Said in place of the debrief while a run goes on. */
export const notEndedMarkdown = ['_The run has not reached an ending yet._', ''];

/** The run so far as Markdown; a finished run includes the debrief and the summary. */
export function transcriptMarkdown(run: Run, options: TranscriptOptions = {}): string {
  const debrief = debriefOf(run);
  return [...headerMarkdown(run, options), ...conversationMarkdown(run, options), ...(debrief ? debriefMarkdown(debrief, options.ownWords) : notEndedMarkdown)].join('\n');
}
