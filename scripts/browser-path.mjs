// Where a Chrome or Chromium already installed on this machine lives, for the browser tests.
// Playwright's own browser download is not used: it is not reachable from every machine.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The first browser found, or undefined. */
export function findBrowser() {
  return candidates.find((path) => path && existsSync(path));
}
