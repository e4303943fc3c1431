import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Subprocess tests start the bundled CLI; give the two cores room.
    testTimeout: 20_000,
    globalSetup: ['tests/global-setup.ts'],
  },
});
