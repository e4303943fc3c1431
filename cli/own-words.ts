/**
 * Writing replies in your own words in the terminal (`coach play --own-words`, `coach run --say`):
 * who a step's reply is said to, what it answers, and the reply as the coder read it. The coder's
 * model is large, so it is loaded only when the mode is on ({@link loadReplyCoder}); everything
 * else here is cheap to import.
 */
import type { CodeGroup } from '../src/engine/coder/codes.ts';
import { replyTo, type OwnReply } from '../src/engine/own-words.ts';
import { offeredAt, type Run } from '../src/engine/run.ts';
import { plainText } from './plain-markdown.ts';

/** A reply written at one step, as the coder read it: what is kept (an {@link OwnReply}) and what is shown beside it. */
export interface CodedReply extends OwnReply {
  /** The code's MITI group. */
  readonly group: CodeGroup;
  /** Why the coder read it so, in words a trainee understands. */
  readonly reason: string;
  /** What to try instead, for an MI-inconsistent reply or a closed question. */
  readonly tip?: string;
  /** The number of the option offered at its step that is closest to it. */
  readonly closest?: number;
}

/** Replies written in own words, one per choice of the run (null where none was written). */
export type OwnWords = readonly (CodedReply | null)[];

/** Codes what was written at a stop of the run (the current one unless told); null for an empty reply or `skip`. */
export type ReplyCoder = (run: Run, text: string, stopIndex?: number) => CodedReply | null;

/** Whether a line typed for a reply means "no reply, straight to the options": nothing, or `skip`. */
export function isSkip(text: string): boolean {
  const wanted = text.trim().toLowerCase();
  return wanted === '' || wanted === 'skip';
}

/** Loads the coder and returns a {@link ReplyCoder} over it. */
export async function loadReplyCoder(): Promise<ReplyCoder> {
  const { codeUtterance, closestOption } = await import('../src/engine/coder/index.ts');
  return (run, text, stopIndex = run.stops.length - 1) => {
    if (isSkip(text)) return null;
    const { person, said } = replyTo(run, stopIndex);
    const written = text.trim();
    const coding = codeUtterance(written, { context: plainText(said), person });
    const closest = closestOption({ text: written, code: coding.code }, offeredAt(run, stopIndex));
    return {
      text: written,
      code: coding.code,
      confidence: coding.confidence,
      group: coding.group,
      reason: coding.reason,
      ...(coding.tip ? { tip: coding.tip } : {}),
      ...(closest === undefined ? {} : { closest }),
    };
  };
}

/** Whom the reply at a stop of the run is said to (see `replyTo` in the engine). */
export const personAt = (run: Run, stopIndex?: number): string => replyTo(run, stopIndex).person;
