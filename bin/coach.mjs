#!/usr/bin/env node
// The `coach` command. The runner itself is bundled to build/cli by `npm install` (the prepare
// script); this file only checks that it is there and that Node is new enough.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`coach: needs Node 22 or later, and this is Node ${process.versions.node}. Run it as \`npx coach\` from the project folder, which uses the Node 22 that \`npm install\` provides.\n`);
  process.exit(2);
}
// Cache compiled code between runs (Node 22.1+): start-up matters for a command people type often.
(await import('node:module')).enableCompileCache?.();
try {
  await import('../build/cli/coach.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('build/cli/coach.js')) {
    process.stderr.write('coach: the runner is not built yet. Run `npm install` (or `npm run build:cli`) in the project folder first.\n');
    process.exit(2);
  }
  throw error;
}
