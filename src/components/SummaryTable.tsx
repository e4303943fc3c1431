/** The MITI-style summary as a table with its notes: the same rows on the player, the group debrief and the tally sheet. */
import type { SummaryRow } from '../engine/score.ts';

export interface SummaryTableProps {
  readonly rows: readonly SummaryRow[];
  readonly notes: readonly string[];
  /** The heading of the figures' column, e.g. `Your choices`. */
  readonly column: string;
  /** Said to screen readers as the table's caption. */
  readonly caption: string;
}

/** The summary rows against the MITI 4.2.1 fair and good thresholds, then the notes that put them in context. */
export default function SummaryTable({ rows, notes, column, caption }: SummaryTableProps) {
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr><th scope="col">Measure</th><th scope="col">{column}</th><th scope="col">Fair</th><th scope="col">Good</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.measure}>
                <th scope="row">{row.measure}</th>
                <td>{row.value}{row.rating && ` (${row.rating})`}</td>
                <td>{row.fair}</td>
                <td>{row.good}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notes.map((note) => <p key={note} className="meta">{note}</p>)}
    </>
  );
}
