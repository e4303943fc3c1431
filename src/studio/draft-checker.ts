/**
 * The page's side of the worker: sends the draft to be checked and hands back what the worker
 * finds about the latest text only. While a check runs, newer text waits, and only the newest
 * waiting text is sent next, so a fast typist never queues up checks of text that is already gone.
 */
import type { Scenario } from '../engine/types.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import type { DraftReport, DraftRequest } from './check-draft.ts';
import type { WorkerAnswer, WorkerRequest } from './check-worker.ts';

/**
 * How long a check (and its diagram) may take before the worker is stopped and a new one started:
 * a large draft checks in a few seconds; a draft that takes longer would otherwise leave the
 * studio saying "Checking…" for ever, even after the text is replaced.
 */
export const checkLimitMs = 15_000;

/** A check's report or its diagram's layout, as the worker answered it, with the draft it is about. */
export type Finding = Extract<WorkerAnswer, { kind: 'check' | 'layout' }> & { readonly draft: DraftRequest };

export class DraftChecker {
  #worker!: Worker;
  readonly #onFinding: (finding: Finding) => void;
  readonly #onStopped: (draft: DraftRequest) => void;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #lastId = 0;
  /** The draft the worker is checking now, if any. */
  #running: DraftRequest | undefined;
  #waiting: DraftRequest | undefined;
  readonly #renders = new Map<number, (html: RenderedMarkdown) => void>();

  /**
   * Starts the worker; `onFinding` is called with each report and layout about the latest text,
   * `onStopped` with a draft whose check ran past {@link checkLimitMs} and was stopped.
   */
  constructor(onFinding: (finding: Finding) => void, onStopped: (draft: DraftRequest) => void = () => {}) {
    this.#onFinding = onFinding;
    this.#onStopped = onStopped;
    this.#startWorker();
  }

  #startWorker() {
    this.#worker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module', name: 'scenario-checks' });
    this.#worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => this.#receive(event.data));
  }

  /** Stops a worker that is taking too long, starts a new one, and checks the newest text if there is newer text. */
  #stopLongCheck() {
    const stopped = this.#running;
    this.#worker.terminate();
    this.#renders.clear();
    this.#running = undefined;
    this.#startWorker();
    if (stopped) this.#onStopped(stopped);
    const next = this.#waiting;
    this.#waiting = undefined;
    if (next) this.#send(next);
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
    clearTimeout(this.#watchdog);
    this.#worker.terminate();
  }

  #send(draft: DraftRequest) {
    this.#running = draft;
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => this.#stopLongCheck(), checkLimitMs);
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
      clearTimeout(this.#watchdog);
      this.#running = undefined;
      const next = this.#waiting;
      this.#waiting = undefined;
      if (next) this.#send(next);
    }
  }
}

/**
 * Checks one chosen file in a checker of its own, put in `slot` in place of the last file's (which
 * is stopped, so its answer never comes): for pages that check whole files rather than a draft
 * being typed. Resolves with the checker, which can then render the scenario, and its report.
 */
export function checkFileInOwnChecker(slot: { current: DraftChecker | null }, draft: DraftRequest): Promise<{ checker: DraftChecker; report: DraftReport }> {
  slot.current?.dispose();
  return new Promise((resolve) => {
    const checker = new DraftChecker((finding) => {
      if (finding.kind === 'check') resolve({ checker, report: finding.report });
    });
    slot.current = checker;
    checker.check(draft);
  });
}
