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
  return () => rmSync(folder, { recursive: true, force: true });
}
