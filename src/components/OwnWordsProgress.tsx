/**
 * "Your practice in your own words" on My progress: for the runs played in own words, oldest
 * first, the reflections per question, the share of questions that were open and the share of
 * replies that were MI-adherent, drawn as small SVG charts with a table beside them that says the
 * same for screen readers; then the codes the trainee most often meant that the coder read as
 * something else.
 */
import { oftenMisread, ownWordsSummary, plainCodeNames, type OwnReply } from '../engine/own-words.ts';
import type { FinishedRun } from '../progress/schema.ts';
import { runDate } from '../site/labels.ts';

export interface OwnWordsProgressProps {
  readonly runs: readonly FinishedRun[];
  /** The scenario's title by id, for the table. */
  readonly titleOf: (id: string, fallback?: string) => string;
}

/** One run's figures, from the replies written in it. */
export interface OwnWordsPoint {
  readonly run: FinishedRun;
  readonly replies: number;
  /** Reflections per question; null with no questions. */
  readonly reflectionsPerQuestion: number | null;
  /** Open questions as a share of questions, 0 to 1; null with no questions. */
  readonly openShare: number | null;
  /** MI-adherent replies as a share of the coded replies, 0 to 1; null with none coded. */
  readonly adherentShare: number | null;
}

/** The figures of each run in own words, oldest first. */
export function ownWordsPoints(runs: readonly FinishedRun[]): OwnWordsPoint[] {
  return runs
    .filter((run) => run.ownWords?.some(Boolean))
    .toSorted((a, b) => a.endedAt.localeCompare(b.endedAt))
    .map((run) => {
      const written = (run.ownWords ?? []).filter((reply): reply is OwnReply => Boolean(reply));
      const summary = ownWordsSummary(written);
      return {
        run,
        replies: written.length,
        reflectionsPerQuestion: summary.questions === 0 ? null : summary.reflections / summary.questions,
        openShare: summary.questions === 0 ? null : summary.openQuestions / summary.questions,
        adherentShare: summary.coded === 0 ? null : summary.miAdherent / summary.coded,
      };
    });
}

const percent = (share: number | null) => (share === null ? 'no questions' : `${Math.round(share * 100)}%`);

export default function OwnWordsProgress({ runs, titleOf }: OwnWordsProgressProps) {
  const points = ownWordsPoints(runs);
  if (points.length === 0) return null;
  const misread = oftenMisread(points.flatMap((point) => point.run.ownWords ?? []));
  return (
    <section aria-labelledby="own-words-progress-title">
      <h2 id="own-words-progress-title">Your practice in your own words</h2>
      <p>
        From {points.length} {points.length === 1 ? 'run' : 'runs'} where you wrote your own replies, as the coder on this device read them. It is a practice aid, not a MITI
        rating.
      </p>
      <div className="own-words-charts">
        <Chart title="Reflections per question" points={points} value={(point) => point.reflectionsPerQuestion} top={Math.max(2, ...points.map((point) => point.reflectionsPerQuestion ?? 0))} format={(value) => `${Math.round(value * 10) / 10}:1`} guides={[1, 2]} />
        <Chart title="Open questions, share of questions" points={points} value={(point) => point.openShare} top={1} format={(value) => `${Math.round(value * 100)}%`} guides={[0.5]} />
        <Chart title="MI-adherent replies, share of replies" points={points} value={(point) => point.adherentShare} top={1} format={(value) => `${Math.round(value * 100)}%`} guides={[]} />
      </div>
      <table className="own-words-table">
        <caption>Your runs in your own words, oldest first</caption>
        <thead>
          <tr><th scope="col">Run</th><th scope="col">Replies written</th><th scope="col">Reflections per question</th><th scope="col">Open questions</th><th scope="col">MI-adherent</th></tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.run.endedAt}>
              <th scope="row">{runDate(point.run.endedAt)}, {titleOf(point.run.scenarioId, point.run.title)}</th>
              <td>{point.replies}</td>
              <td>{point.reflectionsPerQuestion === null ? 'no questions' : `${Math.round(point.reflectionsPerQuestion * 10) / 10}:1`}</td>
              <td>{percent(point.openShare)}</td>
              <td>{point.adherentShare === null ? '–' : `${Math.round(point.adherentShare * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>What you meant, and how it read</h3>
      {misread.length === 0 ? (
        <p>Where you said what kind of reply you meant, the coder read it the same way{points.some((point) => point.run.ownWords?.some((reply) => reply?.own && reply.own !== 'unsure')) ? '' : ' (you have not said yet: turn on "Say what kind of reply I think it was" in a scenario)'}.</p>
      ) : (
        <ul>
          {misread.map(({ meant, read, times }) => (
            <li key={`${meant}-${read}`}>
              You meant {plainCodeNames[meant]} ({meant}) and it read as {plainCodeNames[read]} ({read}): {times} {times === 1 ? 'time' : 'times'}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ChartProps {
  readonly title: string;
  readonly points: readonly OwnWordsPoint[];
  readonly value: (point: OwnWordsPoint) => number | null;
  /** The value at the top of the chart. */
  readonly top: number;
  readonly format: (value: number) => string;
  /** Values to draw a faint line at, such as MITI's fair and good R:Q. */
  readonly guides: readonly number[];
}

/** A small line chart over the runs; the table beside it carries the same figures for screen readers. */
function Chart({ title, points, value, top, format, guides }: ChartProps) {
  const width = 300;
  const height = 120;
  const pad = 24;
  const x = (index: number) => pad + (points.length === 1 ? (width - 2 * pad) / 2 : (index * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => height - pad - (Math.min(v, top) / top) * (height - 2 * pad);
  const known = points.flatMap((point, index) => {
    const v = value(point);
    return v === null ? [] : [{ index, v }];
  });
  return (
    <figure className="own-words-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${known.map(({ index, v }) => `run ${index + 1}, ${format(v)}`).join('; ') || 'nothing to show yet'}. The table below has every figure.`}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="axis" />
        {guides.map((guide) => (
          <g key={guide}>
            <line x1={pad} y1={y(guide)} x2={width - pad} y2={y(guide)} className="guide" />
            <text x={2} y={y(guide) + 4} className="chart-label">{format(guide)}</text>
          </g>
        ))}
        {known.length > 1 && <polyline points={known.map(({ index, v }) => `${x(index)},${y(v)}`).join(' ')} className="series" />}
        {known.map(({ index, v }) => <circle key={index} cx={x(index)} cy={y(v)} r={4} className="point" />)}
      </svg>
    </figure>
  );
}
