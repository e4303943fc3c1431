// `npm run fuzz server [cases] [seed]`: many hostile requests (tests/fuzz/hostile-requests.ts) at
// the room server running in a process of its own; it reports the answers by status and fails if
// the server ever answered 5xx, logged an unexpected error, or exited. See the end of this file.
//
// `npm run fuzz [cases] [seed]`: many hostile scenario files (see tests/fuzz/hostile-scenarios.ts)
// through the engine's whole pipeline, going on past failures, on every core. It reports how many
// cases ran, how many threw (each input saved to a temporary file to replay), and the slowest case
// (saved too). Each worker keeps the case it is running in `current-N.md` there, so that a case
// that hangs can be found and replayed. Exits 1 if any case threw. `npm test` runs a few hundred
// of the same cases with a fixed seed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { hostileRequest, sendRaw, startServerProcess, stillServing } from '../tests/fuzz/hostile-requests.ts';
import { hostileScenario, throughWholePipeline } from '../tests/fuzz/hostile-scenarios.ts';

interface Share {
  readonly cases: number;
  readonly seed: number;
  readonly folder: string;
  readonly worker: number;
}

interface Outcome {
  readonly ran: number;
  /** Cases with no errors, which went on to be played, debriefed and drawn. */
  readonly played: number;
  readonly failures: string[];
  readonly slowest: { ms: number; name: string; path: string };
}

/** Runs one worker's share of the cases, saving failures and the slowest case in `folder`. */
function runShare({ cases, seed, folder, worker }: Share): Outcome {
  const failures: string[] = [];
  let slowest = { ms: 0, name: '', text: '' };
  let ran = 0;
  let played = 0;
  fc.check(
    fc.property(hostileScenario({ maxDepth: 3000 }), fc.infiniteStream(fc.nat()), ({ name, text }, picks) => {
      const numbers = picks[Symbol.iterator]();
      writeFileSync(join(folder, `current-${worker}.md`), text);
      const start = performance.now();
      try {
        if (throughWholePipeline(text, name, () => numbers.next().value as number).played) played++;
      } catch (error) {
        const saved = join(folder, `failure-${worker}-${failures.length + 1}.md`);
        writeFileSync(saved, text);
        failures.push(`${saved} (as ${name}): ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`);
      }
      const ms = performance.now() - start;
      if (ms > slowest.ms) slowest = { ms, name, text };
      ran++;
      return true;
    }),
    { numRuns: cases, seed },
  );
  const path = join(folder, `slowest-${worker}.md`);
  writeFileSync(path, slowest.text);
  return { ran, played, failures, slowest: { ms: slowest.ms, name: slowest.name, path } };
}

/** Hostile requests at the room server in its own process, one after another; the outcome said on stdout. */
async function fuzzServer(cases: number, seed: number): Promise<boolean> {
  const server = await startServerProcess(mkdtempSync(join(tmpdir(), 'coach-fuzz-rooms-')), { generousLimits: true });
  const statuses = new Map<string, number>();
  const failures: string[] = [];
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(hostileRequest(server.room), async (request) => {
      const answer = await sendRaw(server.room.port, request.bytes, request.frames);
      const status = String(answer.status ?? 'closed');
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (answer.status !== undefined && answer.status >= 500) failures.push(`answered ${answer.status} to: ${JSON.stringify(request.shown)}`);
      if (server.child.exitCode !== null) throw new Error(`the server exited after: ${JSON.stringify(request.shown)}`);
    }),
    { numRuns: cases, seed },
  ).catch((error: Error) => failures.push(error.message));
  const serving = await stillServing(server);
  if (!serving) failures.push('the server no longer answers');
  const unexpected = server.stderr().split('\n').filter((line) => line.startsWith('Unexpected error'));
  failures.push(...unexpected);
  server.child.kill('SIGTERM');
  console.log(`fuzz server: ${cases} requests (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(0)} s; answers: ${[...statuses].sort().map(([status, count]) => `${status} ×${count}`).join(', ')}`);
  console.log(`failures: ${failures.length}${failures.slice(0, 20).map((failure) => `\n  ${failure}`).join('')}`);
  return failures.length === 0;
}

if (isMainThread && process.argv[2] === 'server') {
  const cases = Number(process.argv[3] ?? 5_000);
  const seed = Number(process.argv[4] ?? Date.now() % 2 ** 31);
  process.exitCode = (await fuzzServer(cases, seed)) ? 0 : 1;
} else if (isMainThread) {
  const cases = Number(process.argv[2] ?? 20_000);
  const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
  const folder = mkdtempSync(join(tmpdir(), 'coach-fuzz-'));
  const workers = Math.max(1, Math.min(availableParallelism(), cases));
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: workers }, (_, worker) => {
      const share: Share = { cases: Math.floor(cases / workers) + (worker < cases % workers ? 1 : 0), seed: seed + worker, folder, worker };
      return new Promise<Outcome>((resolve, reject) => {
        const thread = new Worker(new URL(import.meta.url), { workerData: share });
        thread.once('message', resolve);
        thread.once('error', reject);
      });
    }),
  );
  const failures = outcomes.flatMap((outcome) => outcome.failures);
  const slowest = outcomes.map((outcome) => outcome.slowest).sort((a, b) => b.ms - a.ms)[0]!;
  const ran = outcomes.reduce((sum, outcome) => sum + outcome.ran, 0);
  const played = outcomes.reduce((sum, outcome) => sum + outcome.played, 0);
  console.log(`fuzz: ${ran} cases (seed ${seed}, ${workers} workers) in ${((performance.now() - started) / 1000).toFixed(0)} s; ${played} without errors, so also played, debriefed and drawn`);
  console.log(`failures: ${failures.length}${failures.map((failure) => `\n  ${failure}`).join('')}`);
  console.log(`slowest case: ${slowest.ms.toFixed(0)} ms as ${slowest.name}, saved to ${slowest.path}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} else {
  parentPort!.postMessage(runShare(workerData as Share));
}
