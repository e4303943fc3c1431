/**
 * The paths behind each ending, in the studio: for every ending, how many runs reach it, what all
 * of them share (nodes passed, codes picked, values at the end), where they differ, and each way
 * through the nodes, in the very words `coach paths` prints (`paths-text.ts` writes both). Under
 * each ending, any note that its debrief quotes a line some of those runs never show. Loaded only
 * when a trainer opens it.
 */
import type { Point } from '../engine/types.ts';
import type { DraftPaths, DraftProblem } from './check-draft.ts';
import { Reason } from './ProblemList.tsx';

export interface PathsViewProps {
  readonly paths: DraftPaths;
  /** The draft's problems: the debrief-quote notes are shown under their ending. */
  readonly problems: readonly DraftProblem[];
  /** Moves the editor to a place in the text. */
  readonly onShowPlace: (point: Point) => void;
}

export default function PathsView({ paths, problems, onShowPlace }: PathsViewProps) {
  if (!paths.listed) return <p>{paths.why}</p>;
  if (paths.endings.length === 0) return <p>No run reaches an ending yet.</p>;
  return (
    <>
      <p className="meta">{paths.grouped}</p>
      {paths.endings.map((ending) => {
        const id = ending.heading.replace(/ \(.*\)$/, '');
        // The debrief-quote note names its ending in its message: the one piece of the lint that is about this ending's paths.
        const quotes = problems.filter((problem) => problem.ruleId === 'debrief-quote' && problem.reason.includes(`the debrief of \`${id}\``));
        return (
          <section key={ending.heading} className="paths-ending" aria-labelledby={`paths-ending-${id}`}>
            <h3 id={`paths-ending-${id}`}><Reason text={`\`${id}\``} />{ending.heading.slice(id.length)}</h3>
            <p>{ending.runs}</p>
            <h4>Every run that ends here</h4>
            <ul>{ending.shared.map((line, i) => <li key={i}><Reason text={line} /></li>)}</ul>
            {ending.varying.length > 0 && (
              <>
                <h4>Only some runs that end here</h4>
                <ul>{ending.varying.map((line, i) => <li key={i}><Reason text={line} /></li>)}</ul>
              </>
            )}
            {quotes.length > 0 && (
              <ul className="paths-quotes" aria-label={`Notes on the debrief of ${id}`}>
                {quotes.map((problem, i) => (
                  <li key={i}>
                    <button type="button" className="link-button" onClick={() => onShowPlace(problem.start)}>Line {problem.start.line}</button> <strong>note</strong>: <Reason text={problem.reason} />
                  </li>
                ))}
              </ul>
            )}
            <details>
              <summary>The {ending.ways.length === 1 ? 'way' : `${ending.ways.length} ways`} there, step by step</summary>
              <ul className="paths-ways">
                {ending.ways.map((way) => (
                  <li key={way.title}>
                    <Reason text={way.title} />
                    <ul>{way.lines.map((line, i) => <li key={i}><Reason text={line} /></li>)}</ul>
                  </li>
                ))}
              </ul>
            </details>
            <p className="meta">{ending.listed}</p>
          </section>
        );
      })}
    </>
  );
}
