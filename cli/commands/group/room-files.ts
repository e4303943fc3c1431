/**
 * Rooms on disk: one JSON file per room in the rooms folder, written whole on every change and
 * read back on start. A write goes to a temporary file that is flushed to the disk (fsync) and then
 * renamed over the room's file, so a crash or a power cut leaves the old room or the new one,
 * never half of one. One server at a time keeps a folder: it holds a lock file there while it runs.
 * The room inside is the room module's own saved form (src/rooms/saved-room.ts).
 */
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { savedRoomSchema } from '../../../src/rooms/schema.ts';
import type { RoomRecord } from './room-store.ts';

/**
 * What a room's file holds: the room's record (its code and key beside the saved room). Rooms
 * saved before tokens have none (the first phone to join under such a name is given its token);
 * rooms saved before revisions read as revision 1.
 */
export type RoomFile = RoomRecord;

/** A room record read from JSON, from a file or from Redis. */
export const roomRecordSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]{4,12}$/),
  key: z.string().min(16),
  createdAt: z.string(),
  updatedAt: z.string(),
  revision: z.int().positive().default(1),
  playerTokens: z.array(z.tuple([z.string(), z.string().regex(/^[0-9a-f]{64}$/)])).default([]),
  room: z.unknown(),
  upload: z.object({ fileName: z.string().max(200), markdown: z.string() }).optional(),
});

/** A room record from its JSON text; throws saying why it is not one. */
export function parseRoomRecord(text: string): RoomRecord {
  let data;
  try {
    data = roomRecordSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new Error(error instanceof SyntaxError ? 'it is not JSON' : 'it is not a room record');
  }
  const room = savedRoomSchema.safeParse(data.room);
  if (!room.success) throw new Error('its room is not in the expected shape');
  const { upload, ...rest } = data;
  return { ...rest, room: room.data, ...(upload ? { upload } : {}) };
}

/** A write that would replace a newer revision of a room with an older one. */
export class StaleRoomWrite extends Error {
  override name = 'StaleRoomWrite';
}

/** Where a room's file is. */
export const roomFilePath = (folder: string, code: string): string => join(folder, `${code}.json`);

/** The suffix of a room file being written; one left behind by a crash is removed on start. */
const temporarySuffix = '.tmp';

/** The revision of the room in a file (1 for a file from before revisions), or 0 when there is no readable file. */
async function revisionOnDisk(path: string): Promise<number> {
  try {
    // Only the number is needed: the whole record was checked when it was read or written.
    const revision = (JSON.parse(await readFile(path, 'utf8')) as { revision?: unknown }).revision;
    return typeof revision === 'number' ? revision : 1;
  } catch {
    return 0;
  }
}

/**
 * Writes a room's file whole and flushes it to the disk; the folder is made if needed. Readable by
 * this user only: it holds the key. Throws {@link StaleRoomWrite}, writing nothing, if the file
 * holds the same or a newer revision (only another server on the folder could have written it).
 */
export async function writeRoomFile(folder: string, file: RoomFile): Promise<void> {
  await mkdir(folder, { recursive: true });
  const path = roomFilePath(folder, file.code);
  const onDisk = await revisionOnDisk(path);
  if (onDisk >= file.revision) throw new StaleRoomWrite(`the file holds revision ${onDisk} of the room, newer than this server's ${file.revision}: another server has written it`);
  const temporary = `${path}.${process.pid}${temporarySuffix}`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/** Every room file in the folder: the readable ones, and a reason for each one that is not. */
export async function readRoomFiles(folder: string): Promise<{ files: RoomFile[]; problems: string[] }> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const files: RoomFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      files.push(parseRoomRecord(await readFile(join(folder, name), 'utf8')));
    } catch (error) {
      problems.push(`${name} was left as it is: ${(error as Error).message}`);
    }
  }
  return { files, problems };
}

/** Removes temporary files that a server stopped mid-write left behind; the room files beside them are whole. */
export async function removeTemporaryFiles(folder: string): Promise<number> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith(temporarySuffix));
  await Promise.all(names.map((name) => unlink(join(folder, name)).catch(() => {})));
  return names.length;
}

/** Moves a room's file into the folder's `closed/` folder: kept for whoever wants it, no longer resumed. */
export async function closeRoomFile(folder: string, code: string): Promise<void> {
  await mkdir(join(folder, 'closed'), { recursive: true });
  await rename(roomFilePath(folder, code), join(folder, 'closed', `${code}.json`));
}

/** Two servers on one rooms folder would each resume the same rooms and overwrite each other's changes. */
export class RoomsFolderInUse extends Error {
  override name = 'RoomsFolderInUse';
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The lock files servers of this process hold, to tell them from a stale lock with this process's id. */
const locksHeld = new Set<string>();

/**
 * Takes the rooms folder for this process: a lock file holding its process id, made only if
 * none exists. A lock left by a process that is no longer running (killed, say) is taken over.
 * Throws {@link RoomsFolderInUse} if another running server holds it. Returns the release.
 */
export async function lockRoomsFolder(folder: string): Promise<() => Promise<void>> {
  await mkdir(folder, { recursive: true });
  const path = resolve(folder, '.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      locksHeld.add(path);
      return () => {
        locksHeld.delete(path);
        return unlink(path).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      // This process's own id is a server of this process only if it took the lock; otherwise the
      // lock is an earlier run's that had the same id (a restarted container, where it is PID 1).
      const heldHere = holder === process.pid ? locksHeld.has(path) : isRunning(holder);
      if (Number.isInteger(holder) && holder > 0 && heldHere) {
        throw new RoomsFolderInUse(`another coach group (process ${holder}) is using the rooms folder ${folder}: stop it first, or pass another folder with --rooms-dir`);
      }
      await unlink(path).catch(() => {});
    }
  }
}

/** Deletes a room's file: a hosted room closed after a time without activity keeps nothing. */
export async function deleteRoomFile(folder: string, code: string): Promise<void> {
  await unlink(roomFilePath(folder, code)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
