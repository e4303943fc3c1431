// `npm run fuzz [cases] [seed]`: many hostile scenario files (see tests/fuzz/hostile-scenarios.ts)
// through the engine's whole pipeline, going on past failures. It reports how many cases ran, how
// many threw (each input saved to a temporary file to replay), and the slowest case (saved too).
// The case being run is kept in `current.md` there, to replay one that hangs. Exits 1 if any threw. `npm test` runs a few hundred of the same cases with a fixed seed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { hostileScenario, throughWholePipeline } from '../tests/fuzz/hostile-scenarios.ts';

const cases = Number(process.argv[2] ?? 20_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const folder = mkdtempSync(join(tmpdir(), 'coach-fuzz-'));
const failures: string[] = [];
let slowest = { ms: 0, name: '', text: '' };
let ran = 0;
let clean = 0;
const started = performance.now();

fc.check(
  fc.property(hostileScenario({ maxDepth: 3000 }), fc.infiniteStream(fc.nat()), ({ name, text }, picks) => {
    const numbers = picks[Symbol.iterator]();
    // Saved before it runs, so that a case that hangs can be found and replayed.
    writeFileSync(join(folder, 'current.md'), text);
    const start = performance.now();
    try {
      if (throughWholePipeline(text, name, () => numbers.next().value as number).messages === 0) clean++;
    } catch (error) {
      const saved = join(folder, `failure-${failures.length + 1}.md`);
      writeFileSync(saved, text);
      failures.push(`${saved} (as ${name}): ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`);
    }
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { ms, name, text };
    if (++ran % 1000 === 0) process.stderr.write(`  ${ran} cases, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    return true;
  }),
  { numRuns: cases, seed },
);

const slowestPath = join(folder, 'slowest.md');
writeFileSync(slowestPath, slowest.text);
console.log(`fuzz: ${ran} cases (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(0)} s; ${clean} without any message`);
console.log(`failures: ${failures.length}${failures.map((failure) => `\n  ${failure}`).join('')}`);
console.log(`slowest case: ${slowest.ms.toFixed(0)} ms, ${(slowest.text.length / 1024).toFixed(0)} KB as ${slowest.name}, saved to ${slowestPath}`);
process.exitCode = failures.length > 0 ? 1 : 0;
