/**
 * What `coach serve` does: serve the course and rooms for many groups at once, on a server with a
 * public address (behind a TLS reverse proxy). Facilitators open rooms from the browser (or scripts
 * over `POST /api/rooms`) with the organiser passphrase, which comes from the environment or a
 * file, never the command line (where `ps` and shell histories would show it). Rooms live in a
 * folder this process holds, or in Redis or Valkey shared by several processes; either way a room
 * closes after a time without changes and nothing of it is kept. A room may play a scenario file
 * the organiser uploads instead of one of the course's (uploaded-scenarios.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath, loadVocabulary, moduleIds, projectRoot } from '../../../src/node/scenario-files.ts';
import { exitCodes } from '../../exit-codes.ts';
import { loadScenarioArg } from '../../scenario-arg.ts';
import { buildSite, builtSiteDir, siteBuildNeeded } from '../../site-build.ts';
import { RoomsFolderInUse } from './room-files.ts';
import type { RoomStore } from './room-store.ts';
import { sharedAddressLimits } from './abuse-limits.ts';
import { startRoomServer, type LoadedScenario } from './server.ts';
import { uploadChecker } from './uploaded-scenarios.ts';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Redis or Valkey, shared by every process that serves the same rooms. */
  readonly redis?: string;
  readonly roomsDir?: string;
  readonly publicUrl?: string;
  readonly trustProxy?: boolean;
  /** How long a room lives without a change, in milliseconds. */
  readonly idle: number;
  /** A built course to serve as it is, rather than dist/ (built first when a scenario or module is newer). */
  readonly site?: string;
}

/** A passphrase shorter than this is refused: it is all that stands between strangers and opening rooms. */
export const minPassphraseLength = 12;

/** The organiser passphrase, from COACH_ORGANISER_PASSPHRASE or the file COACH_ORGANISER_PASSPHRASE_FILE names; or why there is none. */
export function organiserPassphrase(env: NodeJS.ProcessEnv): { passphrase: string } | { problem: string } {
  const file = env.COACH_ORGANISER_PASSPHRASE_FILE;
  let passphrase = env.COACH_ORGANISER_PASSPHRASE;
  if (file) {
    try {
      passphrase = readFileSync(file, 'utf8').trim();
    } catch (error) {
      return { problem: `cannot read the organiser passphrase from ${file} (COACH_ORGANISER_PASSPHRASE_FILE): ${(error as Error).message}` };
    }
  }
  if (!passphrase) {
    return { problem: 'no organiser passphrase: set COACH_ORGANISER_PASSPHRASE, or COACH_ORGANISER_PASSPHRASE_FILE to a file holding it, so that only organisers can open rooms' };
  }
  if (passphrase.length < minPassphraseLength) return { problem: `the organiser passphrase is ${passphrase.length} characters: use at least ${minPassphraseLength}, such as four unrelated words` };
  return { passphrase };
}

/** Runs `coach serve` until it is stopped; returns the exit code. */
export async function serveCommand(options: ServeOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const fail = (message: string, code: number) => {
    process.stderr.write(`coach: ${message}\n`);
    return code;
  };
  const secret = organiserPassphrase(env);
  if ('problem' in secret) return fail(secret.problem, exitCodes.usage);
  const redisUrl = options.redis ?? env.COACH_REDIS_URL;
  const publicUrl = options.publicUrl ?? env.COACH_PUBLIC_URL;
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(publicUrl)) return fail(`unexpected public address \`${publicUrl}\`, expected one such as https://rooms.example.org`, exitCodes.usage);

  const siteDir = options.site ?? builtSiteDir;
  if (options.site === undefined) {
    const why = siteBuildNeeded(join(builtSiteDir, 'index.html'));
    if (why && !buildSite(why)) return fail('the course could not be built; `npm run build` shows why', exitCodes.problem);
  } else if (!existsSync(join(siteDir, 'index.html'))) {
    return fail(`${displayPath(siteDir)} has no index.html: pass the folder \`npm run build\` wrote (dist/)`, exitCodes.usage);
  }

  // Scenarios are read from scenarios/ when a room first needs them, and kept: a deploy serves the version it started with.
  const scenarios = new Map<string, Promise<LoadedScenario | undefined>>();
  const loadScenario = (id: string) => {
    if (!scenarios.has(id)) scenarios.set(id, loadScenarioArg(id).catch(() => undefined));
    return scenarios.get(id)!;
  };
  // Uploaded files are checked against the modules and vocabulary this process started with, as the course's own scenarios are.
  const [modules, { vocabulary }] = await Promise.all([moduleIds(), loadVocabulary()]);
  const checkUpload = uploadChecker(modules, vocabulary);
  const warn = (line: string) => process.stderr.write(`coach: ${line}\n`);
  const roomsDir = options.roomsDir ?? join(projectRoot, '.coach', 'served-rooms');

  let store: RoomStore | undefined;
  if (redisUrl) {
    const { RedisRoomStore } = await import('./redis-room-store.ts');
    try {
      store = await RedisRoomStore.connect(redisUrl, options.idle);
    } catch (error) {
      return fail((error as Error).message, exitCodes.problem);
    }
  }
  let server;
  try {
    server = await startRoomServer({
      host: options.host,
      port: options.port,
      siteDir,
      roomsDir,
      store,
      loadScenario,
      checkUpload,
      warn,
      organiserPassphrase: secret.passphrase,
      publicUrl,
      trustProxy: options.trustProxy,
      idleMs: options.idle,
      limits: sharedAddressLimits,
    });
  } catch (error) {
    await store?.close();
    if (error instanceof RoomsFolderInUse) return fail(`${error.message.replace('coach group', 'server')}; several processes share rooms through Redis (--redis)`, exitCodes.problem);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return fail(`port ${options.port} is in use on ${options.host}; pass another with --port`, exitCodes.problem);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return fail(`cannot listen on \`${options.host}\`: it is not an address of this computer`, exitCodes.usage);
    if ((error as NodeJS.ErrnoException).path !== undefined) return fail(`rooms cannot be kept in ${displayPath(roomsDir)} (${(error as Error).message}): pass a folder this user can write to with --rooms-dir`, exitCodes.problem);
    throw error;
  }

  const local = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${server.address.port}`;
  const base = publicUrl?.replace(/\/+$/, '') ?? local;
  const hours = options.idle / 3_600_000;
  const out = (text = '') => process.stdout.write(`${text}\n`);
  out(`Serving the course and group rooms at ${base}${publicUrl ? ` (listening on ${local})` : ''}.`);
  out(`Rooms are kept in ${server.where}; a room closes ${hours >= 1 ? `${Number(hours.toFixed(1))} hours` : `${Math.round(options.idle / 60_000)} minutes`} after its last change, and nothing of it is kept.`);
  out(`Facilitators open a room at ${base}/rooms/new/ with the organiser passphrase.`);
  out('Stop with Ctrl+C.');

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return exitCodes.ok;
}
