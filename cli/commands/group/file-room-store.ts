/**
 * The default room store: one JSON file per room in a folder this process holds alone (see
 * room-files.ts), with every room in memory. Saves of a room are coalesced (room-saver.ts), and
 * its listeners hear the view of each save that lands.
 */
import { join } from 'node:path';
import { closeRoomFile, deleteRoomFile, lockRoomsFolder, readRoomFiles, removeTemporaryFiles, writeRoomFile } from './room-files.ts';
import { CoalescingSaver } from './room-saver.ts';
import type { LiveListener, RoomRecord, RoomStore } from './room-store.ts';

/** Rooms nobody has changed for this long are closed on start (their files kept in `closed/`)… */
const idleRoomDays = 14;
/** …and ended rooms after a day: a room code on a projector should not open a room for ever. */
const endedRoomDays = 1;

/** Whether a room is done with: ended a day ago, or untouched for two weeks. */
function isStale(record: RoomRecord, now: number): boolean {
  const idleDays = (now - Date.parse(record.updatedAt)) / 86_400_000;
  return idleDays > idleRoomDays || (record.room.phase === 'ended' && idleDays > endedRoomDays);
}

interface Save {
  readonly record: RoomRecord;
  readonly view: string;
}

export class FileRoomStore implements RoomStore {
  readonly shared = false;
  readonly where: string;
  readonly #folder: string;
  readonly #release: () => Promise<void>;
  readonly #savers = new Map<string, CoalescingSaver<Save>>();
  readonly #listeners = new Map<string, Set<LiveListener>>();

  private constructor(folder: string, release: () => Promise<void>) {
    this.#folder = folder;
    this.#release = release;
    this.where = `the folder ${folder}`;
  }

  /** Takes the folder for this process (throws `RoomsFolderInUse` if another server holds it) and clears what a crash left. */
  static async open(folder: string): Promise<FileRoomStore> {
    const release = await lockRoomsFolder(folder);
    try {
      await removeTemporaryFiles(folder);
    } catch (error) {
      await release();
      throw error;
    }
    return new FileRoomStore(folder, release);
  }

  /** The rooms in the folder, less those done with, which are moved to `closed/` and said. */
  async resumable(): Promise<{ records: RoomRecord[]; problems: string[] }> {
    const { files, problems } = await readRoomFiles(this.#folder);
    const records: RoomRecord[] = [];
    for (const file of files) {
      if (!isStale(file, Date.now())) {
        records.push(file);
        continue;
      }
      await closeRoomFile(this.#folder, file.code);
      problems.push(`Room ${file.code} was closed: nobody has used it since ${file.updatedAt.slice(0, 10)}. Its file is in ${join(this.#folder, 'closed')}`);
    }
    return { records, problems };
  }

  /** This process holds every room in memory: there is nothing fresher to read. */
  async read(): Promise<undefined> {
    return undefined;
  }

  async write(record: RoomRecord, view: string): Promise<boolean> {
    let saver = this.#savers.get(record.code);
    if (!saver) {
      saver = new CoalescingSaver(async (save: Save) => {
        await writeRoomFile(this.#folder, save.record);
        for (const listener of this.#listeners.get(save.record.code) ?? []) listener(save.record.revision, save.view);
      });
      this.#savers.set(record.code, saver);
    }
    await saver.save({ record, view });
    return true;
  }

  async listen(code: string, listener: LiveListener): Promise<() => void> {
    const listeners = this.#listeners.get(code) ?? new Set();
    this.#listeners.set(code, listeners);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(code);
    };
  }

  /** This process holds the folder: it answers as long as the process does. */
  async healthy(): Promise<boolean> {
    return true;
  }

  async remove(code: string): Promise<void> {
    await this.#savers.get(code)?.idle();
    this.#savers.delete(code);
    await deleteRoomFile(this.#folder, code);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#savers.values()].map((saver) => saver.idle()));
    await this.#release();
  }
}
