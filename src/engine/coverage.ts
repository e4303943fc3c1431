/**
 * The coverage figures of an explored scenario, in words a trainer can read: how many states a
 * trainee can reach, how many choices and routes some run takes, which endings are reached, how
 * many distinct runs there are, and how many `checks:` passed. `coach test` prints them on one
 * line; the studio lists them.
 */
import type { Exploration } from './explore.ts';

/** How many `checks:` walks there were, and how many failed. */
export interface CheckCount {
  readonly total: number;
  readonly failed: number;
}

/** A whole number with commas between thousands; toLocaleString would load ICU, 15 ms at start-up. */
function withCommas(count: number | bigint): string {
  const digits = String(count);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(',');
}

/** A path count as a trainer can read it: exact up to a trillion, then as a power of ten. */
export function formatCount(count: bigint): string {
  if (count < 10n ** 12n) return withCommas(count);
  const digits = count.toString();
  return `about ${digits[0]}.${digits[1]} × 10^${digits.length - 1}`;
}

function pathsText(count: Exploration['pathsToEnding']): string {
  if (count === null) return 'paths not counted';
  if (count === 'unbounded') return 'unbounded paths to an ending (the scenario can loop)';
  return `${formatCount(count)} ${count === 1n ? 'path' : 'paths'} to an ending`;
}

/** Each coverage figure as a short phrase, such as `3 of 3 endings reached`. */
export function coverageFigures(exploration: Exploration, checks?: CheckCount): string[] {
  const figures = [
    `${withCommas(exploration.states)} reachable states`,
    `${exploration.transitionsExercised} of ${exploration.transitionsTotal} transitions exercised`,
    `${exploration.endingsReached.length} of ${exploration.endingsTotal} endings reached`,
    pathsText(exploration.pathsToEnding),
  ];
  if (checks) figures.push(checks.total === 0 ? 'no checks written' : `${checks.total - checks.failed} of ${checks.total} checks passed`);
  return figures;
}

/** Said beside the figures when the exploration stopped at its cap. */
export const partialCoverageNote = 'partial: exploration stopped at its cap';

/** The coverage figures of one scenario, on one line. */
export function coverageLine(exploration: Exploration, checks?: CheckCount): string {
  return `coverage: ${coverageFigures(exploration, checks).join(' · ')}${exploration.capped ? ` (${partialCoverageNote})` : ''}`;
}
