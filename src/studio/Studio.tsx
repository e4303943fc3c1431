/**
 * The trainers' studio: write a scenario in the browser and see, as you type, what `coach test`
 * would say of it, its diagram, its coverage, and how it plays. The engine runs in a worker; the
 * draft is kept in this browser's storage and never sent anywhere.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import template from '../../cli/templates/new-scenario.md?raw';
import { fillScenarioTemplate } from '../engine/template.ts';
import type { Point } from '../engine/types.ts';
import { downloadFile } from '../site/download.ts';
import type { Vocabulary } from '../engine/vocabulary.ts';
import type { DraftReport } from './check-draft.ts';
import ConfirmButton from '../components/ConfirmButton.tsx';
import ConfirmDialog from './ConfirmDialog.tsx';
import DiagramView from './DiagramView.tsx';
import { checkLimitMs, DraftChecker } from './draft-checker.ts';
import { loadDraft, saveDraft } from './draft-store.ts';
import type { LaidOutDiagram } from './layout-diagram.ts';
import PreviewPanel from './PreviewPanel.tsx';
import ProblemList, { problemCounts } from './ProblemList.tsx';
import ScenarioEditor, { type EditorHandle } from './ScenarioEditor.tsx';

export interface StudioProps {
  /** Ids of the course's modules, which a scenario's `modules:` may name. */
  readonly modules: readonly string[];
  /** The skills and tags a scenario may use: built in, and added by the course's `scenarios/vocabulary.yaml`. */
  readonly vocabulary?: Vocabulary;
}

// Only some trainers open the paths: its view loads when they do.
const PathsView = lazy(() => import('./PathsView.tsx'));

/** How long typing must pause before the draft is checked and kept. */
const pauseMs = 120;
const firstFileName = 'new-scenario.md';

/** The template, titled after the file name (the checks say if the name is not a good id). */
function templateFor(fileName: string): string {
  return fillScenarioTemplate(template, fileName.replace(/\.md$/i, ''));
}

/** Whether a draft is empty, or the template as it comes for the first file name or the one given now. */
function isTemplate(text: string, fileName: string): boolean {
  return text.trim() === '' || text === templateFor(firstFileName) || text === templateFor(fileName);
}

export default function Studio({ modules, vocabulary }: StudioProps) {
  const editor = useRef<EditorHandle>(null);
  const checker = useRef<DraftChecker | null>(null);
  const [initial] = useState(() => loadDraft());
  const [fileName, setFileName] = useState(initial?.fileName ?? firstFileName);
  const [report, setReport] = useState<DraftReport | undefined>();
  /** Said when a check ran too long and was stopped, until the next check of newer text answers. */
  const [stopped, setStopped] = useState('');
  const [diagram, setDiagram] = useState<LaidOutDiagram | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const [kept, setKept] = useState(true);
  const fileNameNow = useRef(fileName);
  fileNameNow.current = fileName;
  const lastCounts = useRef('');
  /** Said with the first check's result, so that result cannot replace it before it is read out. */
  const restoredNotice = useRef(initial ? 'Your draft kept on this device is back in the editor.' : '');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Whether the trainer has changed anything since the page opened (only then is there a draft to keep). */
  const edited = useRef(false);
  /** Whether the paths view is open: only then does each check work out the paths. */
  const pathsOpen = useRef(false);
  /** A file read from the device that would replace a draft worth keeping: asked about first. */
  const [asking, setAsking] = useState<{ text: string; name: string } | undefined>();

  function announce(message: string) {
    // The same words twice in a row would not be read out again; a trailing space makes them new.
    setAnnouncement((previous) => (previous === message ? `${message} ` : message));
  }

  const draftNow = () => ({ text: editor.current?.text() ?? '', fileName: fileNameNow.current });
  const requestNow = () => ({ ...draftNow(), modules, ...(vocabulary ? { vocabulary } : {}), paths: pathsOpen.current });

  /** Checks and keeps the draft once typing pauses. */
  function draftChanged() {
    edited.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      checker.current?.check(requestNow());
      setKept(saveDraft(draftNow()));
    }, pauseMs);
  }

  useEffect(() => {
    const draftChecker = new DraftChecker((finding) => {
      if (finding.kind === 'layout') return setDiagram(finding.diagram);
      setStopped('');
      setReport(finding.report);
      editor.current?.showProblems(finding.draft.text, finding.report.problems);
      const counts = problemCounts(finding.report.problems);
      if (counts !== lastCounts.current) announce(`${restoredNotice.current} Checked: ${counts}.`.trimStart());
      lastCounts.current = counts;
      restoredNotice.current = '';
    }, () => {
      const words = `The check of this draft took longer than ${checkLimitMs / 1000} seconds, so it was stopped and the checker started again. Change the text (a very large draft may be worth splitting) and it checks again.`;
      setStopped(words);
      announce(words);
    });
    checker.current = draftChecker;
    draftChecker.check(requestNow());
    if (initial) announce(restoredNotice.current);
    // Leaving the page mid-pause would lose the last keystrokes: keep them now.
    const keepNow = () => edited.current && saveDraft(draftNow());
    window.addEventListener('pagehide', keepNow);
    return () => {
      window.removeEventListener('pagehide', keepNow);
      draftChecker.dispose();
    };
  }, []);

  function replaceDraft(text: string, name: string, message: string) {
    setFileName(name);
    fileNameNow.current = name;
    editor.current?.replaceText(text);
    announce(`${message} Undo (Ctrl+Z or Cmd+Z in the editor) brings back what was there before.`);
  }

  /** Reads a file from the device (it is never sent anywhere) and puts it in the editor, asking first if that would replace a draft worth keeping. */
  async function openFile(file: File) {
    const text = (await file.text()).replace(/^\uFEFF/, '');
    const now = editor.current?.text() ?? '';
    if (now === text || isTemplate(now, fileNameNow.current)) replaceDraft(text, file.name, `Opened ${file.name}.`);
    else setAsking({ text, name: file.name });
  }

  function togglePaths(open: boolean) {
    pathsOpen.current = open;
    if (open) checker.current?.check(requestNow());
  }

  const showLine = (point: Point) => editor.current?.goTo(point);
  const downloadName = /\.md$/i.test(fileName) ? fileName : `${fileName}.md`;

  return (
    <div className="studio">
      <div className="visually-hidden" role="status" aria-label="Studio announcements" aria-atomic="true">{announcement}</div>
      <section className="studio-panel studio-write" aria-labelledby="draft-title">
        <div className="studio-write-head">
          <h2 id="draft-title">Your draft</h2>
          <p className="studio-file-name">
            <label htmlFor="studio-file-name">File name</label>{' '}
            <input id="studio-file-name" value={fileName} spellCheck={false} aria-describedby="studio-file-name-help" onChange={(event) => { setFileName(event.target.value); fileNameNow.current = event.target.value; draftChanged(); }} />
          </p>
        </div>
        <div className="studio-toolbar">
          <div className="actions">
            <ConfirmButton
              label="Start from the template"
              question="Replace your draft with the template?"
              yes="Yes, replace it"
              no="No, keep my draft"
              groupLabel="Confirm starting from the template"
              // Only a draft the trainer has written is worth asking about.
              worthAsking={() => !isTemplate(editor.current?.text() ?? '', fileNameNow.current)}
              onConfirm={() => replaceDraft(templateFor(fileName), fileName, 'Started from the template.')}
            />
            <label className="button file-button">
              Open a file…
              <input className="visually-hidden-file" type="file" accept=".md,text/markdown,text/plain" onChange={(event) => { const file = event.target.files?.[0]; if (file) void openFile(file); event.target.value = ''; }} />
            </label>
            <button type="button" onClick={() => editor.current?.openSearch()} aria-keyshortcuts="Control+F">Find…</button>
            <button type="button" className="primary" onClick={() => { downloadFile(downloadName, editor.current?.text() ?? '', 'text/markdown'); announce(`Downloaded ${downloadName}.`); }}>Download the .md</button>
          </div>
        </div>
        <ScenarioEditor ref={editor} initialText={initial?.text ?? templateFor(firstFileName)} onChange={draftChanged} describedBy="studio-editor-help" />
        <p className="meta" id="studio-editor-help">In the editor, Tab indents, Ctrl+F (Cmd+F on a Mac) finds and replaces, and Enter in a list starts the next item at the same indentation. To move on from the editor with the keyboard, press Escape, then Tab.</p>
        <p className="meta" id="studio-file-name-help">The file name is the scenario's id: lower-case letters, digits and hyphens, ending in <code>.md</code>.</p>
        <p className="meta">{kept ? 'Your draft is kept in this browser (localStorage) as you type, on this device only: it is never sent anywhere.' : 'This browser would not keep the draft (private browsing, or storage full): download it to keep it.'}</p>
      </section>

      <section className="studio-panel studio-problems" aria-labelledby="problems-title">
        <h2 id="problems-title">Problems</h2>
        {stopped && <p className="notice">{stopped}</p>}
        {report ? <ProblemList problems={report.problems} onShowPlace={showLine} /> : !stopped && <p>Checking…</p>}
      </section>

      <section className="studio-panel studio-diagram" aria-labelledby="diagram-title">
        <h2 id="diagram-title">Diagram</h2>
        {diagram && report ? <DiagramView diagram={diagram} explored={report.explored} onShowLine={showLine} /> : <p>Drawing…</p>}
      </section>

      <section className="studio-panel studio-paths" aria-labelledby="paths-title">
        <h2 id="paths-title">Paths to each ending</h2>
        <p className="meta">Every way a run can reach each ending, what all of them share and where they differ: to check that a debrief is true on every path (as <code>npx coach paths</code> lists them).</p>
        <details onToggle={(event) => togglePaths(event.currentTarget.open)}>
          <summary>Show the paths</summary>
          {report?.paths ? (
            <Suspense fallback={<p>Loading…</p>}>
              <PathsView paths={report.paths} problems={report.problems} onShowPlace={showLine} />
            </Suspense>
          ) : (
            <p>Working out the paths…</p>
          )}
        </details>
      </section>

      <section className="studio-panel studio-coverage" aria-labelledby="coverage-title">
        <h2 id="coverage-title">Coverage</h2>
        {report?.coverage ? (
          <>
            <ul>{report.coverage.figures.map((figure) => <li key={figure}>{figure}</li>)}</ul>
            {report.coverage.partial && <p className="meta">Partial: the exploration stopped at its cap. See the problems above.</p>}
          </>
        ) : (
          <p>Coverage shows once the draft has no errors that stop it being explored.</p>
        )}
      </section>

      <section className="studio-panel studio-preview" aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <PreviewPanel scenario={report?.scenario} render={(scenario) => checker.current!.render(scenario)} announce={announce} />
      </section>
      {asking && (
        <ConfirmDialog
          question={`Replace your draft with ${asking.name}?`}
          detail="Your draft is the only copy the studio keeps. Download it first if you want to keep it; after opening, Undo in the editor (Ctrl+Z or Cmd+Z) also brings it back."
          yes="Yes, open the file"
          no="No, keep my draft"
          onAnswer={(yes) => {
            const file = asking;
            setAsking(undefined);
            if (yes) replaceDraft(file.text, file.name, `Opened ${file.name}.`);
            else announce(`Kept your draft; ${file.name} was not opened.`);
          }}
        />
      )}
    </div>
  );
}
