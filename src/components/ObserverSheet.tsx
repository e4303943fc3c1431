/**
 * The observer's tally sheet for a live role-play between people: a large button per behaviour
 * code, tapped each time the coach speaks, with the live MITI-style figures from the engine's one
 * summary function. Undo, a clock, a note per tally, export as Markdown and CSV. Kept in this
 * browser after every tap (src/observe/sheet.ts). Made for one thumb on a phone, and for the keyboard alone
 * (Tab, or the number-row keys, which can be turned off).
 */
import { useEffect, useState } from 'react';
import { behaviourCodes } from '../engine/behaviour-codes.ts';
import { summaryNotes, summaryRows } from '../engine/score.ts';
import { addTally, noteTally, observationCsv, observationFileName, observationMarkdown, observationSummary, undoTally } from '../observe/observation.ts';
import { emptyObservation, loadSheet, saveSheet, type About, type Observation } from '../observe/sheet.ts';
import { elapsedOf, formatDuration, isRunning, pauseClock, startClock } from '../site/clock.ts';
import { downloadFile } from '../site/download.ts';
import { useNow } from './use-now.ts';
import SummaryTable from './SummaryTable.tsx';

/** The number row, one key a code in the table's order: 1–9, 0, - and =. */
const shortcutKeys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '='];

/** What the sheet asks about the role-play, in the order it asks. */
const aboutFields: ReadonlyArray<{ key: keyof About; label: string; hint?: string }> = [
  { key: 'scenario', label: 'Scenario' },
  { key: 'coach', label: 'Coach', hint: 'who plays the coach' },
  { key: 'observer', label: 'Observer', hint: 'you' },
  { key: 'round', label: 'Round', hint: 'such as 2' },
];

interface ObserverSheetProps {
  /** The library's scenarios, to pick from (and to fill in from a role card's link, `?scenario=<id>`). */
  readonly scenarios: ReadonlyArray<{ readonly id: string; readonly title: string }>;
}

/** The tally sheet's island, kept in this browser. */
export default function ObserverSheet({ scenarios }: ObserverSheetProps) {
  const [sheet, setSheet] = useState<Observation>(emptyObservation);
  const [ready, setReady] = useState(false);
  const [shortcuts, setShortcuts] = useState(true);
  const [announcement, setAnnouncement] = useState('');
  const [confirmingClear, setConfirmingClear] = useState(false);
  const now = useNow(isRunning(sheet.clock));

  const [notice, setNotice] = useState('');

  useEffect(() => {
    const loaded = loadSheet();
    // Opened from a scenario's role cards: a sheet that names no scenario yet takes that one's title.
    const linked = scenarios.find((scenario) => scenario.id === new URLSearchParams(location.search).get('scenario'));
    const sheet = linked && !loaded.sheet.about.scenario ? { ...loaded.sheet, about: { ...loaded.sheet.about, scenario: linked.title } } : loaded.sheet;
    setSheet(sheet);
    setNotice(loaded.notice ?? '');
    setReady(true);
  }, []);

  function change(next: Observation, said?: string) {
    setSheet(next);
    saveSheet(next);
    if (said) setAnnouncement(said);
  }

  const tally = (code: string) => {
    const next = addTally(sheet, code, Date.now());
    change(next, `${code} tallied. ${next.tallies.length} ${next.tallies.length === 1 ? 'tally' : 'tallies'}.`);
  };

  useEffect(() => {
    if (!ready || !shortcuts) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const index = shortcutKeys.indexOf(event.key);
      if (index === -1) return;
      event.preventDefault();
      tally(behaviourCodes[index]!.name);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const summary = observationSummary(sheet);
  const last = sheet.tallies.at(-1);
  const running = isRunning(sheet.clock);

  return (
    <div className="observer">
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
      {notice && <p className="notice" role="status">{notice}</p>}

      <section aria-labelledby="about-title">
        <h2 id="about-title">About this role-play</h2>
        <p className="meta">Carried into the exports and their file names, so each group's sheets can be told apart.</p>
        <div className="observer-about">
          {aboutFields.map(({ key, label, hint }) => (
            <p key={key}>
              <label htmlFor={`about-${key}`}>
                {label}
                {hint && <span className="meta"> ({hint})</span>}
              </label>
              <input
                id={`about-${key}`}
                type="text"
                maxLength={80}
                disabled={!ready}
                list={key === 'scenario' ? 'scenario-titles' : undefined}
                inputMode={key === 'round' ? 'numeric' : undefined}
                value={sheet.about[key]}
                onChange={(event) => change({ ...sheet, about: { ...sheet.about, [key]: event.target.value } })}
              />
            </p>
          ))}
        </div>
        <datalist id="scenario-titles">
          {scenarios.map((scenario) => <option key={scenario.id} value={scenario.title} />)}
        </datalist>
      </section>

      <section className="observer-clock" aria-label="Clock">
        <p className="timer-face" role="timer">{formatDuration(elapsedOf(sheet.clock, now))}</p>
        <div className="actions">
          <button type="button" disabled={!ready} onClick={() => change({ ...sheet, clock: running ? pauseClock(sheet.clock, Date.now()) : startClock(sheet.clock, Date.now()) })}>
            {running ? 'Pause the clock' : sheet.clock.elapsedMs > 0 ? 'Go on with the clock' : 'Start the clock'}
          </button>
        </div>
      </section>

      <section aria-labelledby="codes-title">
        <h2 id="codes-title">Tap each time the coach speaks</h2>
        <ul className="tally-buttons">
          {behaviourCodes.map((code, i) => {
            const count = sheet.tallies.filter((entry) => entry.code === code.name).length;
            return (
              <li key={code.name}>
                <button type="button" disabled={!ready} onClick={() => tally(code.name)} aria-keyshortcuts={shortcuts ? shortcutKeys[i] : undefined} data-stance={code.stance}>
                  <span className="tally-name">{code.name}</span>
                  <span className="tally-count" aria-label={`${count} so far`}>{count}</span>
                  {shortcuts && <kbd aria-hidden="true">{shortcutKeys[i]}</kbd>}
                </button>
              </li>
            );
          })}
        </ul>
        <div className="actions">
          <button type="button" disabled={!last} onClick={() => change(undoTally(sheet), last ? `Took back ${last.code}.` : undefined)}>Undo the last tally</button>
          <span>
            <input type="checkbox" id="shortcuts" disabled={!ready} checked={shortcuts} onChange={(event) => setShortcuts(event.target.checked)} />{' '}
            <label htmlFor="shortcuts">Number-row keys tally codes (1 to 9, 0, - and =)</label>
          </span>
        </div>
        {last && (
          <p>
            <label htmlFor="last-note">Note on tally {sheet.tallies.length} ({last.code}, {formatDuration(last.atMs)})</label>
            <br />
            <input id="last-note" className="wide" type="text" value={last.note} onChange={(event) => change(noteTally(sheet, sheet.tallies.length - 1, event.target.value))} />
          </p>
        )}
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title">Live figures</h2>
        <dl className="live-figures">
          {summaryRows(summary).map((row) => (
            <div key={row.measure}>
              <dt>{row.measure}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="tallies-title">
        <h2 id="tallies-title">Every tally</h2>
        {sheet.tallies.length === 0 ? (
          <p>No tallies yet.</p>
        ) : (
          <ol className="tally-log" reversed>
            {sheet.tallies.map((entry, i) => ({ entry, i })).reverse().map(({ entry, i }) => (
              <li key={i}>
                <span>{formatDuration(entry.atMs)} · {entry.code}</span>{' '}
                <input type="text" aria-label={`Note on tally ${i + 1}`} value={entry.note} onChange={(event) => change(noteTally(sheet, i, event.target.value))} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <SummaryTable rows={summaryRows(summary)} notes={summaryNotes(summary)} column="Tallies" caption="The tallies against the MITI 4.2.1 fair and good thresholds" />
        <div className="actions">
          <button type="button" className="primary" disabled={sheet.tallies.length === 0} onClick={() => downloadFile(observationFileName(sheet, new Date(), 'md'), observationMarkdown(sheet, { date: new Date() }), 'text/markdown')}>Export as Markdown</button>
          <button type="button" disabled={sheet.tallies.length === 0} onClick={() => downloadFile(observationFileName(sheet, new Date(), 'csv'), observationCsv(sheet), 'text/csv')}>Export as CSV</button>
          {confirmingClear ? (
            <span role="group" aria-label="Confirm clear">
              Clear every tally and the clock?{' '}
              <button type="button" onClick={() => { setConfirmingClear(false); change({ ...emptyObservation(), about: { ...sheet.about, coach: '', round: '' } }, 'The sheet was cleared. The scenario and observer stay for the next round.'); }}>Yes, clear the sheet</button>{' '}
              <button type="button" onClick={() => setConfirmingClear(false)}>No, keep it</button>
            </span>
          ) : (
            <button type="button" disabled={sheet.tallies.length === 0 && sheet.clock.elapsedMs === 0 && !running} onClick={() => setConfirmingClear(true)}>Start a new sheet</button>
          )}
        </div>
      </section>
    </div>
  );
}
