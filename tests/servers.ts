/**
 * Real servers for the tests, started as users and CI start them: a free port on 127.0.0.1,
 * Debian's redis-server (or valkey-server, or $REDIS_SERVER) with nothing saved to disk, and
 * `coach serve` as a separate process. Each is stopped by its process id.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A process's first output that matches, or its exit with what it said. */
function waitForOutput(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  let said = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      said += chunk;
      const match = pattern.exec(said);
      if (match) resolve(match[0]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code} before it was ready: ${said}`)));
  });
}

/** A process's first line on standard output (a command's `--json` answer), or its exit with what it said on standard error. */
export function firstLineOf(child: ChildProcess, what: string): Promise<string> {
  let said = '';
  child.stderr?.on('data', (chunk: Buffer) => (said += chunk));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}: ${said}`)));
  });
}

export interface RunningServer {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Stops it (SIGTERM), or kills it at once (SIGKILL) as a crash would; settles when it has gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

function running(child: ChildProcess, port: number, url: string): RunningServer {
  const gone = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return {
    child,
    port,
    url,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await gone;
    },
  };
}

/** The Redis (or Valkey) server program: $REDIS_SERVER, else the first found on the PATH. */
export function redisServerProgram(): string {
  const found = process.env.REDIS_SERVER ?? ['redis-server', 'valkey-server'].map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()).find(Boolean);
  if (!found) throw new Error('No redis-server or valkey-server: `npm test` installs Debian\'s redis-server as root (scripts/ensure-redis.mjs); elsewhere install one, or set REDIS_SERVER');
  return found;
}

/** A Redis server on a free port of 127.0.0.1 that keeps nothing on disk. */
export async function startRedis(): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(redisServerProgram(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForOutput(child, /Ready to accept connections/, 'redis-server');
  return running(child, port, `redis://127.0.0.1:${port}`);
}

/** `coach serve` as a separate process on a free port, with the organiser passphrase in its environment. */
export async function startServe(args: readonly string[], passphrase: string): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/coach.mjs', 'serve', '--port', String(port), ...args], {
    env: { ...process.env, CI: 'true', COACH_ORGANISER_PASSPHRASE: passphrase },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForOutput(child, /Stop with Ctrl\+C/, 'coach serve');
  return running(child, port, `http://127.0.0.1:${port}`);
}
