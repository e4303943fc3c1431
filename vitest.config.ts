import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Subprocess tests start the bundled CLI; give the two cores room.
    testTimeout: 20_000,
    globalSetup: ['tests/global-setup.ts'],
    // One temporary folder for the run, for the tests and every program they start (os.tmpdir()
    // reads TMPDIR); tests/global-setup.ts makes it and removes it at the end.
    env: { TMPDIR: join(tmpdir(), `rcp-tests-${process.pid}`) },
  },
});
