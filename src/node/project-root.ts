/**
 * The project's root folder: the nearest folder above this file with a package.json, so that it is
 * found from the sources and from the bundled terminal runner alike. A module of its own, importing
 * nothing of the engine, so the coder's build can use it before the coder's model exists.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
