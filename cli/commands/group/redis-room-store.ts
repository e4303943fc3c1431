/**
 * Rooms in Redis or Valkey, shared by any number of server processes (`coach serve --redis`).
 * Each room is one hash (`coach:room:<code>`: its revision and its record as JSON) that expires
 * after a time without changes, and one channel (`coach:live:<code>`) on which every change's
 * view is published. A change is one Lua script: write only if the revision is still the one the
 * process read, refresh the expiry, publish; so two processes never overwrite each other, and
 * every process's phones hear every change. Uses ioredis, the well-kept client that speaks to both.
 */
import { Redis } from 'ioredis';
import { parseRoomRecord } from './room-files.ts';
import type { LiveListener, RoomRecord, RoomStore } from './room-store.ts';

const roomKey = (code: string) => `coach:room:${code}`;
const liveChannel = (code: string) => `coach:live:${code}`;
const codeOfChannel = (channel: string) => channel.slice('coach:live:'.length);

/** KEYS: the room's hash and channel. ARGV: the new revision, the record, the expiry in ms, the view. */
const writeScript = `
local current = tonumber(redis.call('HGET', KEYS[1], 'revision') or '0')
if current ~= tonumber(ARGV[1]) - 1 then return 0 end
redis.call('HSET', KEYS[1], 'revision', ARGV[1], 'record', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PUBLISH', KEYS[2], ARGV[1] .. ' ' .. ARGV[4])
return 1
`;

interface RoomCommands {
  writeRoom(key: string, channel: string, revision: number, record: string, expiryMs: number, view: string): Promise<number>;
}

export class RedisRoomStore implements RoomStore {
  readonly shared = true;
  readonly where: string;
  readonly #client: Redis & RoomCommands;
  readonly #subscriber: Redis;
  readonly #idleMs: number;
  readonly #listeners = new Map<string, Set<LiveListener>>();

  private constructor(url: string, client: Redis, subscriber: Redis, idleMs: number) {
    this.where = `Redis at ${redactedUrl(url)}`;
    this.#client = client as Redis & RoomCommands;
    this.#subscriber = subscriber;
    this.#idleMs = idleMs;
    this.#client.defineCommand('writeRoom', { numberOfKeys: 2, lua: writeScript });
    subscriber.on('message', (channel: string, message: string) => {
      const space = message.indexOf(' ');
      const revision = Number(message.slice(0, space));
      for (const listener of this.#listeners.get(codeOfChannel(channel)) ?? []) listener(revision, message.slice(space + 1));
    });
  }

  /**
   * Connects (and checks with a PING that the server answers); rooms expire `idleMs` after their
   * last change. A request that finds Redis unreachable fails within seconds rather than waiting.
   */
  static async connect(url: string, idleMs: number): Promise<RedisRoomStore> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 2, commandTimeout: 3000, connectTimeout: 3000 } as const;
    const client = new Redis(url, options);
    const subscriber = new Redis(url, { ...options, maxRetriesPerRequest: null, commandTimeout: undefined });
    // Connection trouble is answered per request (503) and retried by ioredis; without a listener it would crash the process.
    client.on('error', () => {});
    subscriber.on('error', () => {});
    try {
      await Promise.all([client.connect(), subscriber.connect()]);
      await client.ping();
    } catch (error) {
      client.disconnect();
      subscriber.disconnect();
      throw new Error(`cannot reach ${redactedUrl(url)} (${(error as Error).message}): start Redis or Valkey, or check the address given with --redis`);
    }
    return new RedisRoomStore(url, client, subscriber, idleMs);
  }

  /** Rooms in Redis are read when asked for, by whichever process is asked. */
  async resumable(): Promise<{ records: RoomRecord[]; problems: string[] }> {
    return { records: [], problems: [] };
  }

  async read(code: string): Promise<RoomRecord | undefined> {
    const text = await this.#client.hget(roomKey(code), 'record');
    return text === null ? undefined : parseRoomRecord(text);
  }

  async write(record: RoomRecord, view: string): Promise<boolean> {
    const written = await this.#client.writeRoom(roomKey(record.code), liveChannel(record.code), record.revision, JSON.stringify(record), this.#idleMs, view);
    return written === 1;
  }

  async listen(code: string, listener: LiveListener): Promise<() => void> {
    let listeners = this.#listeners.get(code);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(code, listeners);
    }
    listeners.add(listener);
    // Subscribing again is harmless, and waiting for it means no change published after this is missed.
    await this.#subscriber.subscribe(liveChannel(code));
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.#listeners.get(code) !== listeners) return;
      this.#listeners.delete(code);
      void this.#subscriber.unsubscribe(liveChannel(code)).catch(() => {});
    };
  }

  async healthy(): Promise<boolean> {
    return (await this.#client.ping().catch(() => undefined)) === 'PONG';
  }

  async remove(code: string): Promise<void> {
    await this.#client.del(roomKey(code));
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#client.quit(), this.#subscriber.quit()]);
  }
}

/** The address without a password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the Redis address given';
  }
}
