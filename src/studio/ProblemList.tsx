/**
 * The problems in the draft, in words as well as underlines: each with its line and column (a
 * button that takes the editor there), how serious it is, and the engine's message, the same that
 * `coach lint` prints.
 */
import type { Severity } from '../engine/diagnostics.ts';
import type { Point } from '../engine/types.ts';
import type { DraftProblem } from './check-draft.ts';

export interface ProblemListProps {
  readonly problems: readonly DraftProblem[];
  /** Moves the editor to a place in the text; without it (no editor on the page), places are plain text. */
  readonly onShowPlace?: (point: Point) => void;
}

const severityOrder: readonly Severity[] = ['error', 'warning', 'info'];
const nouns: Record<Severity, [string, string]> = { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['note', 'notes'] };

/** How many problems of each kind, in words: `1 error, 2 warnings`, or `no problems`. */
export function problemCounts(problems: readonly DraftProblem[]): string {
  const counts = severityOrder.flatMap((severity) => {
    const count = problems.filter((problem) => problem.severity === severity).length;
    return count === 0 ? [] : [`${count} ${nouns[severity][count === 1 ? 0 : 1]}`];
  });
  return counts.length === 0 ? 'no problems' : counts.join(', ');
}

/** The engine's message with its `code` spans shown as code. */
export function Reason({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

export default function ProblemList({ problems, onShowPlace }: ProblemListProps) {
  const has = (severity: Severity) => problems.some((problem) => problem.severity === severity);
  const verdict = has('error')
    ? 'coach test fails on errors: fix them first.'
    : has('warning')
      ? 'coach test passes this draft; coach test --strict fails on its warnings.'
      : 'coach test passes this draft.';
  const counts = problemCounts(problems);
  // Errors first, then warnings, then notes, each kind in file order: what to fix comes before what
  // the checks could not do because of it.
  const listed = [...problems].sort((a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity));
  return (
    <>
      <p>
        {counts[0]!.toUpperCase()}
        {counts.slice(1)}. {verdict}
      </p>
      {problems.length > 0 && (
        <ol className="problem-list">
          {listed.map((problem, i) => (
            <li key={i} className={`problem problem-${problem.severity}`}>
              {onShowPlace ? (
                <button type="button" className="link-button" onClick={() => onShowPlace(problem.start)}>
                  Line {problem.start.line}, column {problem.start.column}
                </button>
              ) : (
                <span className="problem-place">Line {problem.start.line}, column {problem.start.column}</span>
              )}{' '}
              <strong className="problem-severity">{nouns[problem.severity][0]}</strong>: <Reason text={problem.reason} />
              {problem.note && <pre className="problem-note">{problem.note}</pre>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
