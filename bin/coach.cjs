#!/usr/bin/env node
// The `coach` command. The runner itself is bundled to build/cli by `npm install` (the prepare
// script); this file checks that Node is new enough and starts it. It is CommonJS, and answers
// `coach --help` and `coach <command> --help` from help texts the build wrote (commander's own,
// at 80 columns), so that the help people type most starts as fast as Node itself: ES modules
// cost a loader, and the runner's entry a parse of commander.
'use strict';
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`coach: needs Node 22 or later, and this is Node ${process.versions.node}. Run it as \`npx coach\` from the project folder, which uses the Node 22 that \`npm install\` provides.\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const asksForHelp = (arg) => arg === '--help' || arg === '-h';
// A terminal narrower than the stored texts gets commander's own, wrapped to fit.
const fits = !process.stdout.isTTY || (process.stdout.columns ?? 80) >= 80;
if (fits && (args.length === 1 || args.length === 2) && asksForHelp(args.at(-1))) {
  let texts;
  try {
    texts = require('../build/cli/help.json');
  } catch {
    texts = {};
  }
  const text = texts[args.length === 1 ? '' : args[0]];
  if (typeof text === 'string') {
    process.stdout.write(text);
    return;
  }
}

// Cache compiled code between runs (Node 22.1+): start-up matters for a command people type often.
require('node:module').enableCompileCache?.();
import('../build/cli/coach.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('build/cli/coach.js')) {
    process.stderr.write('coach: the runner is not built yet. Run `npm install` (or `npm run build:cli`) in the project folder first.\n');
    process.exit(2);
  }
  throw error;
});
