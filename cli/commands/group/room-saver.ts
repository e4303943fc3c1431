/**
 * Saves of one room, coalesced: at most one write in flight and only the newest state waiting
 * behind it. Each change waits for the write that includes it, so the server answers a change
 * only once it is on disk, and a burst of changes costs two writes, not one each: saves never
 * fall behind without bound, however fast changes come.
 */

interface Waiting<T> {
  latest: T;
  readonly settle: Array<{ resolve: () => void; reject: (error: unknown) => void }>;
}

export class CoalescingSaver<T> {
  readonly #write: (state: T) => Promise<void>;
  #waiting: Waiting<T> | undefined;
  #writing: Promise<void> | undefined;

  /** `write` puts one state on disk; it is never called twice at once. */
  constructor(write: (state: T) => Promise<void>) {
    this.#write = write;
  }

  /** Saves this state (or a newer one given before the write starts); settles when it is on disk, or fails with the write's error. */
  save(state: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.#waiting) this.#waiting.latest = state;
      else this.#waiting = { latest: state, settle: [] };
      this.#waiting.settle.push({ resolve, reject });
      this.#writing ??= this.#drain();
    });
  }

  /** Settles when every save asked for so far has been written (or has failed). */
  async idle(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #drain(): Promise<void> {
    while (this.#waiting) {
      const batch = this.#waiting;
      this.#waiting = undefined;
      try {
        await this.#write(batch.latest);
        for (const { resolve } of batch.settle) resolve();
      } catch (error) {
        for (const { reject } of batch.settle) reject(error);
      }
    }
    this.#writing = undefined;
  }
}
