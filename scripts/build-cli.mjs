// Bundles the terminal runner to build/cli, so `coach` starts without a TypeScript loader. Code
// splitting keeps each command's imports (the engine, Ink and React) out of the entry chunk, and
// commander is bundled in rather than loaded from node_modules: `coach --help` then reads one
// small file, which keeps it close to bare Node's start-up time.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('build/cli', { recursive: true, force: true });

await build({
  entryPoints: { coach: 'cli/coach.ts' },
  outdir: 'build/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: Object.keys(dependencies).filter((name) => name !== 'commander'),
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
  // commander is CommonJS; give its bundled require() calls a require to call.
  banner: { js: "import { createRequire as __coachCreateRequire } from 'node:module'; const require = __coachCreateRequire(import.meta.url);" },
});
