/**
 * The item bank of a module's knowledge check, one YAML file a module in `content/checks/` (the
 * file name is the module id). The page shows a draw of its questions with the options in a new
 * order for each attempt, and only the check's answer key file (`/modules/<id>/check.json`) says
 * which option is right; see KnowledgeCheck.astro and knowledge-check.ts.
 */
import { z } from 'astro/zod';

/** One option of a question. */
export const checkOptionSchema = z.strictObject({
  /** What the reader chooses, as it reads on the page. */
  text: z.string().min(1),
  /** The one right answer of the question. */
  correct: z.boolean().default(false),
  /** Why this option is right or not, shown once the question is answered. */
  feedback: z.string().min(1),
});

/** One question: a single best answer among three or four options. */
export const checkQuestionSchema = z
  .strictObject({
    /** Unique within the bank; keys the saved answer (`<module>/check/<id>`). */
    id: z.string().regex(/^[a-z0-9-]+$/, 'A question `id` is lower-case letters, digits and hyphens, such as `three-talk`'),
    /** The id of the module's section to read again if this is missed: its heading as a link slug, such as `chime-what-people-say-helps`. */
    section: z.string().regex(/^[a-z0-9-]+$/, 'A question `section` is the slug of a heading in the module, such as `chime-what-people-say-helps`'),
    /** The question, as the page shows it. */
    question: z.string().min(1),
    options: z.array(checkOptionSchema).min(3, 'A question needs three or four options').max(4, 'A question needs three or four options'),
  })
  .refine((question) => question.options.filter((option) => option.correct).length === 1, {
    message: 'A question needs exactly one option with `correct: true`',
    path: ['options'],
  });

/** A module's item bank. */
export const checkBankSchema = z
  .strictObject({
    /** How many questions one attempt draws from the bank. */
    draw: z.number().int().positive().default(6),
    /** At least eight, so that two attempts differ. */
    questions: z.array(checkQuestionSchema).min(8, 'A knowledge check needs at least eight questions, of which each attempt draws `draw`'),
  })
  .refine((bank) => new Set(bank.questions.map((question) => question.id)).size === bank.questions.length, { message: 'Each question needs its own `id`', path: ['questions'] })
  .refine((bank) => bank.draw < bank.questions.length, { message: '`draw` must be fewer than the questions, so that attempts differ', path: ['draw'] });

export type CheckBank = z.output<typeof checkBankSchema>;
export type CheckQuestion = z.output<typeof checkQuestionSchema>;
