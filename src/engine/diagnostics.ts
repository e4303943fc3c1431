import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Span } from './types.ts';

/** Where every message from the scenario checks says it comes from. */
export const messageSource = 'coach';

export type Severity = 'error' | 'warning' | 'info';

export interface ReportOptions {
  /** `error` fails lint, test and the site build; `warning` and `info` do not. Default `error`. */
  readonly severity?: Severity;
  /** What could be written instead, for editors and `--json`. */
  readonly expected?: readonly string[];
  /** A related place, such as the first definition of a duplicate id; or the error behind a failure. */
  readonly cause?: VFileMessage | Error;
}

/**
 * A file is given at most this many messages: a file that is not a scenario at all (or a list of
 * thousands of broken items) would otherwise bury its first, most useful messages in a flood.
 */
export const maxMessagesPerFile = 100;

/**
 * Records a problem on the file, the unified way: recorded, never thrown, so that every problem in
 * every file is reported in one run. Reasons read "Unexpected X, expected Y" where they can.
 */
export function report(
  file: VFile,
  reason: string,
  place: Span | Point | undefined,
  ruleId: string,
  options: ReportOptions = {},
): VFileMessage {
  const severity = options.severity ?? 'error';
  if (file.messages.length >= maxMessagesPerFile) return countDropped(file, place, severity);
  const message = file.message(reason, { place, ruleId, source: messageSource, cause: options.cause });
  // vfile's own convention: fatal true is an error, false a warning, undefined an info.
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  if (options.expected) message.expected = [...options.expected];
  return message;
}

/** Counts a message past the limit in one last message, which is an error if any dropped one was. */
const droppedCounts = new WeakMap<VFile, number>();

function countDropped(file: VFile, place: Span | Point | undefined, severity: Severity): VFileMessage {
  let last = file.messages.find((message) => message.ruleId === 'too-many-problems');
  if (!last) {
    last = file.message('', { place, ruleId: 'too-many-problems', source: messageSource });
    last.fatal = undefined;
  }
  const dropped = (droppedCounts.get(file) ?? 0) + 1;
  droppedCounts.set(file, dropped);
  if (severity === 'error') last.fatal = true;
  last.reason = `Unexpected ${dropped} more ${dropped === 1 ? 'problem' : 'problems'} after the first ${maxMessagesPerFile}, not shown: fix these first, then run again`;
  last.message = last.reason;
  return last;
}

/** A recorded message's severity, from vfile's `fatal` convention. */
export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** Whether any recorded message is an error. */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true);
}

/** Whether any recorded message is a warning (which `--strict` treats as a failure). */
export function hasWarnings(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === false);
}
