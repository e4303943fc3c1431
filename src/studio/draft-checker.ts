/**
 * The page's side of the worker: sends the draft to be checked and hands back what the worker
 * finds about the latest text only. While a check runs, newer text waits, and only the newest
 * waiting text is sent next, so a fast typist never queues up checks of text that is already gone.
 */
import type { Scenario } from '../engine/types.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import type { DraftRequest } from './check-draft.ts';
import type { WorkerAnswer, WorkerRequest } from './check-worker.ts';

/** A check's report or its diagram's layout, as the worker answered it, with the draft it is about. */
export type Finding = Extract<WorkerAnswer, { kind: 'check' | 'layout' }> & { readonly draft: DraftRequest };

export class DraftChecker {
  readonly #worker: Worker;
  readonly #onFinding: (finding: Finding) => void;
  #lastId = 0;
  /** The draft the worker is checking now, if any. */
  #running: DraftRequest | undefined;
  #waiting: DraftRequest | undefined;
  readonly #renders = new Map<number, (html: RenderedMarkdown) => void>();

  /** Starts the worker; `onFinding` is called with each report and layout about the latest text. */
  constructor(onFinding: (finding: Finding) => void) {
    this.#onFinding = onFinding;
    this.#worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: 'scenario-checks' });
    this.#worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => this.#receive(event.data));
  }

  /** Asks for a check of this text, as soon as the worker is free. */
  check(draft: DraftRequest): void {
    if (this.#running) this.#waiting = draft;
    else this.#send(draft);
  }

  /** Renders a checked scenario's Markdown to HTML, for the preview. */
  render(scenario: Scenario): Promise<RenderedMarkdown> {
    const id = ++this.#lastId;
    return new Promise((resolve) => {
      this.#renders.set(id, resolve);
      this.#worker.postMessage({ kind: 'render', id, scenario } satisfies WorkerRequest);
    });
  }

  /** Stops the worker. */
  dispose(): void {
    this.#worker.terminate();
  }

  #send(draft: DraftRequest) {
    this.#running = draft;
    this.#worker.postMessage({ kind: 'check', id: ++this.#lastId, draft } satisfies WorkerRequest);
  }

  #receive(answer: WorkerAnswer) {
    if (answer.kind === 'render') {
      this.#renders.get(answer.id)?.(answer.html);
      this.#renders.delete(answer.id);
      return;
    }
    // What the worker found about text that has changed since is of no use: newer text is waiting.
    if (!this.#waiting && this.#running) this.#onFinding({ ...answer, draft: this.#running });
    if (answer.kind === 'layout') {
      this.#running = undefined;
      const next = this.#waiting;
      this.#waiting = undefined;
      if (next) this.#send(next);
    }
  }
}
