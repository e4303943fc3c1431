// `npm run bench:rooms` (and section 10 of `npm run bench`): rooms of 30 phones voting and
// reconnecting on loopback, against `coach serve` as deployed: one process keeping rooms in its
// folder (the embedded default), and two processes sharing rooms through a real redis-server,
// each room's phones on one of them as the proxy in docs/Caddyfile sends them. For each: the time from a phone's vote leaving it
// to the shared screen's live view showing that phone has voted (p50 and p99 over every vote), and
// the servers' memory and CPU. Then more rooms until the p99 passes 250 ms, to say where the
// limit is. The phones run in this process; on a 2-core machine they share the cores with the
// servers (and Redis), which is part of what bounds the figures.
//
//   node scripts/bench/rooms.mjs [--rooms N] [--processes 1|2] [--json]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startRedis, startServe } from '../../tests/servers.ts';

const phonesPerRoom = 30;
const votingWindowMs = 3000;
const rounds = 3;
const goalP99Ms = 250;
const passphrase = 'a bench of thirty phones per room';
const scenario = 'first-conversation-with-jordan';

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usageOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  return { cpu: ticks / 100, rssMb: rss };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function post(base, path, body, { bearer, from } = {}) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from ?? '192.0.2.1', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${path}: ${response.status} ${json.error ?? ''}`);
  return json;
}

function listen(base, code, address, onView) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/rooms/${code}/live`, { headers: { 'x-forwarded-for': address } });
    socket.on('message', (data) => onView(JSON.parse(String(data))));
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** One run: `rooms` rooms of 30 phones on `servers`, `rounds` steps of voting; the latencies and the servers' usage. */
async function drive(servers, roomCount) {
  const bases = servers.map((server) => server.url);
  const latencies = [];
  const rooms = [];
  let phoneNumber = 0;
  for (let r = 0; r < roomCount; r++) {
    const base = bases[r % bases.length];
    const { code, key } = await post(base, '/api/rooms', { scenario }, { bearer: passphrase });
    await post(base, `/api/rooms/${code}/settings`, { liveCounts: false }, { bearer: key });
    const room = { code, key, base, phones: [], sentAt: new Map(), seen: new Set() };
    // The shared screen, on its room's own computer (one address for every screen would meet the
    // server's limit of live connections from one address): it hears each phone's first vote of the step.
    room.screen = await listen(base, code, `198.51.${(r >> 8) & 255}.${r & 255}`, (view) => {
      const now = performance.now();
      for (const name of view.voted ?? []) {
        if (room.seen.has(name) || !room.sentAt.has(name)) continue;
        room.seen.add(name);
        latencies.push(now - room.sentAt.get(name));
      }
    });
    for (let p = 0; p < phonesPerRoom; p++) {
      phoneNumber++;
      const address = `10.${(phoneNumber >> 16) & 255}.${(phoneNumber >> 8) & 255}.${phoneNumber & 255}`;
      // A room's phones go to its process, as the proxy sends them (docs/Caddyfile hashes on the
      // room code); the rooms are shared between the processes in turn.
      const phoneBase = base;
      const name = `Phone ${p + 1}`;
      const { token } = await post(phoneBase, `/api/rooms/${code}/players`, { name }, { from: address });
      const phone = { name, token, address, base: phoneBase };
      phone.socket = await listen(phoneBase, code, address, () => {});
      room.phones.push(phone);
    }
    await post(base, `/api/rooms/${code}/start`, { mode: 'vote' }, { bearer: key });
    rooms.push(room);
  }

  const before = servers.map((server) => usageOf(server.child.pid));
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const votes = [];
    for (const room of rooms) {
      room.sentAt.clear();
      room.seen.clear();
      for (const phone of room.phones) {
        // People tap at different moments over the window; a few change their minds; one in ten phones drops its connection and comes back.
        const at = Math.random() * votingWindowMs;
        votes.push(
          (async () => {
            await sleep(at);
            if (Math.random() < 0.1) {
              phone.socket.terminate();
              phone.socket = await listen(phone.base, room.code, phone.address, () => {});
            }
            room.sentAt.set(phone.name, performance.now());
            await post(phone.base, `/api/rooms/${room.code}/votes`, { player: phone.name, choice: 1 + Math.floor(Math.random() * 2), token: phone.token }, { from: phone.address });
            if (Math.random() < 0.2) await post(phone.base, `/api/rooms/${room.code}/votes`, { player: phone.name, choice: 1, token: phone.token }, { from: phone.address });
          })(),
        );
      }
    }
    await Promise.all(votes);
    await sleep(300);
    // The facilitator reveals and moves on to the next step.
    await Promise.all(rooms.map(async (room) => {
      // A tie would wait for the facilitator: they choose, as they would on the screen.
      await post(room.base, `/api/rooms/${room.code}/advance`, { from: 'voting', choice: 1 }, { bearer: room.key });
      await post(room.base, `/api/rooms/${room.code}/advance`, { from: 'revealed' }, { bearer: room.key });
    }));
  }
  const seconds = (performance.now() - started) / 1000;
  const after = servers.map((server) => usageOf(server.child.pid));
  for (const room of rooms) {
    room.screen.terminate();
    for (const phone of room.phones) phone.socket.terminate();
  }
  latencies.sort((a, b) => a - b);
  const expected = roomCount * phonesPerRoom * rounds;
  return {
    rooms: roomCount,
    phones: roomCount * phonesPerRoom,
    votesSeen: latencies.length,
    votesExpected: expected,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuPercent: after.map((usage, i) => (100 * (usage.cpu - before[i].cpu)) / seconds),
    rssMb: after.map((usage) => usage.rssMb),
  };
}

/** Starts the servers for one configuration, runs `drive` for each room count, and stops them. */
async function measure(processes, roomCounts) {
  const site = mkdtempSync(join(tmpdir(), 'bench-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Course</title>');
  const results = [];
  for (const roomCount of roomCounts) {
    const redis = processes > 1 ? await startRedis() : undefined;
    const roomsDir = mkdtempSync(join(tmpdir(), 'bench-rooms-'));
    const store = redis ? ['--redis', redis.url] : ['--rooms-dir', roomsDir];
    const servers = [];
    for (let i = 0; i < processes; i++) servers.push(await startServe(['--site', site, '--trust-proxy', ...store], passphrase));
    try {
      results.push(await drive(servers, roomCount));
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
      await redis?.stop();
      rmSync(roomsDir, { recursive: true, force: true });
    }
  }
  rmSync(site, { recursive: true, force: true });
  return results;
}

/**
 * Each configuration with one room first (the baseline, measured in the same run), then at its
 * goal (40 rooms on one process, 64 on two) and beyond, to see where the p99 passes 250 ms.
 */
export async function benchRooms({ rooms: fixed, processes: only } = {}) {
  const configurations = only ? [only] : [1, 2];
  const report = [];
  for (const processes of configurations) {
    const goal = processes === 1 ? 40 : 64;
    const counts = fixed ? [fixed] : [1, goal, goal + 20, goal + 40];
    const results = await measure(processes, counts);
    report.push({ processes, store: processes === 1 ? 'files' : 'Redis', results });
  }
  return report;
}

export function printRooms(report) {
  console.log('\nGroup rooms: 30 phones per room voting over 3 s, 3 steps, 1 in 10 reconnecting; vote to shared screen');
  console.log('processes  store   rooms  phones  votes seen   p50 ms   p99 ms   CPU % per process   RSS MB per process');
  for (const { processes, store, results } of report) {
    for (const result of results) {
      const cells = [
        String(processes).padEnd(10),
        store.padEnd(7),
        String(result.rooms).padStart(5),
        String(result.phones).padStart(7),
        `${result.votesSeen}/${result.votesExpected}`.padStart(11),
        result.p50.toFixed(0).padStart(8),
        `${result.p99.toFixed(0)}${result.p99 < goalP99Ms ? '' : ' !'}`.padStart(8),
        result.cpuPercent.map((cpu) => cpu.toFixed(0)).join(' / ').padStart(19),
        result.rssMb.map((rss) => rss.toFixed(0)).join(' / ').padStart(20),
      ];
      console.log(cells.join(' '));
    }
  }
  console.log(`Goal: p99 under ${goalP99Ms} ms with 40 rooms on one process, and with 64 (1.6x) on two processes on Redis. "!" marks a p99 past it.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : undefined;
  };
  const report = await benchRooms({ rooms: arg('--rooms'), processes: arg('--processes') });
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else printRooms(report);
}
