// Installs a Debian package for the tests' own servers and browser, where that is possible: on
// Debian or Ubuntu, as root (CI and fresh machines). Says what it does; returns whether it worked.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether this machine can install Debian packages here. */
export const canAptInstall = () => process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');

/** Installs `name` with apt-get (after an update), saying why first. */
export function aptInstall(name, why) {
  console.log(`${why} Installing Debian's ${name} package (apt-get install -y ${name}); this takes a minute or two, once.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', name], { stdio: 'inherit', env }).status === 0;
}
