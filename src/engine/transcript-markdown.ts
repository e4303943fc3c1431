/**
 * A whole run as one Markdown document a trainee can keep or hand to a supervisor: the persona,
 * every line and choice with its code and feedback, the debrief and the summary. The terminal
 * runner saves it and the site downloads it, so both give the same file.
 */
import { endingOf, picks, transcript, type Run } from './run.ts';
import { summarise, summaryDisclaimer, summaryRows } from './score.ts';
import type { Persona } from './front-matter-schema.ts';

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

/** The MITI-style summary as a Markdown table, with the disclaimer. */
export function summaryMarkdown(run: Run): string {
  const rows = summaryRows(summarise(picks(run).map((pick) => pick.choice.code)));
  return [
    '| Measure | Your choices | Fair | Good |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.measure} | ${row.value}${row.rating ? ` (${row.rating})` : ''} | ${row.fair} | ${row.good} |`),
    '',
    `_${summaryDisclaimer} Thresholds from the MITI 4.2.1 coding manual (Moyers, Manuel & Ernst, 2015), which describes them as expert opinion._`,
  ].join('\n');
}

/** The run so far as Markdown; a finished run includes the debrief and the summary. */
export function transcriptMarkdown(run: Run, options: { date?: Date } = {}): string {
  const { scenario } = run;
  const out: string[] = [`# ${scenario.meta.title}`, ''];
  if (options.date) out.push(`Practised on ${options.date.toISOString().slice(0, 10)}.`, '');
  out.push('## Persona', '', ...personaLines(scenario.meta.persona), '');
  if (scenario.introduction) out.push(scenario.introduction, '');
  out.push('## Conversation', '');
  for (const entry of transcript(run)) {
    if (entry.kind === 'lines') {
      for (const line of entry.lines) out.push(line.speaker ? `**${line.speaker}:** ${line.markdown}` : line.markdown, '');
    } else if (entry.kind === 'choice') {
      out.push(`**You (${entry.choice.code.name}):** "${entry.choice.says}"`, '', `> Feedback: ${entry.choice.feedback}`, '');
    }
  }
  const ending = endingOf(run);
  if (!ending) {
    out.push('_The run has not reached an ending yet._', '');
    return out.join('\n');
  }
  out.push('## Debrief', '', `**Outcome:** ${ending.outcome}`, '');
  if (ending.debrief) out.push(ending.debrief, '');
  out.push('### The path you took', '');
  picks(run).forEach((pick, i) => out.push(`${i + 1}. **${pick.choice.code.name}:** "${pick.choice.says}" — ${pick.choice.feedback}`));
  out.push('', '### Summary of your coded choices', '', summaryMarkdown(run), '');
  return out.join('\n');
}
