// Bundles the terminal runner to build/cli, so `coach` starts without a TypeScript loader. Code
// splitting keeps each command's imports (the engine, Ink and React) out of the entry chunk, and
// commander is bundled in rather than loaded from node_modules: `coach --help` then reads one
// small file, which keeps it close to bare Node's start-up time.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildCoderModel } from './coder/build-model.ts';

// The coder's model is learnt from the library first: the runner bundles it, and the engine reads it.
console.log(await buildCoderModel());

rmSync('build/cli', { recursive: true, force: true });

await build({
  entryPoints: { coach: 'cli/coach.ts' },
  outdir: 'build/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['ink', 'react', 'react-dom'],
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'warning',
  // commander is CommonJS; give its bundled require() calls a require to call.
  banner: { js: "import { createRequire as __coachCreateRequire } from 'node:module'; const require = __coachCreateRequire(import.meta.url);" },
});

// The help texts, as commander prints them at 80 columns, for bin/coach.cjs to answer `--help`
// without loading the runner. Written from the runner just built, so they never drift from it.
const { execFileSync } = await import('node:child_process');
const { writeFileSync } = await import('node:fs');
const helpOf = (...args) => execFileSync(process.execPath, ['build/cli/coach.js', ...args, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '80' } });
const commands = [...helpOf().matchAll(/^ {2}([a-z]+) /gm)].map(([, name]) => name).filter((name) => name !== 'help');
writeFileSync('build/cli/help.json', `${JSON.stringify(Object.fromEntries([['', helpOf()], ...commands.map((name) => [name, helpOf(name)])]), null, 2)}\n`);
