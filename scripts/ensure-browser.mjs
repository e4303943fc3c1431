// Makes sure the browser tests have a browser: Chrome or Chromium if one is installed, otherwise
// (on Debian or Ubuntu, as root) Debian's chromium package, saying so. Exits 1 with a reason if
// neither is possible.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser } from './browser-path.mjs';

const found = findBrowser();
if (found) {
  console.log(`Browser tests will use ${found}.`);
  process.exit(0);
}

const isRoot = process.getuid?.() === 0;
if (process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log("No Chrome or Chromium found. Installing Debian's chromium package (apt-get install -y chromium); this takes a minute or two, once.");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
  const installed = findBrowser();
  if (install.status === 0 && installed) {
    console.log(`Installed. Browser tests will use ${installed}.`);
    process.exit(0);
  }
  console.error('Installing chromium failed; see the apt-get messages above.');
  process.exit(1);
}

console.error('The browser tests need Chrome or Chromium. Install one (or set CHROME_PATH to its executable) and run the tests again.');
process.exit(1);
