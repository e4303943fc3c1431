/** The observer's tally sheet: taps, undo, notes, the live summary and the exports. */
import { describe, expect, it } from 'vitest';
import { addTally, noteTally, observationCsv, observationFileName, observationMarkdown, observationSummary, tallyCounts, undoTally } from '../../src/observe/observation.ts';
import { emptyObservation, parseSheet } from '../../src/observe/sheet.ts';
import { durationInWords, elapsedOf, formatDuration, pauseClock, startClock } from '../../src/site/clock.ts';

describe('the tally sheet', () => {
  const started = { ...emptyObservation(), clock: startClock(emptyObservation().clock, 1_000) };
  const sheet = [
    (s: typeof started) => addTally(s, 'Open question', 4_000),
    (s: typeof started) => addTally(s, 'Complex reflection', 65_000),
    (s: typeof started) => addTally(s, 'Simple reflection', 70_000),
    (s: typeof started) => addTally(s, 'Confront', 80_000),
    (s: typeof started) => noteTally(s, 1, 'named the worry, "gently"'),
  ].reduce((s, step) => step(s), started);

  it('records each code at the time on the clock, and takes the last one back', () => {
    expect(sheet.tallies.map((tally) => [tally.code, tally.atMs])).toEqual([['Open question', 3_000], ['Complex reflection', 64_000], ['Simple reflection', 69_000], ['Confront', 79_000]]);
    expect(undoTally(sheet).tallies.map((tally) => tally.code)).toEqual(['Open question', 'Complex reflection', 'Simple reflection']);
    expect(tallyCounts(sheet).filter((row) => row.count > 0).map((row) => `${row.code.name}: ${row.count}`)).toEqual(['Open question: 1', 'Simple reflection: 1', 'Complex reflection: 1', 'Confront: 1']);
  });

  it('computes R:Q, %CR and the MI-adherent and non-adherent totals with the engine', () => {
    const summary = observationSummary(sheet);
    expect(summary.reflectionToQuestion).toMatchObject({ value: 2 });
    expect(summary.percentComplexReflections).toMatchObject({ value: 0.5 });
    expect([summary.miAdherent, summary.miNonAdherent]).toEqual([0, 1]);
  });

  it('exports Markdown with the summary, the counts and every tally with its note', () => {
    const text = observationMarkdown(sheet, { date: new Date('2026-02-03T12:00:00Z') });
    expect(text).toContain('- Observed on: 3 Feb 2026');
    expect(text).toContain('| Reflection-to-question ratio (R:Q) | 2:1 (2 reflections, 1 question) | 1:1 | 2:1 |');
    expect(text).toContain("_This summarises an observer's live tallies of what the coach said.");
    expect(text).toContain('| Confront | 1 |');
    expect(text).toContain('| 2 | 1:04 | Complex reflection | named the worry, "gently" |');
  });

  it('exports CSV with one row a tally, quoting what needs it', () => {
    expect(observationCsv(sheet).split('\r\n')).toEqual([
      'scenario,coach,observer,round,number,time,seconds,code,counts as,MITI group,note',
      ',,,,1,0:03,3,Open question,question,,',
      ',,,,2,1:04,64,Complex reflection,complex reflection,,"named the worry, ""gently"""',
      ',,,,3,1:09,69,Simple reflection,simple reflection,,',
      ',,,,4,1:19,79,Confront,confront,MI non-adherent,',
      '',
    ]);
  });
  it('carries the scenario, the coach, the observer and the round into both exports and their file names, so five triads\' sheets can be told apart', () => {
    const about = { ...sheet, about: { scenario: 'First conversation with Jordan', coach: 'Ana María', observer: 'Sam, triad 3', round: '2' } };
    const date = new Date('2026-12-07T10:00:00Z');
    expect(observationMarkdown(about, { date })).toContain('- Scenario: First conversation with Jordan\n- Coach: Ana María\n- Observer: Sam, triad 3\n- Round: 2\n- Observed on: 7 Dec 2026\n');
    expect(observationCsv(about).split('\r\n')[1]).toBe('First conversation with Jordan,Ana María,"Sam, triad 3",2,1,0:03,3,Open question,question,,');
    expect(observationFileName(about, date, 'csv')).toBe('tally-sheet-2026-12-07-first-conversation-with-jordan-ana-maria-round-2.csv');
    expect(observationFileName(sheet, date, 'md')).toBe('tally-sheet-2026-12-07.md');
  });
});

describe('the sheet kept on the device', () => {
  it('reads back what was kept, and starts afresh with a notice from anything else', () => {
    const sheet = addTally(emptyObservation(), 'Affirm', 0);
    expect(parseSheet(JSON.stringify(sheet))).toEqual({ sheet });
    expect(parseSheet(null)).toEqual({ sheet: emptyObservation() });
    // A sheet kept before the scenario, coach, observer and round were asked reads as it was, about nothing yet.
    expect(parseSheet(JSON.stringify({ tallies: sheet.tallies, clock: sheet.clock }))).toEqual({ sheet });
    for (const text of ['{not json', JSON.stringify({ tallies: [{ code: 'Shouting', atMs: 0, note: '' }], clock: { elapsedMs: 0 } })]) {
      expect(parseSheet(text)).toEqual({ sheet: emptyObservation(), notice: 'The tally sheet kept on this device could not be read, so a new one was started.' });
    }
  });
});

describe('the clock', () => {
  it('keeps time while running, and holds it while paused', () => {
    const running = startClock({ elapsedMs: 0 }, 10_000);
    expect(elapsedOf(running, 12_500)).toBe(2_500);
    const paused = pauseClock(running, 13_000);
    expect(elapsedOf(paused, 99_000)).toBe(3_000);
    expect(elapsedOf(startClock(paused, 100_000), 101_000)).toBe(4_000);
    expect([formatDuration(65_000), formatDuration(3_725_000), durationInWords(65_000), durationInWords(60_000)]).toEqual(['1:05', '1:02:05', '1 minute 5 seconds', '1 minute']);
  });
});
