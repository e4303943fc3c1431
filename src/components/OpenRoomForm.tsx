/**
 * The organiser's form on a hosted course (`coach serve`, /rooms/new/): open a room for one of the
 * course's scenarios, or for a scenario file from this device. A file is checked here first by the
 * studio's worker, with the same engine and checks as the play-a-file page, and its problems listed
 * with their lines; only a file that passes is sent, with the passphrase, and the server checks it
 * again before it opens the room. The passphrase goes only in that request, and is never kept.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import type { Vocabulary } from '../engine/vocabulary.ts';
import { maxUploadBytes, tooLargeSentence } from '../rooms/limits.ts';
import type { DraftProblem, DraftReport } from '../studio/check-draft.ts';
import { idFileName } from '../studio/file-name.ts';
import { checkFileInOwnChecker, type DraftChecker } from '../studio/draft-checker.ts';
import ProblemList, { Reason } from '../studio/ProblemList.tsx';

export interface OpenRoomFormProps {
  /** The course's scenarios, by title. */
  readonly choices: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  /** Ids of the course's modules and its vocabulary, which a file is checked against, as on the server. */
  readonly modules: readonly string[];
  readonly vocabulary?: Vocabulary;
}


type ChosenFile =
  | { readonly kind: 'checking'; readonly name: string }
  | { readonly kind: 'unreadable'; readonly name: string; readonly why: string }
  | { readonly kind: 'problems'; readonly name: string; readonly problems: readonly DraftProblem[]; readonly byServer: boolean }
  | { readonly kind: 'ready'; readonly name: string; readonly text: string; readonly report: DraftReport; readonly title: string; readonly persona: string };

interface Opened {
  readonly code: string;
  readonly facilitator: string;
  readonly join: string;
}

/** What went wrong, in words for a facilitator rather than status codes. */
function problemOf(status: number, error: string | undefined): string {
  if (status === 401 || status === 403) return error && status === 403 && !/passphrase/.test(error) ? error : 'That passphrase did not open a room. Check it with whoever runs this server.';
  if (status === 429) return 'Too many tries from here: wait a minute, then try again.';
  if (status === 404) return 'This server does not have that scenario. Choose another, or ask whoever runs it to update the course.';
  // The server names files and fields in backticks, for scripts; a person reads them without.
  return error?.replace(/`/g, '') ?? 'The room could not be opened. Try again in a moment.';
}

export default function OpenRoomForm({ choices, modules, vocabulary }: OpenRoomFormProps) {
  const [source, setSource] = useState<'course' | 'file'>('course');
  const [file, setFile] = useState<ChosenFile>();
  const [problem, setProblem] = useState('');
  const [opened, setOpened] = useState<Opened>();
  const [sending, setSending] = useState(false);
  const checker = useRef<DraftChecker | null>(null);
  const fileResult = useRef<HTMLDivElement>(null);
  const openedSection = useRef<HTMLElement>(null);

  useEffect(() => () => checker.current?.dispose(), []);
  // Focus goes to what the file turned out to be, as on the play-a-file page, so a screen reader user hears it at once.
  useEffect(() => {
    if (file && file.kind !== 'checking') fileResult.current?.focus();
  }, [file]);
  useEffect(() => {
    if (opened) openedSection.current?.focus();
  }, [opened]);

  async function check(chosen: File) {
    setProblem('');
    setFile({ kind: 'checking', name: chosen.name });
    // Said before sending, in the server's words: a file over the limit is never sent.
    if (chosen.size > maxUploadBytes) return setFile({ kind: 'unreadable', name: chosen.name, why: tooLargeSentence(chosen.name, chosen.size) });
    let text: string;
    try {
      text = (await chosen.text()).replace(/^\uFEFF/, '');
    } catch {
      return setFile({ kind: 'unreadable', name: chosen.name, why: `${chosen.name} could not be read. Choose the file again, or save it again from wherever it came from.` });
    }
    const { checker: fileChecker, report } = await checkFileInOwnChecker(checker, { text, fileName: idFileName(chosen.name), modules, ...(vocabulary ? { vocabulary } : {}) });
    // Another file was chosen while this one was checked: that one's answer is the one to show.
    if (checker.current !== fileChecker) return;
    if (!report.scenario) return setFile({ kind: 'problems', name: chosen.name, problems: report.problems, byServer: false });
    setFile({ kind: 'ready', name: chosen.name, text, report, title: report.scenario.meta.title, persona: report.scenario.meta.persona.name });
  }

  async function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem('');
    const form = event.currentTarget;
    const data = new FormData(form);
    if (source === 'file' && file?.kind !== 'ready') {
      setProblem(file ? 'Choose a scenario file that passes its checks first: what stops this one is said above.' : 'Choose a scenario file first.');
      return;
    }
    const body = source === 'file' && file?.kind === 'ready' ? { markdown: file.text, fileName: file.name } : { scenario: data.get('scenario') };
    setSending(true);
    let response: Response;
    try {
      response = await fetch('/api/rooms', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${String(data.get('passphrase'))}` },
        body: JSON.stringify(body),
      });
    } catch {
      setSending(false);
      setProblem('The room server could not be reached. This page works where the course is served by coach serve.');
      return;
    }
    setSending(false);
    const answer = (await response.json().catch(() => ({}))) as Partial<Opened> & { error?: string; problems?: DraftProblem[] };
    if (response.status === 400 && answer.problems && file) {
      // The server's checks found what this browser's did not (its course may be newer): listed the same way.
      setFile({ kind: 'problems', name: file.name, problems: answer.problems, byServer: true });
      return;
    }
    if (!response.ok || !answer.code || !answer.facilitator || !answer.join) {
      setProblem(problemOf(response.status, answer.error));
      return;
    }
    form.querySelector<HTMLInputElement>('#passphrase')!.value = '';
    setOpened({ code: answer.code, facilitator: answer.facilitator, join: answer.join });
  }

  const errors = file?.kind === 'problems' ? file.problems.filter((found) => found.severity === 'error').length : 0;

  return (
    <>
      <form id="open-room" className="card stack" onSubmit={(event) => void submit(event)}>
        <fieldset>
          <legend>What the group plays</legend>
          <p>
            <label className="choice-label">
              <input type="radio" name="source" value="course" checked={source === 'course'} onChange={() => setSource('course')} /> A scenario from this course
            </label>
            <br />
            <label className="choice-label">
              <input type="radio" name="source" value="file" checked={source === 'file'} onChange={() => setSource('file')} /> A scenario file from this device
            </label>
          </p>
        </fieldset>
        {source === 'course' ? (
          <p>
            <label htmlFor="scenario">Scenario</label>
            <br />
            <select id="scenario" name="scenario" required>
              {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.title}</option>)}
            </select>
          </p>
        ) : (
          <>
            <p>
              <label htmlFor="scenario-file">Scenario file (<code>.md</code>)</label>
              <br />
              <input id="scenario-file" type="file" accept=".md,text/markdown,text/plain" aria-describedby="scenario-file-help" onChange={(event) => { const chosen = event.target.files?.[0]; if (chosen) void check(chosen); }} />
              <br />
              <span id="scenario-file-help" className="meta">It is checked in this browser first, by the same rules as the course's own scenarios. Opening the room sends it to this server, which keeps it with the room, shows it only to the room, and deletes it when the room closes.</span>
            </p>
            <div role="status" aria-live="polite">{file?.kind === 'checking' ? `Checking ${file.name}…` : ''}</div>
            {file?.kind === 'unreadable' && (
              <div ref={fileResult} tabIndex={-1} className="notice">
                <p><Reason text={file.why} /></p>
              </div>
            )}
            {file?.kind === 'problems' && (
              <section ref={fileResult} tabIndex={-1} aria-labelledby="file-problems-title" className="file-problems">
                <h2 id="file-problems-title">{file.name} cannot be played yet</h2>
                <p>
                  {file.byServer ? "This server's checks" : 'The checks'} found {errors === 1 ? 'an error in it. It is listed' : `${errors} errors in it. Each is listed`} below with its line in the file; fix {errors === 1 ? 'it' : 'them'} in the <a href="/trainers/studio/">studio</a> or any text editor, then choose the file again.
                </p>
                <ProblemList problems={file.problems} />
              </section>
            )}
            {file?.kind === 'ready' && (
              <div ref={fileResult} tabIndex={-1} className="file-checked" aria-labelledby="file-checked-title">
                <p id="file-checked-title"><strong>{file.name} passed its checks:</strong> “{file.title}”, talking with {file.persona}.</p>
                {file.report.problems.some((found) => found.severity === 'warning') && (
                  <details>
                    <summary>The checks have notes on this file for its writer</summary>
                    <ProblemList problems={file.report.problems} />
                  </details>
                )}
              </div>
            )}
          </>
        )}
        <p>
          <label htmlFor="passphrase">Organiser passphrase</label>
          <br />
          <input id="passphrase" name="passphrase" type="password" autoComplete="current-password" required minLength={12} aria-describedby="passphrase-hint" />
          <br />
          <span id="passphrase-hint" className="meta">Whoever runs this server gives it to organisers. It is sent only to open the room, and not kept.</span>
        </p>
        <p><button type="submit" className="primary" disabled={sending || file?.kind === 'checking'}>Open the room</button></p>
        {problem && <p id="open-problem" className="notice" role="alert">{problem}</p>}
      </form>
      {opened && (
        <section ref={openedSection} id="opened" className="card" aria-labelledby="opened-title" tabIndex={-1}>
          <h2 id="opened-title">Room <span>{opened.code}</span> is open</h2>
          <p>Open the shared screen on the computer connected to the projector. Its link holds the room's key: keep it to yourself.</p>
          <p><a className="button primary" href={opened.facilitator}>Open the shared screen</a></p>
          <p>People join at <a href={opened.join}>{opened.join.replace(/\?.*$/, '')}</a> with the code <strong>{opened.code}</strong>, or by scanning:</p>
          <img src={`/api/rooms/${opened.code}/qr.svg`} alt="QR code that opens the join page for this room" width="220" height="220" />
        </section>
      )}
    </>
  );
}
