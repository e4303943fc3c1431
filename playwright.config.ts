import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/browser-path.mjs';

// PLAYWRIGHT_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.PLAYWRIGHT_PORT ?? 4400);

/**
 * Browser tests against the built site (`astro build` first; `npm test` does it), in the Chrome
 * or Chromium installed on this machine: Playwright's own browser download is not used.
 */
export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: 2,
  // One retry in CI, where two cores are shared with the preview server and a timing race can
  // fail a sound test once; npm test names every test that needed it, so none hides.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: findBrowser(),
      args: ['--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    acceptDownloads: true,
    // The service worker copies the whole course (about 9 MB) in the background of the first
    // visit; two cores would do that in every test. Only offline.spec.ts, which tests it, lets it run.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node node_modules/astro/bin/astro.mjs preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
