// Makes sure the tests of hosted rooms have a Redis (or Valkey) server to start: redis-server or
// valkey-server on the PATH, otherwise (on Debian or Ubuntu, as root) Debian's redis-server
// package, saying so. Prints the program's path; exits 1 with a reason if there is none.
import { spawnSync } from 'node:child_process';
import { aptInstall, canAptInstall } from './apt-install.mjs';

const find = () => ['redis-server', 'valkey-server'].map((name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()).find(Boolean);

let found = find();
if (!found && canAptInstall() && aptInstall('redis-server', 'No Redis or Valkey server found.')) found = find();
if (!found) {
  console.error('The tests of hosted rooms start a Redis or Valkey server: install redis-server (or valkey-server), or set REDIS_SERVER to its path, and run the tests again.');
  process.exit(1);
}
console.log(`Hosted-room tests will start ${found}.`);
