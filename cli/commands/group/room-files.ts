/**
 * Rooms on disk: one JSON file per room in the rooms folder, written whole on every change (to a
 * temporary file, then renamed, so a crash never leaves half a room), and read back on start.
 * The room inside is the room module's own saved form (src/rooms/saved-room.ts).
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { savedRoomSchema, type SavedRoom } from '../../../src/rooms/schema.ts';

/** What a room's file holds: its code and key beside the saved room. */
export interface RoomFile {
  readonly code: string;
  /** The facilitator's key: whoever has it can move the room on. */
  readonly key: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly room: SavedRoom;
}

const roomFileSchema = z.object({
  code: z.string().regex(/^[A-Z0-9]{4,12}$/),
  key: z.string().min(16),
  createdAt: z.string(),
  updatedAt: z.string(),
  room: z.unknown(),
});

/** Where a room's file is. */
export const roomFilePath = (folder: string, code: string): string => join(folder, `${code}.json`);

/** Writes a room's file whole; the folder is made if needed. Readable by this user only: it holds the key. */
export async function writeRoomFile(folder: string, file: RoomFile): Promise<void> {
  await mkdir(folder, { recursive: true });
  const path = roomFilePath(folder, file.code);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

/** Every room file in the folder: the readable ones, and a reason for each one that is not. */
export async function readRoomFiles(folder: string): Promise<{ files: RoomFile[]; problems: string[] }> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const files: RoomFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      const data = roomFileSchema.parse(JSON.parse(await readFile(join(folder, name), 'utf8')));
      const room = savedRoomSchema.safeParse(data.room);
      if (!room.success) throw new Error('its room is not in the expected shape');
      files.push({ ...data, room: room.data });
    } catch (error) {
      problems.push(`${name} was left as it is: ${error instanceof SyntaxError ? 'it is not JSON' : error instanceof z.ZodError ? 'it is not a room file' : (error as Error).message}`);
    }
  }
  return { files, problems };
}
