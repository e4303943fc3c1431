/**
 * The studio's preview: plays the draft with the site's own player, from the start or from any
 * node with the variables set to chosen values (the engine's `startRunAt`). Each time the draft
 * changes and still has no errors, the run is played again on the new version, its choices kept
 * where they still fit (the engine's `replayWhereFits`), so the trainer sees an edit at the point
 * they are testing. Beside the conversation, the run's trace: the variables now, the last route
 * taken and why, and every step (the engine's `traceRun`, as `coach run --trace` prints it).
 */
import { useEffect, useRef, useState } from 'react';
import ScenarioPlayer from '../components/ScenarioPlayer.tsx';
import { earlierPicks, replayWhereFits, startRunAt, type Run } from '../engine/run.ts';
import { describeRoute, describeStep, describeVariables, traceRun } from '../engine/trace.ts';
import type { Scenario } from '../engine/types.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import { Reason } from './ProblemList.tsx';

export interface PreviewPanelProps {
  /** The draft, when it has no errors. */
  readonly scenario?: Scenario;
  /** Renders the scenario's Markdown (in the worker). */
  readonly render: (scenario: Scenario) => Promise<RenderedMarkdown>;
  /** Says something to screen readers through the studio's live region. */
  readonly announce: (message: string) => void;
}

interface Playing {
  readonly scenario: Scenario;
  readonly html: RenderedMarkdown;
  readonly run: Run;
  /** Where the run started and with what values, to start there again on the next version. */
  readonly at: string;
  readonly vars: Readonly<Record<string, number>>;
  /** Counts the runs started, so each one mounts a fresh player. */
  readonly take: number;
  /** Started by an edit rather than by a press of Play: the player leaves the focus in the editor. */
  readonly quiet: boolean;
  /** After an edit: how many of the earlier choices were replayed, of how many. */
  readonly replayed?: { readonly of: number; readonly fit: number };
}

export default function PreviewPanel({ scenario, render, announce }: PreviewPanelProps) {
  const [node, setNode] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [playing, setPlaying] = useState<Playing | undefined>();
  /** The run as the player has it now (after the trainee's choices), for the trace and the next replay. */
  const [run, setRun] = useState<Run | undefined>();
  const [problem, setProblem] = useState('');
  const latest = useRef({ playing, run });
  latest.current = { playing, run };

  const startNode = node && scenario?.nodes.some((candidate) => candidate.id === node) ? node : (scenario?.start ?? '');

  async function play(from: 'start' | 'chosen') {
    if (!scenario) return;
    const vars: Record<string, number> = {};
    if (from === 'chosen') {
      for (const [name, written] of Object.entries(values)) {
        if (!(name in scenario.meta.state) || written.trim() === '') continue;
        const value = Number(written);
        if (!Number.isInteger(value)) {
          setProblem(`The value of ${name} must be a whole number, such as 2 or -1.`);
          return;
        }
        vars[name] = value;
      }
    }
    setProblem('');
    const at = from === 'start' ? scenario.start : startNode;
    const started = startRunAt(scenario, at, vars);
    const html = await render(scenario);
    setRun(started);
    setPlaying((previous) => ({ scenario, html, run: started, at, vars, take: (previous?.take ?? 0) + 1, quiet: false }));
    const set = Object.entries(vars).map(([name, value]) => `${name} = ${value}`).join(', ');
    announce(`Preview playing from ${at}${set ? ` with ${set}` : ''}.`);
  }

  // The draft changed and has no errors: play the run again on it, as far as its choices still fit.
  useEffect(() => {
    const { playing: was, run: then } = latest.current;
    if (!scenario || !was || !then || was.scenario === scenario) return;
    let stale = false;
    void (async () => {
      const at = scenario.nodes.some((candidate) => candidate.id === was.at) ? was.at : scenario.start;
      const vars = Object.fromEntries(Object.entries(was.vars).filter(([name]) => name in scenario.meta.state));
      const earlier = earlierPicks(then);
      const { run: again, replayed } = replayWhereFits(startRunAt(scenario, at, vars), earlier);
      const html = await render(scenario);
      // A newer version arrived while this one was rendered: that one replays instead.
      if (stale) return;
      setRun(again);
      setPlaying({ scenario, html, run: again, at, vars, take: was.take + 1, quiet: true, replayed: { of: earlier.length, fit: replayed } });
      // Said only when the trainer's place was lost: a replay that keeps it needs no words at every pause in typing.
      if (replayed < earlier.length) announce(`Preview: ${replayed} of your ${earlier.length} choices still fit the changed draft; it goes on from there.`);
    })();
    return () => {
      stale = true;
    };
  }, [scenario]);

  const trace = run ? traceRun(run) : [];
  const now = trace.at(-1);
  const lastRoute = trace.flatMap((step) => step.routes).at(-1);

  return (
    <>
      {scenario ? (
        <form
          className="preview-form"
          aria-label="Where the preview starts"
          onSubmit={(event) => {
            event.preventDefault();
            void play('chosen');
          }}
        >
          <p>
            <label htmlFor="preview-node">Start at node</label>{' '}
            <select id="preview-node" value={startNode} onChange={(event) => setNode(event.target.value)}>
              {scenario.nodes.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.heading} ({candidate.kind === 'ending' ? `${candidate.outcome} ending` : candidate.kind})
                </option>
              ))}
            </select>
          </p>
          {Object.keys(scenario.meta.state).length > 0 && (
            <fieldset>
              <legend>With the variables at</legend>
              {Object.entries(scenario.meta.state).map(([name, initial]) => (
                <p key={name}>
                  <label htmlFor={`preview-var-${name}`}>{name}</label>{' '}
                  <input id={`preview-var-${name}`} type="number" step={1} inputMode="numeric" placeholder={String(initial)} value={values[name] ?? ''} onChange={(event) => setValues({ ...values, [name]: event.target.value })} aria-describedby="preview-var-help" />
                </p>
              ))}
              <p className="meta" id="preview-var-help">Leave a variable empty to keep its starting value.</p>
            </fieldset>
          )}
          {problem && <p className="notice" role="alert">{problem}</p>}
          <div className="actions">
            <button type="submit" className="primary">Play from this node</button>
            <button type="button" onClick={() => void play('start')}>Play from the start</button>
          </div>
        </form>
      ) : (
        <p>The preview plays the draft once it has no errors.</p>
      )}
      {playing && (
        <div className="preview-player">
          {playing.scenario !== scenario ? (
            <p className="meta">Playing the draft as it was before its errors: once they are fixed, the preview plays your changes from where you are.</p>
          ) : (
            playing.replayed && <p className="meta" role="note">Updated with your changes: {playing.replayed.fit === playing.replayed.of ? `all ${playing.replayed.of} of your choices replayed.` : `${playing.replayed.fit} of your ${playing.replayed.of} choices still fit, and the run goes on from there.`}</p>
          )}
          {now && (
            <section className="preview-trace" aria-labelledby="preview-trace-title">
              <h3 id="preview-trace-title">Variables and routes</h3>
              <p>{Object.keys(now.variables).length > 0 ? <>Now: <Reason text={describeVariables(now.variables)} />.</> : 'This scenario has no variables.'}</p>
              <p>{lastRoute ? <>Last route: <Reason text={describeRoute(lastRoute)} />.</> : 'No route node passed yet.'}</p>
              <details>
                <summary>Every step so far</summary>
                <ul className="preview-steps">
                  {trace.map((step) => (
                    <li key={step.step}>{describeStep(step).map((line, i) => <span key={i} className="preview-step-line"><Reason text={line.trim()} /></span>)}</li>
                  ))}
                </ul>
              </details>
            </section>
          )}
          <ScenarioPlayer key={playing.take} scenario={playing.scenario} html={playing.html} preview={playing.run} quiet={playing.quiet} onRun={setRun} />
        </div>
      )}
    </>
  );
}
