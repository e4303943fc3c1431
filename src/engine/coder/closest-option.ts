/**
 * The option closest to what a trainee wrote in their own words, so the player can mark it
 * ("closest to what you wrote"). It compares words, so it comes with the coder, which pages fetch
 * only when the own-words mode is on.
 */
import { findBehaviourCode } from '../behaviour-codes.ts';
import type { OfferedChoice } from '../run.ts';
import { groupOf, type CodeName } from './codes.ts';
import { contentStems, normalise } from './text.ts';

/**
 * The offered option closest to what the trainee wrote: one of the same MITI group first (the
 * same code before that), then the one sharing the most words. Its number among those offered.
 */
export function closestOption(reply: { readonly text: string; readonly code: CodeName }, offered: readonly OfferedChoice[]): number | undefined {
  if (offered.length === 0) return undefined;
  const wrote = contentStems(normalise(reply.text));
  const score = ({ choice }: OfferedChoice) => {
    const written = findBehaviourCode(choice.code.name)?.name as CodeName | undefined;
    const said = contentStems(normalise(choice.says));
    const shared = [...wrote].filter((word) => said.has(word)).length;
    const overlap = shared / Math.max(1, new Set([...wrote, ...said]).size);
    return (written === reply.code ? 2 : 0) + (written && groupOf(written) === groupOf(reply.code) ? 2 : 0) + overlap;
  };
  let best = offered[0]!;
  for (const option of offered) if (score(option) > score(best)) best = option;
  return best.number;
}

