/**
 * The studio's preview: plays the draft with the site's own player, from the start or from any
 * node with the variables set to chosen values (the engine's `startRunAt`). It plays the draft as
 * it was when Play was pressed, so typing does not pull the conversation from under the trainer.
 */
import { useState } from 'react';
import ScenarioPlayer from '../components/ScenarioPlayer.tsx';
import { startRunAt, type Run } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';

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
  /** Counts the presses of Play, so each one starts a fresh player. */
  readonly take: number;
}

export default function PreviewPanel({ scenario, render, announce }: PreviewPanelProps) {
  const [node, setNode] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [playing, setPlaying] = useState<Playing | undefined>();
  const [problem, setProblem] = useState('');

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
    const run = startRunAt(scenario, at, vars);
    const html = await render(scenario);
    setPlaying((previous) => ({ scenario, html, run, take: (previous?.take ?? 0) + 1 }));
    const set = Object.entries(vars).map(([name, value]) => `${name} = ${value}`).join(', ');
    announce(`Preview playing from ${at}${set ? ` with ${set}` : ''}.`);
  }

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
          {playing.scenario !== scenario && <p className="meta">Playing the draft as it was when you pressed Play; press it again to play your changes.</p>}
          <ScenarioPlayer key={playing.take} scenario={playing.scenario} html={playing.html} preview={playing.run} />
        </div>
      )}
    </>
  );
}
