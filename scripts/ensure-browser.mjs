// Makes sure the browser tests have a browser: Chrome or Chromium if one is installed, otherwise
// (on Debian or Ubuntu, as root) Debian's chromium package, saying so. Exits 1 with a reason if
// neither is possible.
import { aptInstall, canAptInstall } from './apt-install.mjs';
import { findBrowser } from './browser-path.mjs';

const found = findBrowser();
if (found) {
  console.log(`Browser tests will use ${found}.`);
  process.exit(0);
}

if (canAptInstall()) {
  const ok = aptInstall('chromium', 'No Chrome or Chromium found.');
  const installed = findBrowser();
  if (ok && installed) {
    console.log(`Installed. Browser tests will use ${installed}.`);
    process.exit(0);
  }
  console.error('Installing chromium failed; see the apt-get messages above.');
  process.exit(1);
}

console.error('The browser tests need Chrome or Chromium. Install one (or set CHROME_PATH to its executable) and run the tests again.');
process.exit(1);
