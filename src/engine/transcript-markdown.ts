/**
 * A whole run as one Markdown document a trainee can keep or hand to a supervisor: the persona,
 * every line and choice with its code and feedback, the debrief and the summary. The terminal
 * runner saves it and the site downloads it, so both give the same file.
 */
import { debriefOf, suggestionLead, type Debrief } from './debrief.ts';
import { transcript, type Run } from './run.ts';
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

/** The MITI-style summary as a Markdown table, with its notes. */
export function summaryMarkdown(debrief: Debrief): string {
  return [
    '| Measure | Your choices | Fair | Good |',
    '| --- | --- | --- | --- |',
    ...debrief.rows.map((row) => `| ${row.measure} | ${row.value}${row.rating ? ` (${row.rating})` : ''} | ${row.fair} | ${row.good} |`),
    '',
    ...debrief.notes.map((note) => `_${note}_`),
  ].join('\n');
}

/** Each step: what was picked, its feedback, and the option the debrief points to where there is one. */
export function stepsMarkdown(debrief: Debrief): string[] {
  return debrief.steps.flatMap((step, i) => [
    `${i + 1}. **${step.picked.code.name}:** "${step.picked.says}" — ${step.picked.feedback}`,
    ...(step.suggestion ? [`   - ${suggestionLead(step.suggestion)}: **${step.suggestion.choice.code.name}:** "${step.suggestion.choice.says}" — ${step.suggestion.choice.feedback}`] : []),
  ]);
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
  const debrief = debriefOf(run);
  if (!debrief) {
    out.push('_The run has not reached an ending yet._', '');
    return out.join('\n');
  }
  out.push('## Debrief', '', `**Outcome:** ${debrief.ending.outcome}`, '');
  if (debrief.ending.debrief) out.push(debrief.ending.debrief, '');
  out.push('### Summary of your coded choices', '', summaryMarkdown(debrief), '');
  out.push('### Step by step', '', ...stepsMarkdown(debrief), '');
  return out.join('\n');
}
