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

if (isMainThread) {
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
