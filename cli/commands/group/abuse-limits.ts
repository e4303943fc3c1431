/**
 * How much one address may ask of the room server, so that nobody with the room code (it is on
 * the projector) can jam the room for everyone, fill it with names, or sweep every room code. A
 * token bucket per address and kind: a burst is taken at once, then tokens come back at a steady
 * rate. Requests with the facilitator's key are never limited. Hand-written: it is twenty lines,
 * and the packages for it are middleware for frameworks this server does not use.
 */

/** One kind of request: how many at once, and how many a second after that. */
export interface Allowance {
  readonly burst: number;
  readonly perSecond: number;
}

/** The kinds of request that are limited, and how much each address is allowed. */
export interface AbuseLimits {
  /** Room codes that are not on this server: a phone that mistypes a few times is fine; a sweep of codes is not. */
  readonly lookups: Allowance;
  /** Names joining a room. */
  readonly joins: Allowance;
  /** Votes and typed replies from phones. */
  readonly changes: Allowance;
  /** Reading a room, its QR code or a phone's own reply, and live connections. */
  readonly reads: Allowance;
  /** Live connections open at once from one address. */
  readonly socketsPerAddress: number;
  /** Live connections open at once to one room. */
  readonly socketsPerRoom: number;
}

/** Enough for a phone that reloads, reconnects and changes its vote often; far short of a flood. */
export const defaultAbuseLimits: AbuseLimits = {
  lookups: { burst: 20, perSecond: 1 / 6 },
  joins: { burst: 12, perSecond: 1 / 5 },
  changes: { burst: 30, perSecond: 5 },
  reads: { burst: 60, perSecond: 10 },
  socketsPerAddress: 60,
  socketsPerRoom: 600,
};

/**
 * For a hosted server (`coach serve`), where a whole class often reaches it from one address (a
 * university's or a hospital's network behind one public address): room for forty phones joining
 * and voting at once from one address, still far short of a flood (a room's player limit, which
 * the facilitator sets, bounds the names in it). Guessing codes is held as tightly as on a laptop.
 */
export const sharedAddressLimits: AbuseLimits = {
  lookups: defaultAbuseLimits.lookups,
  joins: { burst: 60, perSecond: 1 },
  changes: { burst: 120, perSecond: 20 },
  reads: { burst: 240, perSecond: 40 },
  socketsPerAddress: 240,
  socketsPerRoom: defaultAbuseLimits.socketsPerRoom,
};

type LimitedKind = 'lookups' | 'joins' | 'changes' | 'reads';

/** What a refused request is told, in plain words. */
export const tooMany: Record<LimitedKind, string> = {
  lookups: 'Too many tries at room codes from this address: wait a minute, then check the code on the shared screen',
  joins: 'Too many names joined from this address: wait a minute and try again',
  changes: 'Too many votes or replies from this address: wait a few seconds and try again',
  reads: 'Too many requests from this address: wait a few seconds and try again',
};

interface Bucket {
  tokens: number;
  at: number;
}

/** The buckets of every address, for one server. */
export class RequestLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #limits: AbuseLimits;
  readonly #now: () => number;

  constructor(limits: AbuseLimits, now: () => number = () => performance.now()) {
    this.#limits = limits;
    this.#now = now;
  }

  /** Takes one request of this kind from the address: the seconds to wait, or 0 if it may go ahead. */
  take(kind: LimitedKind, address: string): number {
    const bucket = this.#refilled(kind, address);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#limits[kind].perSecond));
  }

  /** The seconds this address must wait before a request of this kind, without taking one. */
  waitFor(kind: LimitedKind, address: string): number {
    const bucket = this.#refilled(kind, address);
    return bucket.tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / this.#limits[kind].perSecond));
  }

  /** Forgets addresses whose buckets are full again, so the map does not grow for ever. */
  sweep(): void {
    for (const [key, bucket] of this.#buckets) {
      const kind = key.slice(0, key.indexOf(' ')) as LimitedKind;
      const { burst, perSecond } = this.#limits[kind];
      if (bucket.tokens + ((this.#now() - bucket.at) / 1000) * perSecond >= burst) this.#buckets.delete(key);
    }
  }

  #refilled(kind: LimitedKind, address: string): Bucket {
    const { burst, perSecond } = this.#limits[kind];
    const key = `${kind} ${address}`;
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    return bucket;
  }
}
