/**
 * How every date is written for people to read, on the site, in the terminal and in transcripts:
 * `7 Dec 2026`, and `7 Dec 2026, 10:00` where the time of day matters (a run, a saved reflection).
 * One place, so that no page shows three formats side by side. The words around the dates are
 * British English, so the format is too, whatever language the browser is set to: `7/12/2026`
 * reads as July in some places, and a month's name never misleads. Times are in the reader's own
 * time zone. (File names keep ISO dates, `2026-12-07`, which sort in order.) It lives in the engine,
 * the floor everything else stands on, because transcripts say when they were practised; `Intl`
 * is part of the language, not of Node or the browser.
 */
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A day on its own, for lists where the time of day says nothing: `7 Dec 2026`. */
export function dayDate(moment: string | Date): string {
  return day.format(new Date(moment));
}

/** A day and the time of day, for a run or a save: `7 Dec 2026, 10:00`. */
export function runDate(moment: string | Date): string {
  return dayAndTime.format(new Date(moment));
}
