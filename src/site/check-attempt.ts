/**
 * What one attempt at a knowledge check shows, as plain data with no DOM: which questions it draws
 * and in what order their options stand (from the attempt's seed, so a reload shows the same and
 * "Try again" something new), the answer key the page fetches only once the reader answers, and
 * the score at the end with the sections to read again.
 */
import type { CheckBank } from './check-schema.ts';

/**
 * FNV-1a, 32 bits: a string to a well-mixed number, so that each question of an attempt gets its
 * own stream of random numbers from one seed.
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mulberry32: a small, fast generator of numbers in [0, 1) from a 32-bit seed. Not for secrets,
 * which this is not: it only has to look random to a reader and give the same order again on reload.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The items in a random order that depends only on `seed` and `scope` (Fisher–Yates). */
export function seededShuffle<T>(items: readonly T[], seed: string, scope: string): T[] {
  const random = mulberry32(hash(`${seed}\u0000${scope}`));
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled;
}

/**
 * The seed of a reader's first attempt at a module's check, before they have answered anything:
 * the module's own, so a reload shows the same order without writing anything on arrival.
 */
export function firstSeed(moduleId: string): string {
  return `first:${moduleId}`;
}

/** A new seed for an attempt: random, and never sent anywhere. */
export function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(2));
  return Array.from(bytes, (n) => n.toString(36)).join('');
}

/** A question as the page knows it before any answer: its id and how many options it has. */
export interface QuestionShape {
  readonly id: string;
  readonly options: number;
}

/** What an attempt shows: the questions drawn, in order, each with its options' order (as their positions in the bank). */
export interface Arrangement {
  readonly questions: ReadonlyArray<{ readonly id: string; readonly order: readonly number[] }>;
}

/** The draw and the option orders of the attempt with this seed. */
export function arrange(questions: readonly QuestionShape[], draw: number, seed: string): Arrangement {
  return {
    questions: seededShuffle(questions, seed, 'draw')
      .slice(0, draw)
      .map((question) => ({ id: question.id, order: seededShuffle([...Array(question.options).keys()], seed, question.id) })),
  };
}

/** What the page fetches once the reader answers: for each question, the right option and every option's feedback. */
export interface AnswerKey {
  readonly [questionId: string]: { readonly answer: number; readonly feedback: readonly string[] };
}

/** The answer key of a bank, for `/modules/<id>/check.json`. */
export function answerKeyOf(bank: CheckBank): AnswerKey {
  return Object.fromEntries(bank.questions.map((question) => [question.id, { answer: question.options.findIndex((option) => option.correct), feedback: question.options.map((option) => option.feedback) }]));
}

/** A section of the module to read again, by its link slug and heading. */
export interface Section {
  readonly slug: string;
  readonly title: string;
}

/**
 * The sections the bank's questions test, in the module's order, for the score's "read again".
 * A question whose `section` is no heading of the module stops the build, saying which to use.
 */
export function testedSections(moduleId: string, bank: CheckBank, headings: ReadonlyArray<{ slug: string; text: string }>): Section[] {
  const slugs = new Set(headings.map((heading) => heading.slug));
  const unknown = bank.questions.find((question) => !slugs.has(question.section));
  if (unknown) {
    const choices = headings.map((heading) => `\`${heading.slug}\``).join(', ');
    throw new Error(`content/checks/${moduleId}.yaml: question \`${unknown.id}\` has \`section: ${unknown.section}\`, but the module has no heading with that slug. Use one of: ${choices}.`);
  }
  const tested = new Set(bank.questions.map((question) => question.section));
  return headings.filter((heading) => tested.has(heading.slug)).map((heading) => ({ slug: heading.slug, title: heading.text }));
}

/** The score of a finished attempt, and the sections of the questions missed, each once, in the module's order. */
export interface Score {
  readonly correct: number;
  readonly of: number;
  readonly readAgain: readonly Section[];
}

/**
 * The score once every question drawn has an answer; undefined before. `sections` are the
 * module's in page order, and `sectionOf` says which one each question tests.
 */
export function scoreOf(drawn: readonly string[], correct: ReadonlyMap<string, boolean>, sectionOf: ReadonlyMap<string, string>, sections: readonly Section[]): Score | undefined {
  if (!drawn.every((id) => correct.has(id))) return undefined;
  const missed = new Set(drawn.filter((id) => !correct.get(id)).map((id) => sectionOf.get(id)));
  return { correct: drawn.filter((id) => correct.get(id)).length, of: drawn.length, readAgain: sections.filter((section) => missed.has(section.slug)) };
}

/** The score in a sentence: "You answered 5 of 6 correctly." */
export function scoreSentence(score: Score): string {
  return `You answered ${score.correct} of ${score.of} correctly.`;
}

/** Where the progress record keeps the answer to a question of a module's check. */
export const answerId = (moduleId: string, questionId: string): string => `${moduleId}/check/${questionId}`;
