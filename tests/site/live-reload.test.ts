/**
 * `npm start` as a trainer uses it: the dev server over a folder of scenarios (COACH_SCENARIOS_DIR),
 * with files edited, added, broken and fixed while it runs. Each change must show on the site
 * without a restart, and the open page must be told to reload.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers.ts';
import { projectRoot } from '../cli/run-coach.ts';

/**
 * How long a change may take to show. A trainer waits 20 s at most, on a machine doing nothing
 * else; here the dev server shares two cores with the rest of the test run, and once took just
 * over 20 s, so the test allows twice that. It still fails if a change never shows.
 */
const patience = 40_000;

/** The first port from 4431 to 4439 that nothing is listening on. */
async function sparePort(): Promise<number> {
  for (let port = 4431; port <= 4439; port++) {
    const free = await new Promise<boolean>((done) => {
      const probe = createServer().once('error', () => done(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error('no spare port from 4431 to 4439 for the dev server');
}

/** The environment without Vitest's own variables: with `VITEST` set, `astro dev` serves nothing but 404s. */
function outsideVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'));
}

/** Asks again until `check` passes or a trainer's patience runs out; returns the last answer. */
async function poll<T>(ask: () => Promise<T>, check: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + patience;
  let answer = await ask();
  while (!check(answer) && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 200));
    answer = await ask();
  }
  return answer;
}

const folder = mkdtempSync(join(tmpdir(), 'rcp-live-'));
const jordan = join(folder, 'first-conversation-with-jordan.md');
const morgan = join(folder, 'morgan-and-the-allotment.md');
const morganText = `---
title: Talking with Morgan about the allotment
summary: Morgan wants to get back to the allotment.
persona:
  name: Morgan
---

## Start

**Morgan:** I keep meaning to go down to the allotment.

- **Complex reflection:** "The allotment still matters to you." -> end-well
  - feedback: You heard what mattered.

## End well

**Outcome:** positive

Morgan plans a first visit.
`;

let server: ChildProcess;
let base = '';
let log = '';
const reloads: string[] = [];
let socket: WebSocket;

const page = async (path: string) => {
  const response = await fetch(`${base}${path}`).catch(() => undefined);
  return { status: response?.status ?? 0, text: (await response?.text()) ?? '' };
};

beforeAll(async () => {
  copyFileSync(fixturePath('../library/first-conversation-with-jordan.md'), jordan);
  const port = await sparePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: { ...outsideVitest(process.env), COACH_SCENARIOS_DIR: folder, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const ready = await poll(() => page('/scenarios/first-conversation-with-jordan'), (answer) => answer.status === 200);
  expect(ready.status, log).toBe(200);
  // Listen as the browser's dev client does, to see the server tell open pages to reload.
  const client = await (await fetch(`${base}/@vite/client`)).text();
  const token = /const wsToken = "([^"]+)"/.exec(client)?.[1] ?? '';
  socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
  socket.addEventListener('message', (event) => reloads.push(String(event.data)));
  await new Promise((open) => socket.addEventListener('open', open, { once: true }));
}, 60_000);

afterAll(() => {
  socket?.close();
  server?.kill();
  rmSync(folder, { recursive: true, force: true });
});

/** Waits for the next `full-reload` the dev server sends to open pages. */
async function expectPagesToldToReload(since: number) {
  const told = await poll(async () => reloads.slice(since), (messages) => messages.some((message) => message.includes('"full-reload"')));
  expect(told.some((message) => message.includes('"full-reload"')), 'the open page is told to reload').toBe(true);
}

describe('astro dev over a folder of scenarios', { timeout: patience + 10_000 }, () => {
  it('shows an edited title on the scenario page and in the catalogue', async () => {
    const since = reloads.length;
    writeFileSync(jordan, readFileSync(jordan, 'utf8').replace('title: A first conversation with Jordan', 'title: Meeting Jordan at the drop-in'));
    const scenarioPage = await poll(() => page('/scenarios/first-conversation-with-jordan'), (answer) => answer.text.includes('<h1>Meeting Jordan at the drop-in</h1>'));
    expect(scenarioPage.text).toContain('<h1>Meeting Jordan at the drop-in</h1>');
    expect((await page('/scenarios/')).text).toContain('Meeting Jordan at the drop-in');
    await expectPagesToldToReload(since);
  });

  it('gives a new file its page and a place in the catalogue', async () => {
    expect((await page('/scenarios/morgan-and-the-allotment')).status).toBe(404);
    writeFileSync(morgan, morganText);
    const newPage = await poll(() => page('/scenarios/morgan-and-the-allotment'), (answer) => answer.status === 200);
    expect(newPage.text).toContain('<h1>Talking with Morgan about the allotment</h1>');
    expect((await page('/scenarios/')).text).toContain('Talking with Morgan about the allotment');
  });

  it('shows a broken file\'s problems, with their line, on its page, and the scenario again once fixed', async () => {
    writeFileSync(morgan, morganText.replace('-> end-well', '-> end-wel'));
    const broken = await poll(() => page('/scenarios/morgan-and-the-allotment'), (answer) => answer.text.includes('This scenario has problems'));
    expect(broken.text).toContain('This scenario has problems');
    expect(broken.text).toMatch(/12:\d+-12:\d+ +error +Unexpected target `end-wel`, expected the id of a node in this file; did you mean `end-well`\?/);
    expect((await page('/scenarios/')).text).toContain('1 scenario has problems');

    writeFileSync(morgan, morganText);
    const fixed = await poll(() => page('/scenarios/morgan-and-the-allotment'), (answer) => answer.text.includes('<h1>Talking with Morgan'));
    expect(fixed.text).toContain('<h1>Talking with Morgan about the allotment</h1>');
    expect((await page('/scenarios/')).text).not.toContain('has problems');
  });

  it('moves a renamed file to its new address', async () => {
    renameSync(morgan, join(folder, 'morgan-again.md'));
    const renamed = await poll(() => page('/scenarios/morgan-again'), (answer) => answer.status === 200);
    expect(renamed.status).toBe(200);
    expect((await poll(() => page('/scenarios/morgan-and-the-allotment'), (answer) => answer.status === 404)).status).toBe(404);
  });
});
