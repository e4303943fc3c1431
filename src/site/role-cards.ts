/**
 * What the three role cards for a live role-play say, from a scenario: the client's (who they are,
 * what they want, how they respond when listened to and when pushed, with, on its back, how they
 * answer the scenario's key questions and what they might share as trust grows), the coach's (the
 * situation, the skills, a goal) and the observer's (what to listen for, a tally grid of the
 * behaviour codes). Where a scenario leaves a field out, the card gives a plain suggestion and
 * marks it as one; the answers come from the scenario's own lines unless the file writes them.
 */
import { behaviourCodes, type BehaviourCode } from '../engine/behaviour-codes.ts';
import { modelRunOf } from '../engine/model-run.ts';
import { transcript } from '../engine/run.ts';
import { thresholds } from '../engine/score.ts';
import type { Choice, Scenario, ScenarioNode } from '../engine/types.ts';
import { builtInVocabulary, labelOf, type Vocabulary } from '../engine/vocabulary.ts';

/** One line of a card; `suggested` where the scenario did not say and the card fills in. */
export interface CardRow {
  readonly label: string;
  readonly text: string;
  readonly suggested: boolean;
}

/** A question the coach may ask and how the client answers it. */
export interface KeyQuestion {
  readonly question: string;
  readonly answer: string;
}

export interface RoleCards {
  readonly client: {
    readonly name: string;
    readonly about: string;
    readonly rows: readonly CardRow[];
    readonly firstLine?: string;
    /** "If the coach asks…": the scenario's key questions, each with the client's answer. */
    readonly ifAsked: readonly KeyQuestion[];
    /** What the client might say as trust grows, in order. */
    readonly asTrustGrows: readonly string[];
  };
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

/** How many key questions and trust lines a card holds, so that the back of the client card prints on one page. */
export const cardLimits = { questions: 5, sharing: 4 } as const;

/** A line as plain words, for a card: no Markdown emphasis, and the stage directions in `*(…)*` left out. */
const plainWords = (markdown: string) =>
  markdown
    .replace(/\*\([^)]*\)\*/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** What the persona says in a node, as one passage. */
function saidIn(node: Pick<ScenarioNode, 'lines'> | undefined, persona: string): string {
  return (node?.lines ?? []).filter((line) => line.speaker === persona).map((line) => plainWords(line.markdown)).filter(Boolean).join(' ');
}

/** The question in a coach's words, without what comes before it ("Thank you for telling me."). */
const questionOf = (says: string) => plainWords(says).split(/(?<=[.!?])\s+/).filter((sentence) => sentence.endsWith('?')).at(-1) ?? plainWords(says);

/**
 * The scenario's key questions, from its choices: the safety steps that ask something (they are
 * what an actor most needs an answer for), then the open questions, in file order, each with what
 * the person says next. Closed questions that are not safety steps are left out: they are the
 * scenario's mistakes more often than its model.
 */
function keyQuestionsOf(scenario: Scenario): KeyQuestion[] {
  const byId = new Map(scenario.nodes.map((node) => [node.id, node]));
  const persona = scenario.meta.persona.name;
  const asks = (choice: Choice) => questionOf(choice.says).endsWith('?');
  const choices = scenario.nodes.flatMap((node) => (node.kind === 'choice' ? node.choices : []));
  const safety = choices.filter((choice) => choice.tags.includes('safety') && asks(choice));
  const open = choices.filter((choice) => choice.code.name === 'Open question');
  const answered = new Set<string>();
  const questions: KeyQuestion[] = [];
  for (const choice of [...safety, ...open]) {
    const answer = saidIn(byId.get(choice.target), persona);
    // One question per reply: several choices that lead to the same node get the same answer.
    if (!answer || answered.has(choice.target)) continue;
    answered.add(choice.target);
    questions.push({ question: questionOf(choice.says), answer });
  }
  return questions;
}

/** How many words a passage needs to tell an actor something ("Go on, then." does not). */
const sayingSomething = (words: string) => words.split(' ').length >= 10;

/**
 * What the person tells the coach along the model run, after their first line and apart from their
 * answers to the key questions: the first few passages that say something, in order.
 */
function sharedAlongModelRun(scenario: Scenario, answers: ReadonlySet<string>): string[] {
  const model = modelRunOf(scenario);
  if (!model) return [];
  const persona = scenario.meta.persona.name;
  return transcript(model)
    .flatMap((entry) => (entry.kind === 'lines' && entry.node !== scenario.start ? [saidIn(entry, persona)] : []))
    .filter((words) => sayingSomething(words) && !answers.has(words))
    .slice(0, cardLimits.sharing);
}

/** The three role cards of a scenario. */
export function roleCardsOf(scenario: Scenario, vocabulary: Vocabulary = builtInVocabulary): RoleCards {
  const { meta } = scenario;
  const { persona } = meta;
  const about = [persona.pronouns, persona.age !== undefined ? `${persona.age}` : undefined].filter(Boolean).join(', ');
  const firstLine = firstLineOf(scenario);
  const skillLabels = meta.skills.map((skill) => labelOf(vocabulary.skills, skill));
  // The file's own answers first (for questions its choices do not ask), then the key questions.
  const written = persona.if_asked ?? [];
  const ifAsked = [...written, ...keyQuestionsOf(scenario)].slice(0, Math.max(written.length, cardLimits.questions));
  const asTrustGrows = persona.shares_as_trust_grows ?? sharedAlongModelRun(scenario, new Set(ifAsked.map((asked) => asked.answer)));
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
      ifAsked,
      asTrustGrows,
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
