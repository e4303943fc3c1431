/**
 * Where the room server keeps its rooms. Two stores, one contract:
 *
 * - **files** (the default, what `coach group` uses on a laptop): this process holds every room in
 *   memory and is the only writer of its folder (a lock file says so); each change is written to
 *   the room's file, coalesced, and answered once it is on disk.
 * - **Redis or Valkey** (`coach serve --redis`): rooms live in the store, and any number of server
 *   processes share them. A change is written only if the room is still at the revision the
 *   process read (a compare-and-set in one Lua script), and the same script publishes the room's
 *   new view on the room's channel, so every process's phones and screens hear of it at once.
 *
 * Either way a room's revision goes up by one with every change, and no write ever replaces a
 * newer revision with an older one.
 */
import type { SavedRoom } from '../../../src/rooms/schema.ts';
import type { UploadedScenario } from './uploaded-scenarios.ts';

/** A room as a store keeps it: the saved room with its code, key, players' tokens and revision. */
export interface RoomRecord {
  readonly code: string;
  /** The facilitator's key: whoever has it can move the room on. */
  readonly key: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 when the room is opened, and one more with every change. */
  readonly revision: number;
  /**
   * Each player's name and a SHA-256 of the token their phone was given on joining: a vote,
   * rename or second join under a name counts only with its token.
   */
  readonly playerTokens: ReadonlyArray<readonly [name: string, tokenHash: string]>;
  readonly room: SavedRoom;
  /**
   * The scenario file the room plays, when it was uploaded rather than taken from the course:
   * kept with the room (never in scenarios/), so whichever process resumes the room checks and
   * compiles it again, and it goes when the room does.
   */
  readonly upload?: UploadedScenario;
}

/** Hears a room's new view, published by whichever process changed it. */
export type LiveListener = (revision: number, view: string) => void;

export interface RoomStore {
  /** Whether other processes share the store, so a room must be read afresh before each change. */
  readonly shared: boolean;
  /** Where the rooms are, for messages: "the folder /…" or "Redis at …". */
  readonly where: string;
  /** Every room to resume on start (files), with a reason for each that cannot be read; none for a shared store. */
  resumable(): Promise<{ records: RoomRecord[]; problems: string[] }>;
  /** The room as the store has it now (shared stores; the file store answers from this process's memory). */
  read(code: string): Promise<RoomRecord | undefined>;
  /**
   * Writes the room if the store still has `record.revision - 1` (nothing, for revision 1), and
   * tells every process's listeners `view`. False when the store had moved on: read and try again.
   */
  write(record: RoomRecord, view: string): Promise<boolean>;
  /** Listens for a room's new views from every process; settles once listening, with the way to stop. */
  listen(code: string, listener: LiveListener): Promise<() => void>;
  /** Whether the store answers now: for a proxy's health checks. */
  healthy(): Promise<boolean>;
  /** Forgets a room for good: closed after a time without activity. */
  remove(code: string): Promise<void>;
  /** Settles once every write asked for has landed, and lets go of the store. */
  close(): Promise<void>;
}
