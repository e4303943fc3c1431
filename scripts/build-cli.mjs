// Bundles the terminal runner to build/cli, so `coach` starts without a TypeScript loader. Code
// splitting keeps each command's imports (the engine, Ink and React) out of the entry chunk:
// `coach --help` loads only commander.
import { build } from 'esbuild';

await build({
  entryPoints: { coach: 'cli/coach.ts' },
  outdir: 'build/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
});
