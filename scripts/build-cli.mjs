// Bundles the terminal runner to build/cli, so `coach` starts without a TypeScript loader. Code
// splitting keeps each command's imports (the engine, Ink and React) out of the entry chunk, and
// commander is bundled in rather than loaded from node_modules: `coach --help` then reads one
// small file, which keeps it close to bare Node's start-up time.
import { renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildCoderModel } from './coder/build-model.ts';

// The coder's model is learnt from the library first: the runner bundles it, and the engine reads it.
console.log(await buildCoderModel());

// Built beside the old runner and swapped in at the end, so a test run or a command started
// meanwhile (another test run, a second terminal) never finds build/cli missing or half written.
const fresh = `build/cli-${process.pid}`;
rmSync(fresh, { recursive: true, force: true });

// The coder's model (some 450 KB of JSON, loaded by every command that checks a scenario) goes in
// as a JSON.parse of one string rather than as an object literal: V8 reads JSON about twice as
// fast as the same data written as JavaScript, which took about 45 ms off each `coach test`.
const modelAsJsonText = {
  name: 'model-as-json-text',
  setup(build) {
    build.onLoad({ filter: /[\\/]model\.generated\.json$/ }, async ({ path }) => {
      const { readFile } = await import('node:fs/promises');
      const text = JSON.stringify(JSON.parse(await readFile(path, 'utf8')));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

await build({
  entryPoints: { coach: 'cli/coach.ts' },
  plugins: [modelAsJsonText],
  outdir: fresh,
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

// The LMS bridge that `coach package` puts in each package, and only there: the launch page's
// script (an ES module) and the script every packaged page loads first (a classic script, so that
// it runs before the page's own and can find its own address). Rolldown, the bundler the site's
// build uses, rather than esbuild: it drops what the schema's `z` namespace carries and the
// bridge never calls (zod's error messages in forty languages): 60 KB gzipped instead of 141.
// Written over in place, never removed first: two fixed names, and a package being made meanwhile
// (another test run) never finds the folder empty.
const { build: bundle } = await import('rolldown');
for (const [name, format] of [['launch', 'esm'], ['in-package', 'iife']]) {
  await bundle({ input: `src/lms/${name}.ts`, platform: 'browser', logLevel: 'warn', output: { dir: 'build/lms', entryFileNames: `${name}.js`, format, minify: true, codeSplitting: false } });
}

// The help texts, as commander prints them at 80 columns, for bin/coach.cjs to answer `--help`
// without loading the runner. Written from the runner just built, so they never drift from it.
const { execFileSync } = await import('node:child_process');
const { writeFileSync } = await import('node:fs');
const helpOf = (...args) => execFileSync(process.execPath, [`${fresh}/coach.js`, ...args, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '80' } });
const commands = [...helpOf().matchAll(/^ {2}([a-z]+) /gm)].map(([, name]) => name).filter((name) => name !== 'help');
writeFileSync(`${fresh}/help.json`, `${JSON.stringify(Object.fromEntries([['', helpOf()], ...commands.map((name) => [name, helpOf(name)])]), null, 2)}\n`);

const old = `build/cli-old-${process.pid}`;
try {
  renameSync('build/cli', old);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(fresh, 'build/cli');
rmSync(old, { recursive: true, force: true });
