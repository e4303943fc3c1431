/**
 * The outbox: statements wait on the device until an LRS has them. Each is saved before it is
 * sent, and the outbox is sent on every step, when the network comes back and when the page is
 * left, so a phone that never closes its tab, or loses signal on a bus, loses nothing. An LRS that
 * refuses a statement outright (400, 404, 409, 413) will never take it, so it is dropped rather
 * than blocking every statement behind it; anything else (no network, 401, 429, 5xx) waits.
 */
import type { Statement } from '../engine/xapi.ts';

/** Where statements go: an xAPI endpoint (ending in `/`) and its Authorization header. */
export interface Destination {
  readonly endpoint: string;
  readonly authorization?: string;
}

interface Waiting {
  readonly destination: Destination;
  readonly statement: Statement;
}

/** What the outbox needs from the page: somewhere to keep statements, and a way to send them. */
export interface OutboxDeps {
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly fetch: typeof fetch;
}

/** Status codes that mean the LRS will never take this statement, so waiting would block the rest for nothing. */
const refusedForGood = new Set([400, 404, 409, 413]);

export class Outbox {
  #sending: Promise<void> | undefined;

  constructor(
    private readonly key: string,
    private readonly deps: OutboxDeps,
  ) {}

  /** The statements still waiting, oldest first. */
  waiting(): Waiting[] {
    try {
      const parsed: unknown = JSON.parse(this.deps.storage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as Waiting[]) : [];
    } catch {
      return [];
    }
  }

  #keep(waiting: readonly Waiting[]): void {
    try {
      this.deps.storage.setItem(this.key, JSON.stringify(waiting));
    } catch {
      // Storage full: the statements stay in memory for this page's sends; nothing more can be done.
    }
  }

  /** Adds statements to the outbox, after any already waiting. */
  add(destination: Destination, statements: readonly Statement[]): void {
    if (statements.length > 0) this.#keep([...this.waiting(), ...statements.map((statement) => ({ destination, statement }))]);
  }

  /**
   * Sends what is waiting, in order, each destination's statements in one request; stops at the
   * first that cannot be sent now. `keepalive` lets a send finish after the page is gone.
   * Resolves to the number still waiting.
   */
  async send(options: { keepalive?: boolean } = {}): Promise<number> {
    // One send at a time, so that two steps in quick succession never post a statement twice.
    while (this.#sending) await this.#sending;
    this.#sending = this.#sendWaiting(options.keepalive ?? false);
    try {
      await this.#sending;
    } finally {
      this.#sending = undefined;
    }
    return this.waiting().length;
  }

  async #sendWaiting(keepalive: boolean): Promise<void> {
    for (;;) {
      const waiting = this.waiting();
      if (waiting.length === 0) return;
      const { destination } = waiting[0]!;
      const others = waiting.findIndex((entry) => entry.destination.endpoint !== destination.endpoint);
      const batch = waiting.slice(0, others === -1 ? waiting.length : others);
      let status: number;
      try {
        const response = await this.deps.fetch(new URL('statements', destination.endpoint), {
          method: 'POST',
          keepalive,
          headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', ...(destination.authorization ? { Authorization: destination.authorization } : {}) },
          body: JSON.stringify(batch.map((entry) => entry.statement)),
        });
        status = response.status;
      } catch {
        return; // No network: they wait for the next step, or for the network to come back.
      }
      if (status >= 200 && status < 300) {
        // Only those sent leave: statements added while this was on its way stay queued.
        const sent = new Set(batch.map((entry) => entry.statement.id));
        this.#keep(this.waiting().filter((entry) => !sent.has(entry.statement.id)));
      } else if (refusedForGood.has(status)) {
        console.warn(`The learning record store refused ${batch.length} statement(s) with status ${status}; they were dropped.`);
        const refused = new Set(batch.map((entry) => entry.statement.id));
        this.#keep(this.waiting().filter((entry) => !refused.has(entry.statement.id)));
      } else return;
    }
  }
}
