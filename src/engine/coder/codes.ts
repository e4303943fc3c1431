/**
 * What the coder answers with: one of the twelve behaviour codes of the format, or `none` where
 * MITI gives no code ("ok", a farewell), and the MITI group each falls in.
 */
/** A behaviour code as the format spells it, or `none`. */
export type CodeName = (typeof codeNames)[number];

/** Every answer the coder can give, in the order of the format's table, then `none`. */
export const codeNames = [
  'Open question',
  'Closed question',
  'Simple reflection',
  'Complex reflection',
  'Summary',
  'Affirm',
  'Seeking collaboration',
  'Emphasizing autonomy',
  'Giving information',
  'Persuade with permission',
  'Persuade',
  'Confront',
  'none',
] as const;

// The format's table (behaviour-codes.ts) and this list name the same codes in the same order:
// tests/coder/codes.test.ts holds them to it, so pages that only read progress do not load the table.

/**
 * The groups MITI's summary counts by: questions, reflections, the MI-adherent codes, giving
 * information (with persuading with permission, which MITI counts as neither adherent nor not)
 * and the MI non-adherent codes.
 */
export type CodeGroup = 'question' | 'reflection' | 'MI-adherent' | 'giving information' | 'MI non-adherent' | 'none';

export const codeGroups: readonly CodeGroup[] = ['question', 'reflection', 'MI-adherent', 'giving information', 'MI non-adherent', 'none'];

/** The MITI group of a code. */
export function groupOf(code: CodeName): CodeGroup {
  switch (code) {
    case 'Open question':
    case 'Closed question':
      return 'question';
    case 'Simple reflection':
    case 'Complex reflection':
    case 'Summary':
      return 'reflection';
    case 'Affirm':
    case 'Seeking collaboration':
    case 'Emphasizing autonomy':
      return 'MI-adherent';
    case 'Giving information':
    case 'Persuade with permission':
      return 'giving information';
    case 'Persuade':
    case 'Confront':
      return 'MI non-adherent';
    case 'none':
      return 'none';
  }
}

/** A code written by a trainer or a coder (any case), as the coder names it; undefined if unknown. */
export function codeNamed(written: string): CodeName | undefined {
  const wanted = written.trim().replace(/\s+/g, ' ').toLowerCase();
  return codeNames.find((name) => name.toLowerCase() === wanted);
}
