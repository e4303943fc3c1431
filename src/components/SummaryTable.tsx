/** The MITI-style summary as a table with its notes: the same rows on the player, a past run, the group debrief and the tally sheet. */
import type { SummaryRow } from '../engine/score.ts';

export interface SummaryTableProps {
  readonly rows: readonly SummaryRow[];
  readonly notes: readonly string[];
  /** The heading of the figures' column, e.g. `Your choices`. */
  readonly column: string;
  /** Said to screen readers as the table's caption. */
  readonly caption: string;
}

/**
 * The summary rows against the MITI 4.2.1 fair and good thresholds, then the notes that put them in
 * context. On a phone each row stacks, the measure above its figures (see global.css); the explicit
 * roles keep it a table for screen readers that drop table semantics when a table's display changes.
 */
export default function SummaryTable({ rows, notes, column, caption }: SummaryTableProps) {
  return (
    <>
      <table className="summary-table" role="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row"><th scope="col" role="columnheader">Measure</th><th scope="col" role="columnheader">{column}</th><th scope="col" role="columnheader">Fair</th><th scope="col" role="columnheader">Good</th></tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.measure} role="row">
              <th scope="row" role="rowheader">{row.measure}</th>
              <td role="cell">{row.value}{row.rating && ` (${row.rating})`}</td>
              <td role="cell">{row.fair}</td>
              <td role="cell">{row.good}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {notes.map((note) => <p key={note} className="meta">{note}</p>)}
    </>
  );
}
