/**
 * My progress: modules completed, knowledge-check results, saved reflections and the history of
 * scenario runs, a one-page record to print and hand in, with export to a JSON file, import
 * (previewed, then merged or replacing) and clear. Anything set aside on this device can be
 * downloaded or deleted here. Everything is read from and written to this browser only, and the
 * page says when the device is offline (the course still works then). Printed,
 * the page is the record alone: every other section is left off the paper.
 */
import { useEffect, useRef, useState } from 'react';
import { describeCounts, mergeProgress, previewImport, type ImportPreview } from '../progress/merge.ts';
import { emptyProgress, type Progress } from '../progress/schema.ts';
import { deleteSetAside, importProgress, importTooLarge, replaceProgress, setAsideItems, setAsideText, type SaveOutcome, type SetAside } from '../progress/store.ts';
import { useProgress } from '../progress/use-progress.ts';
import { downloadFile, downloadProgress } from '../site/download.ts';
import { dayDate, runAnchor, runDate, runFigures } from '../site/labels.ts';
import { forgetPlaces } from '../site/last-place.ts';
import type { CourseModule, CourseScenario } from '../site/practice-record.ts';
import ConfirmButton from './ConfirmButton.tsx';
import OwnWordsProgress from './OwnWordsProgress.tsx';
import PrintedRecord from './PrintedRecord.tsx';
import SaveProblem from './SaveProblem.tsx';
import { useOnline } from './use-online.ts';

/** A reflection a module asks for, with where it is asked. */
export interface ReflectionPrompt {
  /** As saved, e.g. `mi-oars/why`. */
  readonly id: string;
  readonly prompt: string;
  readonly moduleId: string;
  readonly moduleTitle: string;
}

export interface ProgressPanelProps {
  /** The course's modules in order, with their time estimates and checks. */
  readonly modules: readonly CourseModule[];
  /** The course's scenarios by id: titles and time estimates. */
  readonly scenarios: Readonly<Record<string, CourseScenario>>;
  /** Every reflection the modules ask for, in course order. */
  readonly reflectionPrompts: readonly ReflectionPrompt[];
}

interface PendingImport {
  readonly fileName: string;
  readonly progress: Progress;
  readonly preview: ImportPreview;
  /** Said when some of the file could not be read. */
  readonly notice?: string;
}

/**
 * Where a message is said: beside the controls that caused it, so that on a phone it is on the
 * screen the reader is looking at, not a screenful away. `page` is the top of the panel, for what
 * no control caused (saved progress that could not be read).
 */
type Place = 'page' | 'set-aside' | 'manage';

/** A message and, when a change was not saved, why not. */
interface Said {
  readonly place: Place;
  readonly text: string;
  readonly problem?: string;
}

/** How a set-aside item is named in the list. */
function setAsideLabel(item: SetAside, scenarios: ProgressPanelProps['scenarios']): string {
  const when = item.setAsideAt ? `, set aside on ${runDate(item.setAsideAt)}` : '';
  if (item.kind === 'unplayable') return `A run of “${scenarios[item.scenarioId ?? '']?.title ?? item.scenarioId}” that no longer fits the scenario${when}`;
  return item.setAsideAt || item.key.endsWith(':unreadable') ? `Saved progress that could not be read${when}` : 'Your saved progress, which could not be read and is kept as it was';
}

export default function ProgressPanel({ modules, scenarios, reflectionPrompts }: ProgressPanelProps) {
  const { progress, notice, loaded } = useProgress();
  const online = useOnline();
  const [said, setSaid] = useState<Said>({ place: 'page', text: '' });
  const [pending, setPending] = useState<PendingImport | undefined>();
  const [setAside, setSetAside] = useState<SetAside[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const importHeading = useRef<HTMLHeadingElement>(null);
  const setAsideHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => setSaid((current) => (current.text || current.problem ? current : { place: 'page', text: notice ?? '' })), [notice]);
  // What is set aside lives beside progress in storage; read it again whenever progress changes.
  useEffect(() => {
    if (loaded) setSetAside(setAsideItems());
  }, [loaded, progress]);
  useEffect(() => {
    if (pending) importHeading.current?.focus();
  }, [pending]);

  const answers = Object.entries(progress.answers);
  const correct = answers.filter(([, answer]) => answer.correct).length;
  const completed = modules.filter((module) => progress.modules[module.id]).length;
  const known = new Set(reflectionPrompts.map((reflection) => reflection.id));
  const reflections = [
    ...reflectionPrompts.filter((reflection) => progress.reflections[reflection.id]?.text.trim()),
    // Reflections on prompts the course no longer asks are still the reader's own words.
    ...Object.keys(progress.reflections)
      .filter((id) => !known.has(id) && progress.reflections[id]!.text.trim())
      .map((id) => ({ id, prompt: id, moduleId: id.split('/')[0] ?? '', moduleTitle: modules.find((module) => module.id === id.split('/')[0])?.title ?? '' })),
  ];
  const titleOf = (scenarioId: string, fallback = scenarioId) => scenarios[scenarioId]?.title ?? fallback;

  /** Says what became of a change at `place`: `done` if it was saved, else why not (with an export button). */
  function report(place: Place, outcome: SaveOutcome, done: string) {
    setSaid({ place, text: outcome.saved ? done : '', ...(outcome.problem ? { problem: outcome.problem } : {}) });
  }

  /** Says `text` beside the export, import and clear buttons. */
  const sayByManage = (text: string) => setSaid({ place: 'manage', text });

  /** The status at `place`: always in the page, so a screen reader hears what is put in it. */
  const statusAt = (place: Place) => (
    <>
      <p role="status" aria-live="polite" className={said.place === place && said.text ? 'notice' : undefined}>{said.place === place ? said.text : ''}</p>
      {said.place === place && <SaveProblem problem={said.problem} />}
    </>
  );

  async function chooseFile(file: File) {
    const tooLarge = importTooLarge(file.size);
    if (tooLarge) return sayByManage(tooLarge);
    const result = importProgress(await file.text());
    if (!result.ok) {
      sayByManage(result.reason);
      return;
    }
    sayByManage('');
    setPending({ fileName: file.name, progress: result.progress, preview: previewImport(progress, result.progress), ...(result.notice ? { notice: result.notice } : {}) });
  }

  function finishImport(outcome?: SaveOutcome, done = '') {
    if (outcome) report('manage', outcome, done);
    else sayByManage('Nothing was imported.');
    setPending(undefined);
    importButton.current?.focus();
  }

  return (
    <div className="progress-panel">
      {statusAt('page')}
      {/* Its own status line, there from the start, so the change is announced as it happens. */}
      <p role="status" aria-live="polite" className={online ? 'no-print' : 'notice no-print'}>
        {online ? '' : 'This device is offline. The course, the scenarios and search still work, and your progress is kept on this device as always.'}
      </p>

      <section aria-labelledby="modules-title">
        <h2 id="modules-title">Modules</h2>
        <p>{completed} of {modules.length} modules completed.</p>
        <ul>
          {modules.map((module) => (
            <li key={module.id}>
              <a href={`/modules/${module.id}`}>{module.title}</a>: {progress.modules[module.id] ? `completed on ${dayDate(progress.modules[module.id]!.completedAt)}` : 'not completed yet'}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">Knowledge checks</h2>
        <p>{answers.length === 0 ? 'No questions answered yet.' : `${correct} of ${answers.length} questions answered correctly.`}</p>
      </section>

      <section aria-labelledby="reflections-title">
        <h2 id="reflections-title">Your reflections</h2>
        {reflections.length === 0 ? (
          <p>No reflections saved yet.</p>
        ) : (
          <ul className="saved-reflections">
            {reflections.map((reflection) => {
              const saved = progress.reflections[reflection.id]!;
              return (
                <li key={reflection.id} className="card">
                  <p><strong>{reflection.prompt}</strong></p>
                  <p className="reflection-text">{saved.text}</p>
                  <p className="meta">
                    {reflection.moduleTitle ? <a href={`/modules/${reflection.moduleId}`}>{reflection.moduleTitle}</a> : reflection.moduleId} · saved {runDate(saved.savedAt)}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">Scenario runs</h2>
        {progress.runs.length === 0 ? (
          <p>No scenarios finished yet.</p>
        ) : (
          <ol className="past-runs">
            {[...progress.runs].reverse().map((run) => (
              <li key={`${run.scenarioId}-${run.endedAt}`} className="card past-run">
                <h3><a href={`/scenarios/${run.scenarioId}`}>{titleOf(run.scenarioId, run.title || run.scenarioId)}</a>{run.group && <span className="meta"> (as a group{run.group.players.length > 0 ? `: ${run.group.players.join(', ')}` : ''})</span>}</h3>
                <p>
                  {runDate(run.endedAt)}: <span className={`outcome-${run.outcome}`}>{run.outcome}</span>
                </p>
                <p className="meta">{runFigures(run.summary)}</p>
                <p><a href={`/scenarios/${run.scenarioId}#${runAnchor(run.endedAt)}`}>See its conversation and debrief again</a></p>
              </li>
            ))}
          </ol>
        )}
        {Object.keys(progress.inProgress).length > 0 && (
          <>
            <h3>In progress</h3>
            <ul>
              {Object.keys(progress.inProgress).map((id) => <li key={id}><a href={`/scenarios/${id}`}>{titleOf(id)}</a></li>)}
            </ul>
          </>
        )}
      </section>

      <OwnWordsProgress runs={progress.runs} titleOf={titleOf} />

      {setAside.length > 0 && (
        <section aria-labelledby="set-aside-title" className="card">
          <h2 id="set-aside-title" tabIndex={-1} ref={setAsideHeading}>Set aside on this device</h2>
          <p>Saved data this course could not use as it was. It is kept here untouched so nothing is lost: download it to keep a copy, or delete it when you no longer need it.</p>
          <ul>
            {setAside.map((item) => (
              <li key={item.key}>
                {setAsideLabel(item, scenarios)}
                <div className="actions">
                  <button type="button" onClick={() => downloadFile(`recovery-coach-practice-set-aside-${(item.setAsideAt ?? new Date().toISOString()).slice(0, 10)}.json`, setAsideText(item), 'application/json')}>Download it</button>
                  <ConfirmButton
                    label="Delete it"
                    question="Delete it from this device for good?"
                    yes="Yes, delete it"
                    no="No, keep it"
                    groupLabel="Confirm deleting"
                    refocusAfterYes={false}
                    onConfirm={() => {
                      report('set-aside', deleteSetAside(item), 'It was deleted.');
                      setSetAside(setAsideItems());
                      setAsideHeading.current?.focus();
                    }}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* After the section, so it stays when the last item is deleted and the section goes. */}
      {statusAt('set-aside')}

      <PrintedRecord progress={progress} loaded={loaded} modules={modules} scenarios={scenarios} />

      <section aria-labelledby="manage-title" className="card no-print">
        <h2 id="manage-title">Keep, move or clear your progress</h2>
        <p>Your progress lives only in this browser. Export it to keep a copy or move it to another device; import a file you exported before.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => { downloadProgress(progress); sayByManage('Your progress was exported as a JSON file.'); }} disabled={!loaded}>Export progress</button>
          <button ref={importButton} type="button" onClick={() => fileInput.current?.click()} disabled={!loaded}>Import progress</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-hidden="true" tabIndex={-1} onChange={(event) => { const file = event.target.files?.[0]; if (file) void chooseFile(file); event.target.value = ''; }} />
          <ConfirmButton
            label="Clear progress"
            question="Clear everything on this device?"
            yes="Yes, clear it"
            no="No, keep it"
            groupLabel="Confirm clearing"
            disabled={!loaded}
            onConfirm={() => {
              const outcome = replaceProgress(emptyProgress());
              if (outcome.saved) forgetPlaces();
              report('manage', outcome, 'Your progress was cleared.');
            }}
          />
        </div>
        {statusAt('manage')}
        {pending && (
          <section aria-labelledby="import-title" className="card import-preview">
            <h3 id="import-title" tabIndex={-1} ref={importHeading}>Import “{pending.fileName}”?</h3>
            {pending.notice && <p>{pending.notice}</p>}
            <p>The file holds {describeCounts(pending.preview.inFile) || 'no progress at all'}.</p>
            <ul>
              <li>
                <strong>Merge</strong> keeps everything in this browser and adds {describeCounts(pending.preview.added) || 'nothing new'}
                {describeCounts(pending.preview.replacedByNewer) && `. Where the same answer, reflection or run in progress is in both, the newer is kept: that replaces ${describeCounts(pending.preview.replacedByNewer)} here`}
                {describeCounts(pending.preview.olderInFile) && `. Where what is here is newer, the file's is left out: ${describeCounts(pending.preview.olderInFile)}`}.
              </li>
              <li>
                <strong>Replace</strong> makes this browser hold only what is in the file
                {describeCounts(pending.preview.lostByReplacing) ? `: ${describeCounts(pending.preview.lostByReplacing)} here would be removed or changed` : ', which loses nothing that is here'}.
              </li>
            </ul>
            <div className="actions">
              <button type="button" className="primary" onClick={() => finishImport(replaceProgress(mergeProgress(progress, pending.progress)), `Merged the progress in ${pending.fileName} with yours.`)}>Merge with my progress</button>
              <button type="button" onClick={() => finishImport(replaceProgress(pending.progress), `Replaced your progress with ${pending.fileName}.`)}>Replace my progress</button>
              <button type="button" onClick={() => finishImport()}>Cancel</button>
            </div>
          </section>
        )}
      </section>
    </div>
  );
}
