/**
 * The rooms folder's lock after a crash in a container: the restarted server often has the same
 * process id as the one that was killed (PID 1 under `docker run`/`docker restart`), so a lock
 * holding this very process's id, taken by no server of this process, is a stale one to take over,
 * not "another coach group". A second server in the same process is still refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockRoomsFolder, RoomsFolderInUse } from '../../cli/commands/group/room-files.ts';

describe('the rooms folder lock', () => {
  it('takes over a lock left with this process id by an earlier run (a restarted container)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rooms-'));
    writeFileSync(join(folder, '.lock'), `${process.pid}\n`);
    const release = await lockRoomsFolder(folder);
    await expect(lockRoomsFolder(folder)).rejects.toThrow(RoomsFolderInUse);
    await release();
    const again = await lockRoomsFolder(folder);
    await again();
  });
});
