/**
 * Play a scenario file from this device: for anyone sent a scenario's `.md` who has no copy of the
 * course's files. The file is read in the browser and never sent anywhere; the studio's worker
 * checks it with the same engine as `coach test` and, if it has no errors, the site's own player
 * plays it. Nothing is saved: the run is gone when the page closes (a file's scenario is not part
 * of the course, so it has no place in My progress).
 */
import { useEffect, useRef, useState } from 'react';
import ScenarioPlayer from '../components/ScenarioPlayer.tsx';
import { startRun } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import type { Vocabulary } from '../engine/vocabulary.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import type { DraftReport } from './check-draft.ts';
import { idFileName } from './file-name.ts';
import { checkFileInOwnChecker, type DraftChecker } from './draft-checker.ts';
import ProblemList from './ProblemList.tsx';

export interface ScenarioFilePlayerProps {
  /** Ids of the course's modules, which a scenario's `modules:` may name. */
  readonly modules: readonly string[];
  /** The skills and tags a scenario may use. */
  readonly vocabulary?: Vocabulary;
}

type Loaded =
  | { readonly kind: 'checking'; readonly name: string }
  | { readonly kind: 'problems'; readonly name: string; readonly report: DraftReport }
  | { readonly kind: 'ready'; readonly name: string; readonly report: DraftReport; readonly scenario: Scenario; readonly html: RenderedMarkdown }
  | { readonly kind: 'unreadable'; readonly name: string };

export default function ScenarioFilePlayer({ modules, vocabulary }: ScenarioFilePlayerProps) {
  const checker = useRef<DraftChecker | null>(null);
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [playing, setPlaying] = useState(0);
  const result = useRef<HTMLDivElement>(null);

  useEffect(() => () => checker.current?.dispose(), []);
  // Focus goes to what the file turned out to be, so a screen reader user hears it at once.
  useEffect(() => {
    if (loaded && loaded.kind !== 'checking') result.current?.focus();
  }, [loaded?.kind, loaded?.name]);

  async function open(file: File) {
    setPlaying(0);
    setLoaded({ kind: 'checking', name: file.name });
    let text: string;
    try {
      text = (await file.text()).replace(/^\uFEFF/, '');
    } catch {
      return setLoaded({ kind: 'unreadable', name: file.name });
    }
    const { checker: fileChecker, report: found } = await checkFileInOwnChecker(checker, { text, fileName: idFileName(file.name), modules, ...(vocabulary ? { vocabulary } : {}) });
    if (!found.scenario) return setLoaded({ kind: 'problems', name: file.name, report: found });
    const html = await fileChecker.render(found.scenario);
    setLoaded({ kind: 'ready', name: file.name, report: found, scenario: found.scenario, html });
  }

  const errors = loaded && 'report' in loaded ? loaded.report.problems.filter((problem) => problem.severity === 'error').length : 0;

  return (
    <>
      <p>
        <label htmlFor="scenario-file">Choose a scenario file (<code>.md</code>)</label>
        <br />
        <input id="scenario-file" type="file" accept=".md,text/markdown,text/plain" aria-describedby="scenario-file-help" onChange={(event) => { const file = event.target.files?.[0]; if (file) void open(file); }} />
      </p>
      <p className="meta" id="scenario-file-help">The file stays on this device: it is read and checked in your browser, never sent anywhere, and nothing of your run is kept after you close the page.</p>
      <div role="status" aria-live="polite">{loaded?.kind === 'checking' ? `Checking ${loaded.name}…` : ''}</div>
      {loaded?.kind === 'unreadable' && (
        <div ref={result} tabIndex={-1} className="notice">
          <p>{loaded.name} could not be read. Choose the file again, or save it again from wherever it came from.</p>
        </div>
      )}
      {loaded?.kind === 'problems' && (
        <section ref={result} tabIndex={-1} aria-labelledby="file-problems-title" className="file-problems">
          <h2 id="file-problems-title">{loaded.name} cannot be played yet</h2>
          <p>The checks found {errors === 1 ? 'an error in it. It is listed' : `${errors} errors in it. Each is listed`} below with its line in the file; whoever wrote the file can fix {errors === 1 ? 'it' : 'them'} in the <a href="/trainers/studio/">studio</a> or any text editor, and send it again.</p>
          <ProblemList problems={loaded.report.problems} />
        </section>
      )}
      {loaded?.kind === 'ready' && (
        <section ref={result} tabIndex={-1} aria-labelledby="file-scenario-title" className="file-scenario">
          <h2 id="file-scenario-title">{loaded.scenario.meta.title}</h2>
          <p className="lede">{loaded.scenario.meta.summary}</p>
          {loaded.scenario.meta.content_notes.length > 0 && (
            <div className="notice" role="note" aria-label="Content notes">
              <p><strong>Content notes:</strong> {loaded.scenario.meta.content_notes.join('; ')}.</p>
            </div>
          )}
          <p>You are talking with <strong>{loaded.scenario.meta.persona.name}</strong>{loaded.scenario.meta.persona.situation ? `: ${loaded.scenario.meta.persona.situation}` : '.'}</p>
          {loaded.scenario.introduction && <div className="prose" dangerouslySetInnerHTML={{ __html: loaded.html[loaded.scenario.introduction] ?? '' }} />}
          {loaded.report.problems.some((problem) => problem.severity === 'warning') && (
            <details>
              <summary>The checks have notes on this file for its writer</summary>
              <ProblemList problems={loaded.report.problems} />
            </details>
          )}
          {playing === 0 ? (
            <div className="actions">
              <button type="button" className="primary" onClick={() => setPlaying(1)}>{loaded.scenario.meta.content_notes.length > 0 ? 'I have read the content notes. Start' : 'Start the scenario'}</button>
            </div>
          ) : (
            <ScenarioPlayer key={`${loaded.name}-${playing}`} scenario={loaded.scenario} html={loaded.html} preview={startRun(loaded.scenario)} />
          )}
        </section>
      )}
    </>
  );
}
