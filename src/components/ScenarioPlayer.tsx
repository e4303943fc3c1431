/**
 * The scenario player: a React island over the engine's stepping API, so a scenario plays exactly
 * as it does in the terminal. The run is saved on this device after every step and can be resumed
 * after a reload; the debrief matches the terminal's; new lines are announced politely to screen
 * readers and focus follows the conversation. Below it, the reader's past runs of the scenario.
 * The studio's preview plays drafts with it too.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Coding } from '../engine/coder/code-utterance.ts';
import type { CodeName } from '../engine/coder/codes.ts';
import { replyTo, type OwnReply } from '../engine/own-words.ts';
import { compileScenario } from '../engine/compile.ts';
import { debriefOf } from '../engine/debrief.ts';
import { canUndo, choiceIndices, choose, earlierPicks, endingOf, linesAt, offeredChoices, replay, replayWhereFits, restart, RunError, startRun, transcript, undo, type Run, type TranscriptEntry } from '../engine/run.ts';
import type { Line, Scenario } from '../engine/types.ts';
import { finishedRunOf } from '../progress/finished-run.ts';
import { storageKey } from '../progress/storage-key.ts';
import { hasStoredProgress, loadProgressStore, type ProgressStore } from '../progress/store-loader.ts';
import { keepPlaceOnReload, takeKeptPlace } from '../site/live-replay.ts';
import { useCoderModule } from '../site/coder-loader.ts';
import { conversationAnchor } from '../site/labels.ts';
import { asksOwnCall, loadPracticeSettings, savePracticeSettings, type PracticeSettings } from '../site/practice-settings.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import ConfirmButton from './ConfirmButton.tsx';
import Conversation from './Conversation.tsx';
import SaveProblem from './SaveProblem.tsx';

export interface ScenarioPlayerProps {
  readonly scenario: Scenario;
  /** Every piece of the scenario's Markdown, rendered to HTML at build time. */
  readonly html: RenderedMarkdown;
  /** A run to play on from, for the studio's preview of a draft: nothing is saved, and there is no break page or history. */
  readonly preview?: Run;
  /** Told the run after every step, and at the start: the studio's preview shows its trace and replays it after an edit. */
  readonly onRun?: (run: Run) => void;
  /** A preview that leaves the focus where it is (the studio replaying the run after an edit, while the trainer types). */
  readonly quiet?: boolean;
}

// Only a reader who writes their own replies needs these: fetched with the coder, not at load.
const OwnWordsPrompt = lazy(() => import('./OwnWordsPrompt.tsx'));
const OwnReplyResult = lazy(() => import('./OwnReplyResult.tsx'));
// Past runs are read through the progress store, so they come with it (see `store` below).
const RunHistory = lazy(() => import('./RunHistory.tsx'));
// Only a run at its ending shows the debrief: fetched when the reader starts, shown from the ending.
const RunDebrief = lazy(() => import('./RunDebrief.tsx'));

/** Said when the progress store could not be fetched (the connection dropped after the page loaded). */
const storeUnfetched = 'This was not saved on this device: part of this page could not be fetched. Check your connection; each step you take tries again.';

type Stage = { kind: 'resume-offer'; saved: Run; ownWords: readonly (OwnReply | null)[] } | { kind: 'brief' } | { kind: 'playing' };

/** At the current step in own-words mode: the reply written and how it read, or that the reader skipped to the options. */
type Written = { readonly reply: OwnReply; readonly coding: Coding; readonly closest?: number } | 'skipped';

/** Text for the live region: what the persona and narrator said since the last choice. */
function spokenText(entries: readonly TranscriptEntry[]): string {
  return entries
    .flatMap((entry) => (entry.kind === 'lines' ? entry.lines.map(spokenLine) : entry.kind === 'ending' ? [`The scenario has ended. Outcome: ${entry.ending.outcome}.`] : []))
    .join(' ')
    .replace(/[*_`]/g, '');
}

const spokenLine = (line: Line): string => (line.speaker ? `${line.speaker}: ${line.markdown}` : line.markdown);

/** What is said after undo or restart: what happened, then the lines of the step the run is back at. */
function spokenReturn(what: string, run: Run): string {
  return `${what} ${linesAt(run, run.stops.length - 1).map(spokenLine).join(' ')}`.replace(/[*_`]/g, '').trim();
}

/** What the reader is told when a saved run no longer fits the scenario, by whether it could be set aside. */
function unplayableNotice(setAside: boolean): string {
  return setAside
    ? 'Your saved run of this scenario no longer fits it (the scenario has changed, or the saved record was edited), so it was set aside on this device, where My progress lets you download it. Your run starts from the beginning.'
    : 'Your saved run of this scenario no longer fits it (the scenario has changed, or the saved record was edited), and there is no room on this device to set it aside, so it is left as it was and this new run will not replace it. Your run starts from the beginning.';
}

export default function ScenarioPlayer({ scenario, html, preview, onRun, quiet = false }: ScenarioPlayerProps) {
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const [run, setRun] = useState<Run>(() => preview ?? startRun(scenario, machine));
  const [stage, setStage] = useState<Stage>(preview ? { kind: 'playing' } : { kind: 'brief' });
  const [notice, setNotice] = useState<string | undefined>();
  // Said under the debrief's buttons, beside "Download the transcript", not at the top of the player.
  const [transcriptProblem, setTranscriptProblem] = useState<string | undefined>();
  const [saveProblem, setSaveProblem] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  // Controls stay disabled until the island has hydrated and read any saved run.
  const [ready, setReady] = useState(false);
  const focusTarget = useRef<HTMLElement | null>(null);
  // A preview starts at once, so the conversation takes the focus as it would after a start button.
  const shouldFocus = useRef(Boolean(preview) && !quiet);
  // Where the focus was when the move was asked for: a part that arrives later (fetched) takes the
  // focus only if the reader has not put it somewhere else meanwhile, such as the studio's editor.
  const focusFrom = useRef<Element | null>(typeof document === 'undefined' ? null : document.activeElement);
  function wantFocus() {
    shouldFocus.current = true;
    focusFrom.current = document.activeElement;
  }
  function takeFocus(element: HTMLElement | null) {
    if (!element || !shouldFocus.current) return;
    shouldFocus.current = false;
    const now = document.activeElement;
    if (now === null || now === document.body || now === focusFrom.current || !now.isConnected) element.focus();
  }
  const savedEnding = useRef(false);
  // A saved run that no longer fits and could not be set aside stays where it is.
  const keepSavedRun = useRef(false);
  const { meta } = scenario;
  const [settings, setSettings] = useState<PracticeSettings>({ ownWords: false });
  const [ownWords, setOwnWords] = useState<readonly (OwnReply | null)[]>([]);
  const [written, setWritten] = useState<Written | undefined>();
  const { coder, failed: coderFailed } = useCoderModule(settings.ownWords);
  useEffect(() => {
    if (!settings.ownWords) return;
    void import('./OwnWordsPrompt.tsx');
    void import('./OwnReplyResult.tsx');
  }, [settings.ownWords]);
  const [runsInOwnWords, setRunsInOwnWords] = useState(0);
  // The progress store once fetched: on arrival when anything is kept on this device, otherwise
  // when the reader starts, so that it is here for their first choice. Past runs show once it is.
  const [store, setStore] = useState<ProgressStore | undefined>();
  const fetchStore = () =>
    loadProgressStore().then((loaded) => {
      setStore(loaded);
      return loaded;
    });

  function changeSettings(next: PracticeSettings) {
    setSettings(next);
    if (!preview) savePracticeSettings(next);
  }

  useEffect(() => onRun?.(run), [run]);

  // Under `npm start`, a scenario file's edit reloads the page: the run in play is kept across it.
  const playingRun = useRef<Run | undefined>(undefined);
  playingRun.current = stage.kind === 'playing' ? run : undefined;
  useEffect(() => (preview ? undefined : keepPlaceOnReload(scenario.id, () => playingRun.current && earlierPicks(playingRun.current))), [scenario.id, preview]);

  // On arrival: offer to resume a run in progress, if it still fits the scenario; set it aside if not.
  useEffect(() => {
    if (preview) return setReady(true);
    const kept = takeKeptPlace(scenario.id);
    if (kept) {
      setSettings(loadPracticeSettings());
      // Back from a live reload: on with the run at once, its choices replayed as far as they still fit.
      const { run: back, replayed } = replayWhereFits(startRun(scenario, machine), kept);
      begin(back);
      save(back, []);
      setNotice(
        replayed === kept.length
          ? `The scenario file changed: your ${kept.length === 1 ? 'choice was' : `${kept.length} choices were`} replayed on the new version.`
          : replayed === 0
            ? 'The scenario file changed, and your first choice no longer fits it: the run starts again from the beginning.'
            : `The scenario file changed: the first ${replayed} of your ${kept.length} choices still fit and were replayed; the run goes on from there.`,
      );
      setReady(true);
      return;
    }
    setSettings(loadPracticeSettings());
    // Nothing kept on this device: no run to resume, nothing to say, and no store needed yet.
    if (!hasStoredProgress()) return setReady(true);
    let stopped = false;
    fetchStore().then(
      ({ loadProgress, setAsideUnplayableRun }) => {
        if (stopped) return;
        const loaded = loadProgress();
        setRunsInOwnWords(loaded.progress.runs.filter((past) => past.ownWords?.some(Boolean)).length);
        // Own keys only: a scenario named `constructor` has no run in progress inherited from Object.
        const saved = Object.hasOwn(loaded.progress.inProgress, scenario.id) ? loaded.progress.inProgress[scenario.id] : undefined;
        const notices = loaded.notice ? [loaded.notice] : [];
        if (saved && saved.choices.length > 0) {
          try {
            // Own words kept beside the choices; a record whose list does not fit them is read without it.
            const words = saved.ownWords && saved.ownWords.length <= saved.choices.length ? saved.ownWords : [];
            const back = replay(scenario, saved.choices, machine);
            // Back from a break: on at the place the reader left, with the focus there, not at the top with a question.
            if (location.hash === `#${conversationAnchor}`) begin(back, words);
            else setStage({ kind: 'resume-offer', saved: back, ownWords: words });
          } catch (error) {
            if (!(error instanceof RunError)) throw error;
            const outcome = setAsideUnplayableRun(scenario.id);
            keepSavedRun.current = !outcome.saved;
            notices.push(unplayableNotice(outcome.saved));
          }
        }
        if (notices.length > 0) setNotice(notices.join(' '));
        setReady(true);
      },
      () => {
        if (stopped) return;
        setNotice('Your saved progress could not be read: part of this page could not be fetched. Check your connection and reload the page.');
        setReady(true);
      },
    );
    return () => {
      stopped = true;
    };
  }, [scenario, machine, preview]);

  // Until the store is here, progress written in another tab (a run of this scenario finished
  // there) fetches it, so that the past runs below show it as they did when the store came with the page.
  useEffect(() => {
    if (preview || store) return;
    const written = (event: StorageEvent) => {
      if (event.key === storageKey) fetchStore().catch(() => {});
    };
    window.addEventListener('storage', written);
    return () => window.removeEventListener('storage', written);
  }, [preview, store]);

  useEffect(() => takeFocus(focusTarget.current));

  const ending = endingOf(run);

  function save(next: Run, words: readonly (OwnReply | null)[]) {
    if (preview) return;
    const finished = endingOf(next);
    const kept = words.some(Boolean) ? { ownWords: [...words] } : {};
    // Decided now, as the step is taken: the store may still be on its way, and the next step changes the refs.
    const keepSaved = keepSavedRun.current;
    const finishedRun = finished && !savedEnding.current ? finishedRunOf(next, undefined, words)! : undefined;
    const updatedAt = new Date().toISOString();
    if (finishedRun && words.some(Boolean)) setRunsInOwnWords((count) => count + 1);
    savedEnding.current = Boolean(finished);
    // Saves are written in the order they were made: each waits on the one load of the store.
    fetchStore().then(
      ({ updateProgress }) => {
        const outcome = updateProgress((progress) => {
          const { [scenario.id]: previous, ...others } = progress.inProgress;
          const inProgress = keepSaved && previous ? progress.inProgress : finished ? others : { ...others, [scenario.id]: { choices: choiceIndices(next), ...kept, acknowledged: true, updatedAt } };
          return finishedRun ? { ...progress, inProgress, runs: [...progress.runs, finishedRun] } : { ...progress, inProgress };
        });
        setSaveProblem(outcome.problem);
        // For "Continue where you left off": offered while this run is in progress. Fetched with
        // the first save, like the store; if it cannot be, there is simply no link back.
        if (outcome.saved && !finished) import('../site/remember-place.ts').then(({ rememberPlace }) => rememberPlace('scenario', scenario.id, meta.title), () => {});
      },
      () => setSaveProblem(storeUnfetched),
    );
  }

  /** Downloads the run's transcript; what writes it is fetched on the click, as few readers ask for it. */
  function downloadTranscript() {
    const date = new Date();
    setTranscriptProblem(undefined);
    Promise.all([import('../engine/transcript-markdown.ts'), import('../site/download.ts')]).then(
      ([{ transcriptMarkdown }, { downloadFile }]) => downloadFile(`${scenario.id}-transcript.md`, transcriptMarkdown(run, { date, ownWords }), 'text/markdown'),
      () => setTranscriptProblem('The transcript could not be made: part of this page could not be fetched. Check your connection and try again.'),
    );
  }

  /** Moves the run on (or back), and says what changed: a screen reader must not keep reading an undone line. */
  function step(next: Run, how: 'choice' | 'undo' | 'restart') {
    const before = transcript(run).length;
    // The reply written at this step goes with its choice, and undo takes both back.
    const words = how === 'choice' ? [...ownWords, written && written !== 'skipped' ? written.reply : null] : how === 'undo' ? ownWords.slice(0, -1) : [];
    setRun(next);
    setOwnWords(words);
    setWritten(undefined);
    save(next, words);
    wantFocus();
    setAnnouncement(how === 'choice' ? spokenText(transcript(next).slice(before)) : spokenReturn(how === 'undo' ? 'Last choice undone.' : 'Started again from the beginning.', next));
  }

  function begin(from: Run, words: readonly (OwnReply | null)[] = []) {
    savedEnding.current = Boolean(endingOf(from));
    setRun(from);
    setOwnWords(words);
    setWritten(undefined);
    setStage({ kind: 'playing' });
    setAnnouncement(spokenText(transcript(from)));
    wantFocus();
    // Fetched now, for the first choice's save; a failure then is said then.
    if (!preview) fetchStore().catch(() => {});
    void import('./RunDebrief.tsx');
  }

  const history = preview || !store ? null : <Suspense fallback={null}><RunHistory scenario={scenario} machine={machine} html={html} /></Suspense>;

  if (stage.kind === 'resume-offer') {
    const choices = stage.saved.stops.length - 1;
    return (
      <>
        <section className="card" aria-labelledby="resume-title">
          {notice && <p className="notice" role="status">{notice}</p>}
          <h2 id="resume-title">Welcome back</h2>
          <p>You have a run of this scenario in progress ({choices.toLocaleString()} {choices === 1 ? 'choice' : 'choices'} so far).</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => begin(stage.saved, stage.ownWords)}>Resume where you left off</button>
            <button type="button" onClick={() => { setStage({ kind: 'brief' }); }}>Start again</button>
          </div>
        </section>
        {history}
      </>
    );
  }

  if (stage.kind === 'brief') {
    const notes = meta.content_notes.length > 0;
    return (
      <>
        <section className="card" aria-labelledby="start-title">
          {notice && <p className="notice" role="status">{notice}</p>}
          <h2 id="start-title">Before you start</h2>
          {notes && <p>Read the content note at the top of this page first.</p>}
          <p>You can take a break at any point; your place is kept on this device.</p>
          <OwnWordsSettings settings={settings} askingOwnCall={asksOwnCall(settings, runsInOwnWords)} onChange={changeSettings} />
          <div className="actions">
            <button type="button" className="primary" disabled={!ready} onClick={() => begin(startRun(scenario, machine))}>
              {notes ? 'I have read the content notes. Start' : 'Start the scenario'}
            </button>
          </div>
        </section>
        {history}
      </>
    );
  }

  const offered = offeredChoices(run);
  const debrief = debriefOf(run);
  const entries = transcript(run);
  const { person, said } = replyTo(run);
  const writing = settings.ownWords && !ending && written === undefined;

  function sendReply(text: string, own?: CodeName | 'unsure') {
    if (!coder) return;
    const coding = coder.codeUtterance(text, { context: said, person });
    const reply: OwnReply = { text, code: coding.code, confidence: coding.confidence, ...(own ? { own } : {}) };
    const closest = coder.closestOption(reply, offered);
    setWritten({ reply, coding, ...(closest === undefined ? {} : { closest }) });
    wantFocus();
    setAnnouncement(`Your reply reads as ${coding.code === 'none' ? 'nothing MITI codes' : coding.code}. ${coding.reason}${coding.tip ? ` Try: ${coding.tip}` : ''} The options follow${closest ? `; option ${closest} is closest to what you wrote` : ''}.`);
  }

  function skipToOptions() {
    setWritten('skipped');
    wantFocus();
    setAnnouncement('The options are shown.');
  }

  return (
    <>
      <section aria-labelledby="conversation-title" className="player">
        {notice && <p className="notice" role="status">{notice}</p>}
        <h2 id={conversationAnchor}>Conversation</h2>
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
        <Conversation entries={entries} html={html} label="Conversation so far" ownWords={ownWords} lastFeedbackRef={ending || written !== undefined || writing ? undefined : (element) => { focusTarget.current = element; }} />

        {writing && (
          <section aria-labelledby="own-words-title">
            <SaveProblem problem={saveProblem} />
            <h3 id="own-words-title" className="visually-hidden">Your reply</h3>
            <Suspense fallback={<p className="meta">Loading the coder…</p>}>
            <OwnWordsPrompt
              key={run.stops.length}
              person={person}
              askOwnCall={asksOwnCall(settings, runsInOwnWords)}
              coderReady={coder !== undefined}
              coderFailed={coderFailed}
              onSend={sendReply}
              onSkip={skipToOptions}
              inputRef={(element) => { focusTarget.current = element; takeFocus(element); }}
            />
            </Suspense>
          </section>
        )}

        {written && written !== 'skipped' && !ending && <Suspense fallback={null}><OwnReplyResult reply={written.reply} coding={written.coding} /></Suspense>}

        {!ending && !writing && (
          <section aria-labelledby="choices-title">
            {!settings.ownWords && <SaveProblem problem={saveProblem} />}
            <h3 id="choices-title" tabIndex={-1} ref={entries.some((entry) => entry.kind === 'choice') && written === undefined ? undefined : (element) => { focusTarget.current = element; }}>{written && written !== 'skipped' ? 'Now pick the option to go on with' : 'What do you say?'}</h3>
            <ol className="choice-list">
              {offered.map((option) => {
                const closest = written && written !== 'skipped' && written.closest === option.number;
                return (
                  <li key={option.index}>
                    <button type="button" onClick={() => step(choose(run, option.index), 'choice')} aria-describedby={closest ? 'closest-note' : undefined}>
                      <span aria-hidden="true">{option.number}.</span> “{option.choice.says}”
                      {closest && <span className="closest-mark" id="closest-note"> Closest to what you wrote</span>}
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>
        )}

        {ending && debrief && (
          <Suspense fallback={null}>
          {/* Focused as it appears: it may come a moment after the ending, once fetched. */}
          <RunDebrief debrief={debrief} html={html} title="Debrief" level={2} ownWords={ownWords} headingRef={(element) => { focusTarget.current = element; takeFocus(element); }} notice={<SaveProblem problem={saveProblem} />}>
            <div className="actions">
              <button type="button" className="primary" onClick={downloadTranscript}>Download the transcript</button>
              <button type="button" onClick={() => window.print()}>Print</button>
              <button type="button" onClick={() => { savedEnding.current = false; step(restart(run), 'restart'); }}>Play again</button>
            </div>
            {transcriptProblem && <p className="notice" role="status">{transcriptProblem}</p>}
          </RunDebrief>
          </Suspense>
        )}

        <div className="actions no-print" role="group" aria-label="Run controls">
          <button type="button" onClick={() => { savedEnding.current = false; step(undo(run), 'undo'); }} disabled={!canUndo(run)}>Undo last choice</button>
          <ConfirmButton
            label="Restart"
            question="Restart from the beginning?"
            yes="Yes, restart"
            no="No, keep going"
            groupLabel="Confirm restart"
            disabled={!canUndo(run)}
            refocusAfterYes={false}
            onConfirm={() => { savedEnding.current = false; step(restart(run), 'restart'); }}
          />
          {!preview && <a className="button" href={`/break?from=${encodeURIComponent(scenario.id)}`}>Take a break</a>}
        </div>
        {!ending && <OwnWordsSettings settings={settings} askingOwnCall={asksOwnCall(settings, runsInOwnWords)} onChange={changeSettings} />}
      </section>
      {history}
    </>
  );
}

/** The two settings of practising in your own words, at the start and at any step. */
function OwnWordsSettings({ settings, askingOwnCall, onChange }: { settings: PracticeSettings; askingOwnCall: boolean; onChange: (next: PracticeSettings) => void }) {
  return (
    <fieldset className="own-words-settings no-print">
      <legend>Practise in your own words</legend>
      <p className="meta">A coder on this device reads what you write and says what kind of reply it sounds like. <a href="/how-the-course-codes/">How the course codes what you write</a></p>
      <label>
        <input type="checkbox" checked={settings.ownWords} onChange={(event) => onChange({ ...settings, ownWords: event.target.checked })} /> Write my own reply first, then see the options
      </label>
      {settings.ownWords && (
        <label>
          <input type="checkbox" checked={askingOwnCall} onChange={(event) => onChange({ ...settings, ownCall: event.target.checked })} /> Say what kind of reply I think it was before I see how it reads
        </label>
      )}
    </fieldset>
  );
}
