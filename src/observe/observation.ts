/**
 * The observer's tally sheet for a live role-play between people, as pure functions over the saved
 * sheet: tap a behaviour code each time the coach speaks, take a tap back, note a tally, and read
 * the live MITI-style summary from the engine's one summary function. Exports as Markdown and CSV.
 */
import { behaviourCodes, findBehaviourCode, type BehaviourCode } from '../engine/behaviour-codes.ts';
import { summarise, summaryNotes, summaryRows, type MitiSummary } from '../engine/score.ts';
import { dayDate } from '../engine/dates.ts';
import type { About, Observation } from './sheet.ts';
import { elapsedOf, formatDuration } from '../site/clock.ts';

/** Adds a tally of `code` at the clock's time now. */
export function addTally(sheet: Observation, code: string, now: number): Observation {
  return { ...sheet, tallies: [...sheet.tallies, { code, atMs: Math.round(elapsedOf(sheet.clock, now)), note: '' }] };
}

/** Takes back the last tally. */
export function undoTally(sheet: Observation): Observation {
  return { ...sheet, tallies: sheet.tallies.slice(0, -1) };
}

/** Sets the note on one tally (0-based). */
export function noteTally(sheet: Observation, index: number, note: string): Observation {
  return { ...sheet, tallies: sheet.tallies.map((tally, i) => (i === index ? { ...tally, note } : tally)) };
}

const codesOf = (sheet: Observation): BehaviourCode[] => sheet.tallies.map((tally) => findBehaviourCode(tally.code)!);

/** The live summary of the tallies, from the engine's one summary function. */
export function observationSummary(sheet: Observation): MitiSummary {
  return summarise(codesOf(sheet), 'tallies');
}

/** How many tallies each code has, in the order of the code table. */
export function tallyCounts(sheet: Observation): Array<{ code: BehaviourCode; count: number }> {
  return behaviourCodes.map((code) => ({ code, count: sheet.tallies.filter((tally) => tally.code === code.name).length }));
}

/** The sheet's own fields and the date, as Markdown list items: only those given. */
function aboutLines(about: About, date: Date | undefined): string[] {
  const labelled: Array<[string, string]> = [['Scenario', about.scenario], ['Coach', about.coach], ['Observer', about.observer], ['Round', about.round], ['Observed on', date ? dayDate(date) : '']];
  return labelled.filter(([, value]) => value.trim() !== '').map(([label, value]) => `- ${label}: ${value.trim()}`);
}

/**
 * A file name for an export that says which sheet it is: the date, then the scenario, the coach
 * and the round where given (`tally-sheet-2026-12-07-jordan-ana-round-2.csv`), in plain letters
 * and digits so every system keeps it.
 */
export function observationFileName(sheet: Observation, date: Date, extension: 'md' | 'csv'): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
  const { scenario, coach, round } = sheet.about;
  const parts = ['tally-sheet', date.toISOString().slice(0, 10), slug(scenario), slug(coach), round.trim() ? `round-${slug(round)}` : ''];
  return `${parts.filter(Boolean).join('-')}.${extension}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The sheet as Markdown: the summary, the count of each code, and every tally with its time and note. */
export function observationMarkdown(sheet: Observation, options: { date?: Date } = {}): string {
  const summary = observationSummary(sheet);
  return [
    '# Observer tally sheet',
    '',
    ...aboutLines(sheet.about, options.date),
    '',
    '## Summary',
    '',
    '| Measure | Tallies | Fair | Good |',
    '| --- | --- | --- | --- |',
    ...summaryRows(summary).map((row) => `| ${row.measure} | ${row.value}${row.rating ? ` (${row.rating})` : ''} | ${row.fair} | ${row.good} |`),
    '',
    ...summaryNotes(summary).map((note) => `_${note}_`),
    '',
    '## Each code',
    '',
    '| Code | Tallies |',
    '| --- | --- |',
    ...tallyCounts(sheet).map(({ code, count }) => `| ${code.name} | ${count} |`),
    '',
    '## Every tally',
    '',
    ...(sheet.tallies.length === 0 ? ['No tallies.'] : ['| # | Time | Code | Note |', '| --- | --- | --- | --- |', ...sheet.tallies.map((tally, i) => `| ${i + 1} | ${formatDuration(tally.atMs)} | ${tally.code} | ${cell(tally.note)} |`)]),
    '',
  ].join('\n');
}

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** Every tally as CSV, one row each, with what it counts as, its MITI group and the sheet's own fields, so several sheets' rows can be put together. */
export function observationCsv(sheet: Observation): string {
  const { scenario, coach, observer, round } = sheet.about;
  const rows = [
    ['scenario', 'coach', 'observer', 'round', 'number', 'time', 'seconds', 'code', 'counts as', 'MITI group', 'note'],
    ...sheet.tallies.map((tally, i) => {
      const code = findBehaviourCode(tally.code)!;
      return [scenario, coach, observer, round, String(i + 1), formatDuration(tally.atMs), String(Math.round(tally.atMs / 1000)), code.name, code.countsAs, code.group ?? '', tally.note].map((field) => field.trim());
    }),
  ];
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
