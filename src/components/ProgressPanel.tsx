/**
 * My progress: modules completed, knowledge-check results and scenario runs, with export to a JSON
 * file, import (validated) and clear. Everything is read from and written to this browser only.
 */
import { useEffect, useRef, useState } from 'react';
import { emptyProgress } from '../progress/schema.ts';
import { exportProgress, importProgress, replaceProgress } from '../progress/store.ts';
import { useProgress } from '../progress/use-progress.ts';
import { downloadFile } from '../site/download.ts';

export interface ProgressPanelProps {
  /** Module ids and titles in course order. */
  readonly modules: ReadonlyArray<{ id: string; title: string }>;
}

export default function ProgressPanel({ modules }: ProgressPanelProps) {
  const { progress, notice, loaded } = useProgress();
  const [status, setStatus] = useState('');
  const [confirmingClear, setConfirmingClear] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => setStatus((current) => current || (notice ?? '')), [notice]);

  const answers = Object.entries(progress.answers);
  const correct = answers.filter(([, answer]) => answer.correct).length;
  const completed = modules.filter((module) => progress.modules[module.id]).length;

  function exportFile() {
    downloadFile(`recovery-coach-practice-progress-${new Date().toISOString().slice(0, 10)}.json`, exportProgress(progress), 'application/json');
    setStatus('Your progress was exported as a JSON file.');
  }

  async function importFile(file: File) {
    const result = importProgress(await file.text());
    if (!result.ok) {
      setStatus(result.reason);
      return;
    }
    replaceProgress(result.progress);
    setStatus(result.notice ?? `Imported progress from ${file.name}.`);
  }

  return (
    <div>
      <p role="status" aria-live="polite" className={status ? 'notice' : undefined}>{status}</p>

      <section aria-labelledby="modules-title">
        <h2 id="modules-title">Modules</h2>
        <p>{completed} of {modules.length} modules completed.</p>
        <ul>
          {modules.map((module) => (
            <li key={module.id}>
              <a href={`/modules/${module.id}`}>{module.title}</a>: {progress.modules[module.id] ? `completed on ${new Date(progress.modules[module.id]!.completedAt).toLocaleDateString()}` : 'not completed yet'}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="checks-title">
        <h2 id="checks-title">Knowledge checks</h2>
        <p>{answers.length === 0 ? 'No questions answered yet.' : `${correct} of ${answers.length} questions answered correctly.`}</p>
      </section>

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">Scenario runs</h2>
        {progress.runs.length === 0 ? (
          <p>No scenarios finished yet.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr><th scope="col">Scenario</th><th scope="col">Finished</th><th scope="col">Outcome</th><th scope="col">Reflections : questions</th><th scope="col">MI-adherent / non-adherent</th></tr>
              </thead>
              <tbody>
                {[...progress.runs].reverse().map((run) => (
                  <tr key={`${run.scenarioId}-${run.endedAt}`}>
                    <th scope="row">
                      <a href={`/scenarios/${run.scenarioId}`}>{run.title || run.scenarioId}</a>
                      {run.group && <span className="meta"> (as a group{run.group.players.length > 0 ? `: ${run.group.players.join(', ')}` : ''})</span>}
                    </th>
                    <td>{new Date(run.endedAt).toLocaleString()}</td>
                    <td className={`outcome-${run.outcome}`}>{run.outcome}</td>
                    <td>{run.summary.reflections} : {run.summary.questions}</td>
                    <td>{run.summary.miAdherent} / {run.summary.miNonAdherent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {Object.keys(progress.inProgress).length > 0 && (
          <p>In progress: {Object.keys(progress.inProgress).map((id, i) => <span key={id}>{i > 0 && ', '}<a href={`/scenarios/${id}`}>{id}</a></span>)}</p>
        )}
      </section>

      <section aria-labelledby="manage-title" className="card no-print">
        <h2 id="manage-title">Keep, move or clear your progress</h2>
        <p>Your progress lives only in this browser. Export it to keep a copy or move it to another device; import a file you exported before.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={exportFile} disabled={!loaded}>Export progress</button>
          <button type="button" onClick={() => fileInput.current?.click()} disabled={!loaded}>Import progress</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden aria-hidden="true" tabIndex={-1} onChange={(event) => { const file = event.target.files?.[0]; if (file) void importFile(file); event.target.value = ''; }} />
          {confirmingClear ? (
            <span role="group" aria-label="Confirm clearing">
              Clear everything on this device?{' '}
              <button type="button" onClick={() => { replaceProgress(emptyProgress()); setConfirmingClear(false); setStatus('Your progress was cleared.'); }}>Yes, clear it</button>{' '}
              <button type="button" onClick={() => setConfirmingClear(false)}>No, keep it</button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirmingClear(true)} disabled={!loaded}>Clear progress</button>
          )}
        </div>
      </section>
    </div>
  );
}
