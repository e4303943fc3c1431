// The CLI tests run the bundled `coach`, as users do; build it fresh first. Every temporary folder
// the tests make goes inside the run's own (TMPDIR, set in vitest.config.ts), removed at the end,
// so `npm test` leaves nothing behind in the system's temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
  const folder = project.config.env.TMPDIR!;
  mkdirSync(folder, { recursive: true });
  return () => {
    // A program a test started may still be writing its compile cache here as it exits: retry.
    try {
      rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      process.stderr.write(`Could not remove the tests' temporary folder ${folder}: ${String(error)}\n`);
    }
  };
}
