// The room server in a process of its own, for the fuzz and the kill test: Node runs this file as
// it is (type stripping), so a test can watch the process itself, which must never exit on a bad
// request, and can kill it mid-burst. It serves a tiny site and the scenario
// tests/fixtures/scenarios/every-feature.md, opens (or carries on with) a room, and prints one
// JSON line: {"port", "code", "key", "pid"}. It stops on SIGTERM; SIGKILL is the crash.
//
//   node tests/fuzz/room-server-process.ts <rooms folder> [port] [--generous-limits]
//
// --generous-limits lifts the per-address limits far above a flood, so that a fuzz from one
// address reaches the handlers rather than the limits (which have tests of their own).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latestOpenRoom, startRoomServer } from '../../cli/commands/group/server.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { lintScenarioFiles } from '../../src/node/scenario-files.ts';

const [roomsDir, port = '0', flag] = process.argv.slice(2);
const plenty = { burst: 1e9, perSecond: 1e9 };
if (!roomsDir) throw new Error('usage: room-server-process.ts <rooms folder> [port]');
const [result] = await lintScenarioFiles([fileURLToPath(new URL('../fixtures/scenarios/every-feature.md', import.meta.url))]);
if (!result?.scenario) throw new Error(`the fixture did not lint: ${result?.file.messages.map(String).join('; ')}`);
const { scenario } = result;
const loaded = { scenario, machine: compileScenario(scenario) };
const siteDir = mkdtempSync(join(tmpdir(), 'room-site-'));
writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Course</title>');

const server = await startRoomServer({
  host: '127.0.0.1',
  port: Number(port),
  siteDir,
  roomsDir,
  loadScenario: async (id) => (id === scenario.id ? loaded : undefined),
  warn: (line) => process.stderr.write(`${line}\n`),
  ...(flag === '--generous-limits' ? { limits: { lookups: plenty, joins: plenty, changes: plenty, reads: plenty, socketsPerAddress: 1e9 } } : {}),
});
const hosted = latestOpenRoom(server.rooms.values(), scenario.id) ?? (await server.openRoom(loaded));
process.stdout.write(`${JSON.stringify({ port: server.address.port, code: hosted.code, key: hosted.key, pid: process.pid })}\n`);
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
