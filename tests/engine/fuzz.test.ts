/**
 * No scenario file, however broken or hostile, makes the engine throw: a few hundred mutated files
 * from the project's own scenarios, with a fixed seed so a failure can be replayed. `npm run fuzz`
 * runs many more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileScenario, throughWholePipeline } from '../fuzz/hostile-scenarios.ts';

describe('the whole pipeline on hostile files', () => {
  it('never throws, from parse to diagram', () => {
    fc.assert(
      fc.property(hostileScenario({ maxDepth: 60 }), fc.infiniteStream(fc.nat()), ({ name, text }, picks) => {
        const numbers = picks[Symbol.iterator]();
        expect(() => throughWholePipeline(text, name, () => numbers.next().value as number)).not.toThrow();
      }),
      { seed: 20_251_201, numRuns: 200 },
    );
    // A few seconds on a quiet machine; room for a loaded one.
  }, 120_000);
});
