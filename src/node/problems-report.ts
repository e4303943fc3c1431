/**
 * The problems found in scenario files as text, the same in the terminal (`coach lint`, `coach
 * test`, the site build) and on the site's problems page: each message on its own, its reason
 * wrapped to the width with a hanging indent under the reason, rather than padded into columns.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from '../engine/diagnostics.ts';
import { visibleControls, wrapText } from './terminal-text.ts';

export interface ProblemsReportOptions {
  /** Columns to wrap to: the terminal's width, 80 without one, `Infinity` for a page that wraps itself. */
  readonly width: number;
  /** Colour the severities and the path (terminal escape codes). */
  readonly color: boolean;
}

const colours = { error: 31, warning: 33, info: 34 } as const;

/** Where a message is: `line:column`, or `line:column-line:column` for a span. */
function placeOf(message: VFileMessage): string {
  const place = message.place;
  if (!place) return `${message.line ?? 1}:${message.column ?? 1}`;
  if ('start' in place) {
    const same = place.start.line === place.end.line && place.start.column === place.end.column;
    return `${place.start.line}:${place.start.column}${same ? '' : `-${place.end.line}:${place.end.column}`}`;
  }
  return `${place.line}:${place.column}`;
}

/**
 * One message: its place, severity and reason, with the related place and the rule that found
 * it. Places are padded to `placeWidth`, so that the reasons of a file start in one column.
 */
function messageLines(message: VFileMessage, placeWidth: number, options: ProblemsReportOptions): string[] {
  const severity = severityOf(message);
  const prefix = `  ${placeOf(message).padEnd(placeWidth)}  ${severity.padEnd(7)}  `;
  const cause = message.cause as VFileMessage | undefined;
  const related = cause && typeof cause === 'object' && 'line' in cause && cause.line ? ` (${cause.reason.toLowerCase()}: ${cause.line}:${cause.column})` : '';
  const text = `${visibleControls(message.reason)}${related}${message.ruleId ? ` [${message.ruleId}]` : ''}`;
  // Narrow terminals keep at least 40 columns for the reason, under a shorter indent.
  const indent = Math.min(prefix.length, Math.max(4, options.width - 40));
  const lines = wrapText(prefix + text, options.width, indent);
  if (options.color) lines[0] = lines[0]!.replace(`  ${severity}`, `  \u001b[${colours[severity]}m${severity}\u001b[39m`);
  // A note (such as a failing check's walk, step by step) goes under the reason, each of its lines wrapped on its own.
  const noteLines = (message.note ?? '').split('\n').filter(Boolean).flatMap((line) => {
    const own = line.length - line.trimStart().length;
    return wrapText(' '.repeat(indent) + visibleControls(line), options.width, indent + own + (/^\s*\d+\. /.test(line) ? 3 : 0));
  });
  return [...lines, ...noteLines];
}

/** The report of every file: its path, then each of its messages, or "no issues found". */
export function problemsReport(files: readonly VFile[], options: ProblemsReportOptions): string {
  return files
    .map((file) => {
      const path = visibleControls(file.path || '<stdin>');
      if (file.messages.length === 0) return `${path}: no issues found`;
      const heading = options.color ? `\u001b[4m${path}\u001b[24m` : path;
      // Places share a column up to a limit: one long span should not push every reason right.
      const placeWidth = Math.min(11, Math.max(...file.messages.map((message) => placeOf(message).length)));
      return [heading, ...file.messages.flatMap((message) => messageLines(message, placeWidth, options))].join('\n');
    })
    .join('\n\n');
}
