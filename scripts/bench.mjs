// `npm run bench`: speed and size, each reported beside a baseline measured in the same run, as
// a ratio. Nothing here asserts: it prints figures for people to read and compare over time.
//
//   1. `coach --help` start-up        vs  bare `node -e 0`                  (goal: within 1.5x)
//   2. `coach test` on 1,000 nodes    vs  bare `node -e 0`                  (goal: within 1 s)
//      and on 250, 500 and 2,000: the time per 1,000 nodes beyond a 25-node scenario's, which
//      stays the same if the time grows linearly with the size; and `coach paths` on 1,000
//      nodes vs `coach test` on the same file
//   3. JS at load, module page        vs  the 20 KB gzip budget
//   4. JS at load, scenario page      vs  a bare React 19 + XState island page built the same way (goal: within 1.2x)
//   5. Search: index size and query time over the built index
//   6. The studio: its JS at load and its worker's; re-checking a 60-node scenario in the worker,
//      in Chromium, after a keystroke and after a change to the diagram (goal: under 50 ms)
//   7. Group practice: JS at load of the group page and the tally sheet (vs the scenario page),
//      and `coach group` from start to its addresses printed (vs bare `node -e 0`)
//   9. Hostile scenario text (the audit of issue 19): each at twice the size vs once (goal: about
//      2, linear), and vs ordinary text of the same length
//  10. Group rooms: rooms of 30 phones voting and reconnecting, vote to shared screen p50/p99, the
//      servers' CPU and memory, on one process (files) and two on Redis, vs one room (goal: p99
//      under 250 ms at 40 rooms on one process and 64 on two)
//   8. The coder: coding one reply (vs normalising its spelling alone; goal: under 5 ms), the
//      model and rules as the player fetches them (vs the 150 KB gzip budget), and its agreement
//      with people (vs the goals, and on held-out replies vs the two human coders' own agreement)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generateScenario } from './bench/generate-scenario.mjs';
import { findBrowser } from './browser-path.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const node = process.execPath;
const rows = [];

function time(command, args, runs, options = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', ...options });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && !options.allowFailure) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function report(measure, value, unit, baselineName, baseline, goal) {
  const ratio = baseline ? (value / baseline).toFixed(2) : '–';
  const digits = (n) => (unit === 'KB' ? 1 : unit === 'κ' || n < 10 ? 2 : 0);
  rows.push({ measure, value: `${value.toFixed(digits(value))} ${unit}`, baseline: baseline ? `${baselineName}: ${baseline.toFixed(digits(baseline))} ${unit}` : baselineName, ratio, goal });
}

/** Gzipped size of the JS a built page loads before the reader does anything. */
function jsAtLoad(distDir, htmlFile) {
  const html = readFileSync(join(distDir, htmlFile), 'utf8');
  const files = new Set();
  let inline = 0;
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) files.add(src);
  for (const [, code] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) inline += gzipSync(code).length;
  // Islands that hydrate on load (or render only in the browser) fetch their component and renderer at once; others wait.
  for (const [tag] of html.matchAll(/<astro-island[^>]*>/g)) {
    if (!/\sclient="(load|only)"/.test(tag)) continue;
    for (const [, url] of tag.matchAll(/(?:component-url|renderer-url)="([^"]+)"/g)) files.add(url);
  }
  const seen = new Set();
  let total = inline;
  const visit = (url) => {
    const path = join(distDir, url.replace(/^\//, ''));
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    total += gzipSync(code).length;
    // Static imports and re-exports (`export { x } from`) load with the module; dynamic import() does not.
    for (const [, specifier] of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"();]*?from\s*)?["']([^"']+)["']/g)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) visit(specifier.startsWith('/') ? specifier : join(dirname(url), specifier));
    }
  };
  for (const url of files) visit(url);
  return total / 1024;
}

function ensureBuilt() {
  if (!existsSync(join(root, 'dist/index.html'))) {
    console.log('Building the site first (astro build)…');
    time(node, ['node_modules/astro/bin/astro.mjs', 'build'], 1, { stdio: 'inherit' });
  }
  if (!existsSync(join(root, 'build/cli/coach.js'))) time(node, ['scripts/build-cli.mjs'], 1);
}

/** Builds a bare page with one React 19 island running an XState machine, the same way as the site. */
function buildBaselineIsland() {
  // Inside the project, so it resolves the same packages from node_modules.
  const dir = join(root, 'build', 'bench-baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  mkdirSync(join(dir, 'src/components'), { recursive: true });
  const dependencies = Object.fromEntries(['astro', '@astrojs/react', 'react', 'react-dom', 'xstate', '@xstate/react'].map((name) => [name, '*']));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'baseline', type: 'module', private: true, dependencies }));
  writeFileSync(join(dir, 'astro.config.mjs'), "import react from '@astrojs/react';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ integrations: [react()], devToolbar: { enabled: false } });\n");
  writeFileSync(
    join(dir, 'src/components/Counter.tsx'),
    "import { useMachine } from '@xstate/react';\nimport { setup, assign } from 'xstate';\nconst machine = setup({}).createMachine({ context: { n: 0 }, on: { inc: { actions: assign({ n: ({ context }) => context.n + 1 }) } } });\nexport default function Counter() { const [state, send] = useMachine(machine); return <button onClick={() => send({ type: 'inc' })}>{state.context.n}</button>; }\n",
  );
  writeFileSync(join(dir, 'src/pages/index.astro'), "---\nimport Counter from '../components/Counter.tsx';\n---\n<html lang=\"en\"><head><title>Baseline</title></head><body><Counter client:load /></body></html>\n");
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: 'astro/tsconfigs/strict', compilerOptions: { jsx: 'react-jsx' } }));
  const result = spawnSync(node, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`baseline build failed:\n${result.stdout}\n${result.stderr}`);
  return { dir, dist: join(dir, 'dist') };
}

ensureBuilt();

// 1. Start-up.
const bare = time(node, ['-e', '0'], 11);
const help = time(node, ['bin/coach.cjs', '--help'], 11);
report('coach --help start-up', help, 'ms', 'node -e 0', bare, 'within 1.5x');
const commandHelp = time(node, ['bin/coach.cjs', 'lint', '--help'], 11);
report('coach lint --help start-up', commandHelp, 'ms', 'node -e 0', bare, 'within 1.5x');

// 2. coach test on generated scenarios of 10 to 2,000 nodes.
const benchDir = mkdtempSync(join(tmpdir(), 'rcp-bench-'));
const testTime = (nodes) => {
  const path = join(benchDir, `${nodes}-nodes.md`);
  writeFileSync(path, generateScenario(nodes));
  return time(node, ['bin/coach.cjs', 'test', path], 5);
};
const fixed = testTime(25);
report('coach test, 25-node scenario', fixed, 'ms', 'node -e 0', bare, '');
const sizes = [250, 500, 1000, 2000].map((nodes) => ({ nodes, ms: testTime(nodes) }));
const perThousand = (size) => ((size.ms - fixed) * 1000) / size.nodes;
for (const size of sizes) {
  report(`coach test, ${size.nodes.toLocaleString('en')}-node scenario`, size.ms, 'ms', 'node -e 0', bare, size.nodes === 1000 ? 'within 1000 ms' : '');
}
for (const size of sizes) {
  report(`  per 1,000 nodes beyond 25, at ${size.nodes.toLocaleString('en')}`, perThousand(size), 'ms', 'at 250 nodes', perThousand(sizes[0]), 'about 1.0 (linear)');
}
const examples = time(node, ['bin/coach.cjs', 'test'], 3);
report('coach test, the example scenarios', examples, 'ms', 'node -e 0', bare, '');
// `coach paths` checks the file as `coach test` does, then lists the ways to each ending: what the
// listing costs beyond the check, on a scenario with some 10^330 runs to each ending.
const thousand = sizes.find((size) => size.nodes === 1000);
const pathsTime = time(node, ['bin/coach.cjs', 'paths', join(benchDir, '1000-nodes.md')], 3);
report('coach paths, 1,000-node scenario', pathsTime, 'ms', 'coach test, same file', thousand.ms, '');

// 3 and 4. JS at load.
const dist = join(root, 'dist');
const modulePage = jsAtLoad(dist, 'modules/mi-oars/index.html');
report('JS at load, module page (gzip)', modulePage, 'KB', 'budget', 20, 'at most 20 KB');
const scenarioPage = jsAtLoad(dist, 'scenarios/first-conversation-with-jordan/index.html');
const baseline = buildBaselineIsland();
const islandBaseline = jsAtLoad(baseline.dist, 'index.html');
report('JS at load, scenario page (gzip)', scenarioPage, 'KB', 'bare React + XState island', islandBaseline, 'within 1.2x');
rmSync(baseline.dir, { recursive: true, force: true });

// 6. Group practice.
report('JS at load, group page (gzip)', jsAtLoad(dist, 'scenarios/first-conversation-with-jordan/group/index.html'), 'KB', 'scenario page', scenarioPage, '');
report('JS at load, tally sheet (gzip)', jsAtLoad(dist, 'observe/index.html'), 'KB', 'scenario page', scenarioPage, '');
const groupStarts = [];
for (let i = 0; i < 5; i++) {
  const rooms = mkdtempSync(join(tmpdir(), 'rcp-bench-rooms-'));
  const started = process.hrtime.bigint();
  const child = spawn(node, ['bin/coach.mjs', 'group', 'first-conversation-with-jordan', '--host', '127.0.0.1', '--port', '0', '--rooms-dir', rooms, '--json'], { cwd: root, env: { ...process.env, CI: 'true' } });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  groupStarts.push(Number(process.hrtime.bigint() - started) / 1e6);
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  rmSync(rooms, { recursive: true, force: true });
}
report('coach group, start to addresses', groupStarts.sort((a, b) => a - b)[2], 'ms', 'node -e 0', bare, '');

// 5. Search.
const indexText = readFileSync(join(dist, 'search-index.json'), 'utf8');
const { default: lunr } = await import('lunr');
const parsed = JSON.parse(indexText);
let start = process.hrtime.bigint();
const index = lunr.Index.load(parsed.index);
const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
const queries = ['recovery', 'reflection', 'stockroom', 'decision aid', 'hope', 'medication'];
start = process.hrtime.bigint();
for (let i = 0; i < 20; i++) for (const q of queries) index.search(q);
const queryMs = Number(process.hrtime.bigint() - start) / 1e6 / (20 * queries.length);
report('search index size (gzip)', gzipSync(indexText).length / 1024, 'KB', `${Object.keys(parsed.documents).length} documents`, undefined, '');
report('search index load', loadMs, 'ms', '', undefined, '');
rows.push({ measure: 'search query (mean)', value: `${queryMs.toFixed(2)} ms`, baseline: '', ratio: '–', goal: '' });

// 6. The studio.
const studioPage = jsAtLoad(dist, 'trainers/studio/index.html');
report('JS at load, studio page (gzip)', studioPage, 'KB', 'scenario page', scenarioPage, 'loaded on this page only');
const workerFile = readdirSync(join(dist, '_astro')).find((name) => /^check-worker.*\.js$/.test(name));
report('studio worker (gzip), fetched by the studio', gzipSync(readFileSync(join(dist, '_astro', workerFile))).length / 1024, 'KB', '', undefined, '');
const recheck = await timeStudioWorker(`/_astro/${workerFile}`, generateScenario(60));
report('studio re-check, 60 nodes, after a keystroke', recheck.keystroke, 'ms', 'budget', 50, 'under 50 ms');
report('studio re-check and new layout, 60 nodes', recheck.relayout, 'ms', '', undefined, '');

/**
 * Times the studio's worker in Chromium, as the page uses it: the round trip from posting a draft
 * to its problems coming back (after a keystroke: one node changed), and to its diagram's layout
 * (after a heading changed, so the layout is made afresh). Medians of 21 runs after a warm-up.
 */
/** The built site served on a free port of 127.0.0.1, and Chromium to load it in. */
async function siteInBrowser() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    const path = join(dist, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = existsSync(join(path, 'index.html')) ? join(path, 'index.html') : path;
    if (!existsSync(file)) return response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  return { server, browser, origin: `http://127.0.0.1:${server.address().port}` };
}

/**
 * Times the own-words text box in Chromium with the CPU slowed four times: from the Enter key to
 * the reply's code and reason on the page, and, as its baseline, from "Skip: show me the options"
 * to the options on the page (the same re-render without coding). Medians of 9 after a warm-up.
 */
async function timeOwnWordsReply() {
  const { server, browser, origin } = await siteInBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/404.html`);
    await page.evaluate(() => localStorage.setItem('recovery-coach-practice:practice-settings', JSON.stringify({ ownWords: true, ownCall: false })));
    await page.goto(`${origin}/scenarios/first-conversation-with-jordan/`);
    await page.getByRole('button', { name: /I have read the content notes|Start/ }).click();
    const box = page.getByRole('textbox', { name: /What would you say to/ });
    await page.getByRole('button', { name: 'Send' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.own-words button[type=submit]')?.disabled);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Does something in the page and resolves with the milliseconds until an element with this id appears.
    const timed = (act, id) =>
      page.evaluate(
        ({ act, id }) =>
          new Promise((done) => {
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (!document.getElementById(id)) return;
              observer.disconnect();
              done(performance.now() - started);
            });
            observer.observe(document.body, { childList: true, subtree: true });
            if (act === 'enter') document.querySelector('.own-words textarea').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            else [...document.querySelectorAll('.own-words button')].find((button) => button.textContent.startsWith('Skip')).click();
          }),
        { act, id },
      );
    const backToTheBox = async () => {
      await page.evaluate(() => document.querySelector('.choice-list button').click());
      await page.getByRole('button', { name: 'Undo last choice' }).click();
      await box.waitFor();
    };
    const replies = ['it sounds like everyone has a plan for you', 'what would make this worth your time', 'you should give it a go'];
    const coded = [];
    const skipped = [];
    for (let i = 0; i < 10; i++) {
      await box.fill(replies[i % replies.length]);
      const toCode = await timed('enter', 'own-result-title');
      await backToTheBox();
      const toOptions = await timed('skip', 'choices-title');
      await backToTheBox();
      if (i > 0) {
        coded.push(toCode);
        skipped.push(toOptions);
      }
    }
    const median = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
    return { coded: median(coded), skipped: median(skipped) };
  } finally {
    await browser.close();
    server.close();
  }
}

async function timeStudioWorker(workerUrl, text) {
  const { server, browser, origin } = await siteInBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/404.html`);
    return await page.evaluate(async ({ workerUrl, text }) => {
      const worker = new Worker(workerUrl, { type: 'module' });
      let id = 0;
      const ask = (draftText, until) =>
        new Promise((answered) => {
          const started = performance.now();
          const mine = ++id;
          worker.onmessage = ({ data }) => {
            if (data.id === mine && data.kind === until) answered(performance.now() - started);
          };
          worker.postMessage({ kind: 'check', id: mine, draft: { text: draftText, fileName: 'sixty-nodes.md', modules: [] } });
        });
      const median = (times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
      const runs = async (variant, until) => {
        for (let i = 0; i < 5; i++) await ask(variant(i), until);
        const times = [];
        for (let i = 5; i < 26; i++) times.push(await ask(variant(i), until));
        return median(times);
      };
      // A keystroke in the last node's text; then a renamed heading, which the diagram shows.
      const keystroke = await runs((i) => `${text}${i}`, 'check');
      const relayout = await runs((i) => text.replace('## n5\n', `## n5 take ${i} {#n5}\n`), 'layout');
      worker.terminate();
      return { keystroke, relayout };
    }, { workerUrl, text });
  } finally {
    await browser.close();
    server.close();
  }
}

// 8. The coder.
{
  const { codeUtterance } = await import('../src/engine/coder/index.ts');
  const { normalise } = await import('../src/engine/coder/text.ts');
  const { evaluateCoder, heldOutReplies } = await import('./coder/evaluate.ts');
  const replies = heldOutReplies();
  const perReply = (work) => {
    for (const reply of replies) work(reply);
    const passes = [];
    for (let pass = 0; pass < 7; pass++) {
      const start = performance.now();
      for (const reply of replies) work(reply);
      passes.push((performance.now() - start) / replies.length);
    }
    return passes.sort((a, b) => a - b)[3];
  };
  const coding = perReply((reply) => codeUtterance(reply.text, { context: reply.context }));
  report('coder, one reply (held-out replies)', coding, 'ms', 'normalise only', perReply((reply) => normalise(reply.text)), 'under 5 ms');
  const typed = await timeOwnWordsReply();
  report('own words, Enter to code shown, CPU ÷4', typed.coded, 'ms', 'skip to options shown', typed.skipped, 'under 50 ms');
  const coderChunk = readdirSync(join(dist, '_astro')).find((name) => name.endsWith('.js') && !name.startsWith('check-worker') && readFileSync(join(dist, '_astro', name), 'utf8').includes('trainedOn'));
  if (coderChunk) report('coder and model (gzip), fetched in own-words mode only', gzipSync(readFileSync(join(dist, '_astro', coderChunk))).length / 1024, 'KB', 'budget', 150, 'at most 150 KB');
  const { leaveOneScenarioOut: loso, heldOut } = await evaluateCoder();
  report('coder κ, 13 codes, leave one scenario out', loso.kappa, 'κ', 'goal', 0.8, 'at least 0.80');
  report('coder κ, MITI groups, leave one scenario out', loso.groupKappa, 'κ', 'goal', 0.85, 'at least 0.85');
  report('coder open vs closed, leave one scenario out', loso.openClosed * 100, '%', 'goal', 95, 'at least 95%');
  if (heldOut) {
    const mean = (heldOut.coderWithA.groupKappa + heldOut.coderWithB.groupKappa) / 2;
    report(`coder κ, MITI groups, ${heldOut.replies} held-out replies`, mean, 'κ', 'coder A with B', heldOut.humans.groupKappa, 'within 0.05 of A with B');
    report(`coder κ, 13 codes, ${heldOut.replies} held-out replies`, (heldOut.coderWithA.kappa + heldOut.coderWithB.kappa) / 2, 'κ', 'coder A with B', heldOut.humans.kappa, '');
  }
}

// 9. Hostile scenario text: how lint time grows with it.
{
  const { hostileFamilies, ordinaryLike, timeLint } = await import('./bench/hostile-text.mjs');
  for (const family of hostileFamilies) {
    const [small, large] = family.sizes;
    const text = family.hostile(large);
    const [once, twice] = [await timeLint(family.hostile(small)), await timeLint(text)];
    report(`lint, ${family.name}, n = ${large.toLocaleString('en')}`, twice, 'ms', `n = ${small.toLocaleString('en')}`, once, 'about 2 (linear)');
    report(`  vs ordinary text as long (${(text.length / 1024).toFixed(0)} KB)`, twice, 'ms', 'ordinary text', await timeLint(ordinaryLike(text)), '');
  }
}

// 10. Group rooms: 30 phones a room voting, on one process (files) and two on Redis (scripts/bench/rooms.mjs).
{
  const { benchRooms } = await import('./bench/rooms.mjs');
  for (const { processes, store, results } of await benchRooms()) {
    const [alone, ...loaded] = results;
    const servers = `${processes} process${processes > 1 ? 'es' : ''} on ${store}`;
    for (const result of loaded) {
      report(`rooms, vote to shared screen p99, ${result.rooms} rooms x 30 phones, ${servers}`, result.p99, 'ms', 'one room', alone.p99, 'under 250 ms');
      report('  p50', result.p50, 'ms', 'one room', alone.p50, '');
      report('  server CPU, all processes', result.cpuPercent.reduce((sum, cpu) => sum + cpu, 0), '%', 'one room', alone.cpuPercent.reduce((sum, cpu) => sum + cpu, 0), '');
      report('  server memory, largest process', Math.max(...result.rssMb), 'MB', 'one room', Math.max(...alone.rssMb), '');
      if (result.votesSeen < result.votesExpected) report('  votes never seen on the shared screen', result.votesExpected - result.votesSeen, 'votes', 'none', 0, 'none');
    }
  }
}

rmSync(benchDir, { recursive: true, force: true });
const widths = ['measure', 'value', 'baseline', 'ratio', 'goal'].map((key) => Math.max(key.length, ...rows.map((row) => String(row[key]).length)));
const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ').trimEnd();
console.log(`\n${line(['measure', 'value', 'baseline', 'ratio', 'goal'])}`);
for (const row of rows) console.log(line([row.measure, row.value, row.baseline, row.ratio, row.goal]));
