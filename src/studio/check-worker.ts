/**
 * The studio's worker: the engine runs here, off the page's main thread, so that exploring a
 * large draft never stalls typing. Each check is answered twice: first the problems and coverage
 * (what the trainer is waiting for after a keystroke), then the diagram's layout, which takes
 * longer when nodes or arrows have changed. The page ignores answers about text that has changed
 * since (see `draft-checker.ts`).
 */
import type { Scenario } from '../engine/types.ts';
import { renderScenarioMarkdown, type RenderedMarkdown } from '../site/render-scenario.ts';
import { checkDraft, type DraftReport, type DraftRequest } from './check-draft.ts';
import { layoutDiagram, type LaidOutDiagram } from './layout-diagram.ts';

/** What the page asks: check a version of the draft, or render a checked scenario's Markdown for the preview. */
export type WorkerRequest =
  | { readonly kind: 'check'; readonly id: number; readonly draft: DraftRequest }
  | { readonly kind: 'render'; readonly id: number; readonly scenario: Scenario };

/** What the worker answers, with the id of the request and how long the work took. */
export type WorkerAnswer =
  | { readonly kind: 'check'; readonly id: number; readonly report: DraftReport; readonly milliseconds: number }
  | { readonly kind: 'layout'; readonly id: number; readonly diagram: LaidOutDiagram; readonly milliseconds: number }
  | { readonly kind: 'render'; readonly id: number; readonly html: RenderedMarkdown };

const answer = (message: WorkerAnswer) => self.postMessage(message);

/** Runs `work` and says how long it took, in milliseconds. */
function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'render') {
    answer({ kind: 'render', id: request.id, html: renderScenarioMarkdown(request.scenario) });
    return;
  }
  const [report, checking] = timed(() => checkDraft(request.draft));
  answer({ kind: 'check', id: request.id, report, milliseconds: checking });
  const [diagram, layingOut] = timed(() => layoutDiagram(report.graph));
  answer({ kind: 'layout', id: request.id, diagram, milliseconds: layingOut });
});
