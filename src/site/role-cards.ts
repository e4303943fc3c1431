/**
 * What the three role cards for a live role-play say, from a scenario: the client's (who they are,
 * what they want, how they respond when listened to and when pushed), the coach's (the situation,
 * the skills, a goal) and the observer's (what to listen for, a tally grid of the behaviour codes).
 * Where a scenario leaves a field out, the card gives a plain suggestion and marks it as one.
 */
import { behaviourCodes, type BehaviourCode } from '../engine/behaviour-codes.ts';
import { thresholds } from '../engine/score.ts';
import type { Scenario } from '../engine/types.ts';
import { labelOf, skills } from '../engine/vocabulary.ts';

/** One line of a card; `suggested` where the scenario did not say and the card fills in. */
export interface CardRow {
  readonly label: string;
  readonly text: string;
  readonly suggested: boolean;
}

export interface RoleCards {
  readonly client: { readonly name: string; readonly about: string; readonly rows: readonly CardRow[]; readonly firstLine?: string };
  readonly coach: { readonly rows: readonly CardRow[]; readonly reminders: readonly string[] };
  readonly observer: { readonly listenFor: readonly string[]; readonly codes: readonly BehaviourCode[]; readonly thresholds: readonly string[] };
  /** Shown on every card: what the role-play touches on. */
  readonly contentNotes: readonly string[];
}

const row = (label: string, written: string | undefined, suggestion: string): CardRow => (written ? { label, text: written, suggested: false } : { label, text: suggestion, suggested: true });

/** The persona's first spoken line at the start, without Markdown emphasis, for the client to open with. */
function firstLineOf(scenario: Scenario): string | undefined {
  const start = scenario.nodes.find((node) => node.id === scenario.start);
  const line = start?.lines.find((candidate) => candidate.speaker === scenario.meta.persona.name) ?? start?.lines.find((candidate) => candidate.speaker);
  return line?.markdown.replace(/[*_`]/g, '');
}

/** The three role cards of a scenario. */
export function roleCardsOf(scenario: Scenario): RoleCards {
  const { meta } = scenario;
  const { persona } = meta;
  const about = [persona.pronouns, persona.age !== undefined ? `${persona.age}` : undefined].filter(Boolean).join(', ');
  const firstLine = firstLineOf(scenario);
  const skillLabels = meta.skills.map((skill) => labelOf(skills, skill));
  return {
    client: {
      name: persona.name,
      about,
      rows: [
        row('Your situation', persona.situation, `Not written for this scenario. Build it from the summary: ${meta.summary}`),
        row('Your strengths', persona.strengths.join(', ') || undefined, `Pick one or two that feel true for ${persona.name}, and let them show.`),
        row('What you want', persona.wants, `Decide before you start: something ${persona.name} wants for themselves, in their own words.`),
        row('When you feel listened to', persona.when_listened_to, 'Say a little more each time the coach reflects what you said. Let a real worry or hope show.'),
        row('When you feel pushed', persona.when_pushed, `Pull back: shorter answers, a “yes, but”, or a change of subject, as ${persona.name} might.`),
      ],
      ...(firstLine ? { firstLine } : {}),
    },
    coach: {
      rows: [
        row('Your goal', meta.coach_goal, `Understand what matters to ${persona.name}, and leave them more in charge of what happens next.`),
        row('Skills to practise', skillLabels.join(', ') || undefined, 'Open questions, affirmations, reflections and summaries (OARS).'),
      ],
      reminders: [
        'Reflect before you ask: aim for two reflections for every question.',
        'Notice the urge to fix or advise, and ask permission before giving information.',
        `Let ${persona.name} lead on what matters to them.`,
      ],
    },
    observer: {
      listenFor: [
        'Questions and reflections: how many of each (the reflection-to-question ratio).',
        'Complex reflections: where the coach adds meaning or feeling beyond the words said.',
        'MI-adherent moves: affirming, seeking collaboration, emphasizing autonomy.',
        'MI non-adherent moves: persuading without permission, confronting.',
        `How ${persona.name} answers: more talk about change, or more push-back?`,
      ],
      codes: behaviourCodes,
      thresholds: [
        `Reflection-to-question ratio: fair ${thresholds.reflectionToQuestion.fair}:1, good ${thresholds.reflectionToQuestion.good}:1`,
        `Percent complex reflections: fair ${thresholds.percentComplexReflections.fair * 100}%, good ${thresholds.percentComplexReflections.good * 100}%`,
      ],
    },
    contentNotes: meta.content_notes,
  };
}
