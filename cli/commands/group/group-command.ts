/**
 * What `coach group` does: check the scenario, build the course if its group page is missing or
 * older than a scenario file (a file from outside scenarios/ has no page: its room keeps the file,
 * as a hosted server keeps an uploaded one, and its screen fetches it from the room), start the room server, carry on with this scenario's open room (or
 * open one), and print the facilitator's address, the join address and a QR code. It runs until stopped (Ctrl+C or a
 * signal) and never waits for keys, with or without a terminal.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import QRCode from 'qrcode';
import { displayPath, loadVocabulary, moduleIds, projectRoot, readScenarioFile, scenariosFolder } from '../../../src/node/scenario-files.ts';
import { stepIndexOf } from '../../../src/rooms/room.ts';
import { exitCodes } from '../../exit-codes.ts';
import { CommandError, loadScenarioArg } from '../../scenario-arg.ts';
import { buildSite, builtSiteDir, siteBuildNeeded } from '../../site-build.ts';
import { useColor } from '../../terminal.ts';
import { isAnyAddress, isLoopback, isPrivate, lanAddress, publicAddresses } from './addresses.ts';
import { RoomsFolderInUse } from './room-files.ts';
import type { GroupOptions } from './index.ts';
import { latestOpenRoom, startRoomServer, type LoadedScenario } from './server.ts';
import { refusalSentence, uploadChecker, type UploadedScenario } from './uploaded-scenarios.ts';

/** Where rooms are saved unless --rooms-dir says otherwise. */
export const defaultRoomsDir = join(projectRoot, '.coach', 'rooms');

/**
 * Where a running `coach group` says how to reach it, for a second `coach group` on the same rooms
 * folder: that one opens its room on the running server (one server, many rooms) rather than
 * failing. Readable by this user only: it holds the secret that opens rooms.
 */
const serverFile = (roomsDir: string) => join(roomsDir, '.server.json');

interface RunningGroupServer {
  readonly pid: number;
  readonly base: string;
  readonly secret: string;
}

/** Opens a room for a scenario (by id, or a file's text) on the `coach group` already running on this rooms folder, or says why it cannot. */
async function openOnRunningServer(roomsDir: string, body: { scenario: string } | UploadedScenario): Promise<{ room: { code: string; key: string; facilitator: string; join: string }; base: string; pid: number } | { problem: string }> {
  let running: RunningGroupServer;
  try {
    running = JSON.parse(await readFile(serverFile(roomsDir), 'utf8')) as RunningGroupServer;
  } catch {
    return { problem: 'it says nothing of how to reach it' };
  }
  try {
    const response = await fetch(`${running.base}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${running.secret}` },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { code: string; key: string; facilitator: string; join: string; error?: string };
    if (!response.ok) return { problem: answer.error ?? `it answered ${response.status}` };
    return { room: answer, base: running.base, pid: running.pid };
  } catch (error) {
    return { problem: `it does not answer at ${running.base} (${(error as Error).message})` };
  }
}
const siteDir = builtSiteDir;

const groupPage = (id: string) => join(siteDir, 'scenarios', id, 'group', 'index.html');

/** Runs `coach group` until it is stopped; returns the exit code. */
export async function groupCommand(arg: string, options: GroupOptions): Promise<number> {
  const fail = (message: string, code: number) => {
    process.stderr.write(`coach: ${message}\n`);
    return code;
  };
  const [modules, { vocabulary }] = await Promise.all([moduleIds(), loadVocabulary()]);
  // Checks a file kept with its room, now and whenever the room is resumed, as `coach serve` checks an uploaded one.
  const checkUpload = uploadChecker(modules, vocabulary);
  let loaded: LoadedScenario;
  let upload: UploadedScenario | undefined;
  if (existsSync(arg) && resolve(dirname(arg)) !== resolve(scenariosFolder)) {
    const { file, readable } = await readScenarioFile(arg);
    if (!readable) return fail(`${file.path}: ${file.messages[0]?.reason ?? 'the file cannot be read'}`, exitCodes.problem);
    upload = { fileName: basename(arg), markdown: String(file.value) };
    const check = checkUpload(upload);
    if (!check.ok) return fail(refusalSentence(displayPath(arg), check.problems), exitCodes.problem);
    loaded = check.loaded;
  } else {
    try {
      loaded = await loadScenarioArg(arg);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      return fail(error.message, error.exitCode);
    }
  }
  const { scenario } = loaded;
  // The group page shows the options the built scenario has, and phones vote by their numbers, so
  // a page older than an edit would count votes against the wrong options: build it again first.
  const page = upload ? join(siteDir, 'rooms', 'play', 'index.html') : groupPage(scenario.id);
  const why = siteBuildNeeded(page);
  if (why && !buildSite(why)) return fail('the course could not be built; `npm run build` shows why', exitCodes.problem);
  if (!existsSync(page)) {
    return fail(`the course has no page for \`${scenario.id}\`: coach group serves scenarios from scenarios/ (or COACH_SCENARIOS_DIR), so put the file there`, exitCodes.usage);
  }

  const lan = lanAddress();
  const host = options.host ?? lan ?? '127.0.0.1';
  const roomsDir = options.roomsDir ?? defaultRoomsDir;
  const warn = (line: string) => process.stderr.write(`coach: ${line}\n`);
  // Rooms of other scenarios come from scenarios/ as they are asked for: resumed ones, and those a second coach group opens here.
  const loadScenario = async (id: string) => {
    if (id === scenario.id && !upload) return loaded;
    return loadScenarioArg(id).catch(() => undefined);
  };

  const out = (text = '') => process.stdout.write(`${text}\n`);
  // Other scenarios' rooms can be opened on this server by a second `coach group` (see serverFile).
  const secret = randomBytes(24).toString('base64url');
  let server;
  try {
    server = await startRoomServer({ host, port: options.port, siteDir, roomsDir, loadScenario, checkUpload, warn, organiserPassphrase: secret });
  } catch (error) {
    if (error instanceof RoomsFolderInUse) {
      // Two rooms on one laptop: the second goes on the server already running, which holds the folder.
      const opened = await openOnRunningServer(roomsDir, upload ?? { scenario: scenario.id });
      if ('problem' in opened) return fail(`${error.message}; it could not open another room (${opened.problem})`, exitCodes.problem);
      if (options.json) out(JSON.stringify(opened.room));
      out(`Room ${opened.room.code} for “${scenario.meta.title}”, new, on the coach group already running on this computer (process ${opened.pid}) at ${opened.base}.`);
      await printAddresses(opened.room.facilitator, opened.room.join, opened.room.code);
      out(`The room lives on that server: it stops when that one does (Ctrl+C there), and carries on when it starts again.`);
      return exitCodes.ok;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return fail(`port ${options.port} is in use on ${host}; pass another with --port (0 picks a free one)`, exitCodes.problem);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return fail(`cannot listen on \`${host}\`: it is not an address of this computer${lan ? ` (its address on the local network is ${lan})` : ''}`, exitCodes.usage);
    // Any other error naming a path is the rooms folder's: it could not be made, locked or read.
    if ((error as NodeJS.ErrnoException).path !== undefined) return fail(`rooms cannot be saved in ${displayPath(roomsDir)} (${(error as Error).message}): pass a folder this user can write to with --rooms-dir`, exitCodes.problem);
    throw error;
  }

  const carriedOn = options.newRoom ? undefined : latestOpenRoom(server.rooms.values(), scenario.id, upload);
  let hosted;
  try {
    hosted = carriedOn ?? (await server.openRoom(loaded, upload));
  } catch (error) {
    await server.close();
    return fail(`the room could not be saved in ${displayPath(roomsDir)} (${(error as Error).message}), so it would not survive a restart: pass a folder this user can write to with --rooms-dir`, exitCodes.problem);
  }
  const urlHost = isAnyAddress(host) ? (lan ?? '127.0.0.1') : host;
  const base = `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${server.address.port}`;
  const facilitator = `${base}${upload ? '/rooms/play/' : `/scenarios/${scenario.id}/group/`}?room=${hosted.code}#key=${hosted.key}`;
  const joinUrl = `${base}/join/?code=${hosted.code}`;

  await writeFile(serverFile(roomsDir), `${JSON.stringify({ pid: process.pid, base, secret } satisfies RunningGroupServer)}\n`, { mode: 0o600 });
  if (options.json) out(JSON.stringify({ facilitator, join: joinUrl, code: hosted.code, key: hosted.key }));
  out(`Room ${hosted.code} for “${scenario.meta.title}”${carriedOn ? `, carried on at step ${stepIndexOf(hosted.room.context) + 1}` : ', new'}.`);
  const reach = isLoopback(host)
    ? 'this computer only'
    : isAnyAddress(host)
      ? 'every address of this computer'
      : isPrivate(host)
        ? "this computer's address on the local network"
        : 'a public address: anyone who can reach it can open the course and join with the room code';
  out(`Serving the course and the room at ${base} (listening on ${host}, ${reach}).`);
  if (isLoopback(host)) {
    const others = publicAddresses();
    out(`Phones cannot reach ${host}.${lan ? ` For phones, start with --host ${lan} (this computer's address on the local network).` : others.length > 0 ? ` This computer has no private network address, only ${others.join(', ')}, which is public: pass it with --host only if anyone who can reach it may join.` : ''}`);
  }
  await printAddresses(facilitator, joinUrl, hosted.code);
  out(`Rooms are saved in ${displayPath(roomsDir)}${server.resumed > 0 ? ` (${server.resumed} resumed)` : ''}. Stop with Ctrl+C; the room carries on when you start again.`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // The folder may be gone or unwritable by now (the server said so while it ran): stopping still stops.
  await rm(serverFile(roomsDir), { force: true }).catch(() => {});
  await server.close();
  return exitCodes.ok;
}

/** The facilitator's address, the phones' address and a QR code for it, as a facilitator reads them off the terminal. */
async function printAddresses(facilitator: string, joinUrl: string, code: string): Promise<void> {
  const out = (text = '') => process.stdout.write(`${text}\n`);
  out();
  out("Facilitator (this address holds the room's key: keep it to yourself):");
  out(`  ${facilitator}`);
  out();
  out('Join on a phone on the same network:');
  out(`  ${joinUrl}   (room code ${code})`);
  out();
  out(await QRCode.toString(joinUrl, useColor(process.stdout) ? { type: 'terminal', small: true } : { type: 'utf8', margin: 2 }));
}
