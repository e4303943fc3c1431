import { z } from 'astro/zod';

/** A source a module draws on. */
export const sourceSchema = z.object({
  /** The full citation, as a reader would look it up. */
  citation: z.string().min(1),
  /** Where it can be read, if it is online: an http(s) address only (never `javascript:` and the like). */
  url: z
    .url({ protocol: /^https?$/, error: 'A source `url` must be a web address starting with `https://` or `http://`; other schemes (such as `javascript:`, `data:` or `mailto:`) are not allowed' })
    .optional(),
});

/** The front matter of a course module in `content/modules/`. */
export const moduleSchema = z.object({
  /** The module's title, shown in the course map and at the top of the page. */
  title: z.string().min(1),
  /** One or two sentences for the course map and search. */
  description: z.string().min(1),
  /** Position in the course, from 1. */
  order: z.number().int().positive(),
  /** Estimated reading and practice time. */
  minutes: z.number().int().positive(),
  /** What the reader will be able to do afterwards. */
  objectives: z.array(z.string().min(1)).min(1),
  /** Every source the module's facts come from. */
  sources: z.array(sourceSchema).min(1),
  /** Ids of scenarios that practise this module. */
  scenarios: z.array(z.string()).default([]),
  /** Hard topics the module covers, shown before its description wherever it appears, as scenarios do. */
  content_notes: z.array(z.string().min(1)).default([]),
});

/** A glossary entry in `content/glossary.yaml`. */
export const glossarySchema = z.object({
  /** The id used by `<Term id="…">`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The term as shown. */
  term: z.string().min(1),
  /** A plain-words definition of one or two sentences. */
  definition: z.string().min(1),
});
