import { slug } from 'github-slugger';
import { z } from 'zod';
import { variableNamePattern } from './condition.ts';

/** The three levels a scenario can be pitched at. */
export const levels = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof levels)[number];

/** The three outcomes an ending can have. */
export const outcomes = ['positive', 'mixed', 'negative'] as const;
export type Outcome = (typeof outcomes)[number];

/** Scenario ids (file names) and module ids: lower-case letters, digits and hyphens. */
export const idPattern = /^[a-z0-9-]+$/;

/**
 * Node ids: what a heading becomes as a slug (letters of any script, digits, hyphens and
 * underscores), or what `{#id}` says.
 */
export const nodeIdPattern = /^[\p{L}\p{N}_-]+$/u;

/** Skill and tag ids as the vocabularies spell them, from what a trainer wrote ("Open questions"). */
export const toTermId = (written: string): string => slug(written.trim());

const nonEmpty = z.string().trim().min(1);

/** Who the trainee talks to. */
export const personaSchema = z.strictObject({
  /** The persona's name, shown as the speaker of their lines. */
  name: nonEmpty,
  /** Pronouns, shown on the persona card, e.g. `they/them`. */
  pronouns: nonEmpty.optional(),
  /** Age in years. */
  age: z.number().int().positive().optional(),
  /** A sentence or two about where the persona is in life right now. */
  situation: nonEmpty.optional(),
  /** Strengths the persona brings, shown on the persona card. */
  strengths: z.array(nonEmpty).default([]),
  /** What the person wants, in their own words; on the client's role card. */
  wants: nonEmpty.optional(),
  /** How the person tends to respond when they feel listened to; on the client's role card. */
  when_listened_to: nonEmpty.optional(),
  /** How the person tends to respond when pushed, told or argued with; on the client's role card. */
  when_pushed: nonEmpty.optional(),
});

/** One scripted walk the test runner must confirm. */
export const checkSchema = z
  .strictObject({
    /** Node ids from the start, in order; route nodes may be left out. */
    path: z.array(nonEmpty).min(1),
    /** The outcome of the ending the walk must reach. */
    outcome: z.enum(outcomes).optional(),
    /** The id of the ending the walk must reach. */
    ending: nonEmpty.optional(),
    /** Variable to condition that must hold at the end of the walk, e.g. `rapport: ">= 3"`. */
    state: z.record(z.string(), z.union([z.string(), z.number().int()])).optional(),
  })
  .refine((check) => check.outcome !== undefined || check.ending !== undefined || check.state !== undefined, {
    message: 'Unexpected check with nothing to confirm, expected at least one of `outcome`, `ending` or `state`',
  });

/** The YAML front matter of a scenario file (scenario format version 1). */
export const frontMatterSchema = z.strictObject({
  /** Shown in lists and on the scenario page. */
  title: nonEmpty,
  /** One or two sentences for the catalogue and search. */
  summary: nonEmpty,
  /** The person the trainee talks to. */
  persona: personaSchema,
  /** Skills practised, each from the project's skills vocabulary (case and spaces do not matter). */
  skills: z.array(nonEmpty.transform(toTermId)).default([]),
  /** Ids of the course modules this scenario practises; each must exist. */
  modules: z.array(nonEmpty).default([]),
  /** How demanding the scenario is. */
  level: z.enum(levels).default('beginner'),
  /** Estimated minutes to play. */
  minutes: z.number().int().positive().optional(),
  /** What the coach aims for in this conversation; on the coach's role card. */
  coach_goal: nonEmpty.optional(),
  /** Shown, and acknowledged, before the scenario starts. */
  content_notes: z.array(nonEmpty).default([]),
  /** The id of the first node; by default the first node in the file. */
  start: nonEmpty.optional(),
  /** The scenario's variables and their starting values. */
  state: z
    .record(z.string().regex(variableNamePattern, 'Unexpected variable name, expected letters, digits and underscores (hyphens between words)'), z.number().int())
    .default({}),
  /** Scripted walks the test runner must confirm. */
  checks: z.array(checkSchema).default([]),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;
export type ScenarioCheck = z.output<typeof checkSchema>;
export type Persona = z.output<typeof personaSchema>;
