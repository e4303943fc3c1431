import { slug } from 'github-slugger';
import { z } from 'zod';
import { valueLimit, variableNamePattern } from './condition.ts';

/** The three levels a scenario can be pitched at. */
export const levels = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof levels)[number];

/** The three outcomes an ending can have. */
export const outcomes = ['positive', 'mixed', 'negative'] as const;
export type Outcome = (typeof outcomes)[number];

/** Scenario ids (file names) and module ids: lower-case letters, digits and hyphens. */
export const idPattern = /^[a-z0-9-]+$/;

/**
 * A scenario id made from a name a trainer wrote (`Meeting_Jordan`, `café-jordan`), for "such as
 * …" suggestions, so it must itself match {@link idPattern}: accents come off (NFKD splits `é`
 * into `e` and a mark, and the mark is dropped), spaces and underscores become hyphens, other
 * marks go, and hyphens do not repeat or end the id. Empty when nothing is left.
 */
export const toScenarioId = (written: string): string =>
  written
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Node ids: what a heading becomes as a slug (letters of any script, digits, hyphens and
 * underscores), or what `{#id}` says.
 */
export const nodeIdPattern = /^[\p{L}\p{N}_-]+$/u;

/** Skill and tag ids as the vocabularies spell them, from what a trainer wrote ("Open questions"). */
export const toTermId = (written: string): string => slug(written.trim());

const nonEmpty = z.string().trim().min(1);

// Each field says what it is with `.describe()`, not a comment, so that the words also reach the
// JSON Schema that editors read (docs/scenario-front-matter.schema.json, written by `npm run guide`).

/** A question the coach may ask and the person's answer, for the client's role card. */
export const ifAskedSchema = z.strictObject({
  question: nonEmpty.describe('A question the coach may ask, in a coach\'s words.'),
  answer: nonEmpty.describe('What the person would say, in their words.'),
});

/** Who the trainee talks to. */
export const personaSchema = z.strictObject({
  name: nonEmpty.describe('The persona\'s name, shown as the speaker of their lines.'),
  pronouns: nonEmpty.optional().describe('Pronouns, shown on the persona card, e.g. `they/them`.'),
  age: z.number().int().positive().optional().describe('Age in years.'),
  situation: nonEmpty.optional().describe('A sentence or two about where the persona is in life right now.'),
  strengths: z.array(nonEmpty).default([]).describe('Strengths the persona brings, shown on the persona card.'),
  wants: nonEmpty.optional().describe('What the person wants, in their own words; on the client\'s role card.'),
  when_listened_to: nonEmpty.optional().describe('How the person tends to respond when they feel listened to; on the client\'s role card.'),
  when_pushed: nonEmpty.optional().describe('How the person tends to respond when pushed, told or argued with; on the client\'s role card.'),
  if_asked: z
    .array(ifAskedSchema)
    .optional()
    .describe('Questions a live coach is likely to ask and how the person answers, for the client\'s role card; without it the card takes them from the questions among the choices and the person\'s replies.'),
  shares_as_trust_grows: z
    .array(nonEmpty)
    .optional()
    .describe('What the person might say as they come to trust the coach, in their words and in order, for the client\'s role card; without it the card takes it from the model run (the first positive check).'),
});

/**
 * A step of a check's path: a node id, or a node with the choice to take there, by its number in
 * the node or its first words (`opening: 2`, `opening: "Coming here"`). Either way it is read as
 * `{ node, choice? }`.
 */
export const pathStepSchema = z
  .union([
    nonEmpty,
    z
      // Any number or words, or nothing: which choice they name is checked against the node, where the message can list its choices.
      .record(nonEmpty, z.union([z.number(), z.string(), z.null()]))
      .refine((step) => Object.keys(step).length === 1, { message: 'Unexpected step with more than one node, expected one node and the choice to take there, such as `opening: 2`' }),
  ])
  .transform((step): PathStep => (typeof step === 'string' ? { node: step } : { node: Object.keys(step)[0]!, choice: Object.values(step)[0] ?? '' }));

/** A step of a check's path, as read: the node, and the choice to take there if the path names one. */
export interface PathStep {
  readonly node: string;
  /** The choice's number in the node (from 1, in file order), or the first words of what the coach says. */
  readonly choice?: number | string;
}

/** One scripted walk the test runner must confirm. */
export const checkSchema = z
  .strictObject({
    path: z.array(pathStepSchema).min(1).describe('Node ids from the start, in order; route nodes may be left out. A step may name the choice to take at its node, by number or first words: `opening: 2`.'),
    outcome: z.enum(outcomes).optional().describe('The outcome of the ending the walk must reach.'),
    ending: nonEmpty.optional().describe('The id of the ending the walk must reach.'),
    state: z.record(z.string(), z.union([z.string(), z.number().int()])).optional().describe('Variable to condition that must hold at the end of the walk, e.g. `rapport: ">= 3"`.'),
  })
  .refine((check) => check.outcome !== undefined || check.ending !== undefined || check.state !== undefined, {
    message: 'Unexpected check with nothing to confirm, expected at least one of `outcome`, `ending` or `state`',
  });

/** The YAML front matter of a scenario file (scenario format version 1). */
export const frontMatterSchema = z.strictObject({
  title: nonEmpty.describe('Shown in lists and on the scenario page.'),
  summary: nonEmpty.describe('One or two sentences for the catalogue and search.'),
  persona: personaSchema.describe('The person the trainee talks to.'),
  skills: z.array(nonEmpty.transform(toTermId)).default([]).describe('Skills practised, each from the project\'s skills vocabulary (case and spaces do not matter).'),
  modules: z.array(nonEmpty).default([]).describe('Ids of the course modules this scenario practises; each must exist.'),
  level: z.enum(levels).default('beginner').describe('How demanding the scenario is.'),
  minutes: z.number().int().positive().optional().describe('Estimated minutes to play.'),
  coach_goal: nonEmpty.optional().describe('What the coach aims for in this conversation; on the coach\'s role card.'),
  content_notes: z.array(nonEmpty).default([]).describe('Shown, and acknowledged, before the scenario starts.'),
  start: nonEmpty.optional().describe('The id of the first node; by default the first node in the file.'),
  state: z
    .record(z.string().regex(variableNamePattern, 'Unexpected variable name, expected letters, digits and underscores (hyphens between words)'), z.number().int().min(-valueLimit).max(valueLimit))
    .default({})
    .describe('The scenario\'s variables and their starting values, such as `rapport: 1`.'),
  checks: z.array(checkSchema).default([]).describe('Scripted walks the test runner must confirm.'),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
export type ScenarioCheck = z.output<typeof checkSchema>;
export type Persona = z.output<typeof personaSchema>;
