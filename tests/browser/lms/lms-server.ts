/**
 * An LMS as the packages meet one, on 127.0.0.1 and started by the test that needs it: it serves
 * unzipped packages from a folder of their own, launches a package's item in a frame with the
 * SCORM run-time of scorm-again (SCORM 1.2 or 2004: the LMS side of the API, keeping what the
 * content commits so a later launch resumes it), or launches it the cmi5 way (launch parameters, a
 * one-time fetch URL, LMS.LaunchData in the State API), and is the LRS: it takes statements,
 * checks each one against the course's xAPI profile and cmi5's rules (tests/lms/profile-check.ts),
 * keeps State documents, and records everything for the test to read. No real LMS can run here;
 * this is the closest honest thing: the real run-time libraries, in a frame, behind a real server.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import sirv from 'sirv';
import { checkStatement, type Cmi5Launch, type StatementCheck } from '../../lms/profile-check.ts';

const scormAgainDir = dirname(createRequire(import.meta.url).resolve('scorm-again/scorm12'));

/** A statement the LRS took, with what the profile check found. */
export interface Received {
  readonly statement: Record<string, any>;
  readonly check: StatementCheck;
  /** Who sent it: the cmi5 session's token, or the package's own LRS key. */
  readonly via: 'cmi5' | 'named';
}

interface Cmi5Session extends Cmi5Launch {
  readonly token: string;
}

export interface LmsServer {
  readonly origin: string;
  /** The LRS endpoint, as a package's --lrs names it. */
  readonly xapi: string;
  /** The key:secret the LRS takes from a package's --lrs. */
  readonly lrsAuth: string;
  readonly received: Received[];
  /** The CMI data the LMS keeps for each SCORM launch key (`<package>/<item>/<learner>`). */
  readonly scormData: Map<string, Record<string, unknown>>;
  /** State documents, by agent account, activity, registration and id. */
  readonly state: Map<string, string>;
  readonly fetchesRefused: number;
  close(): Promise<void>;
}

const send = (response: ServerResponse, status: number, body: string, type = 'application/json') => {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
};

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const html = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>html,body{height:100%;margin:0}body{display:flex;flex-direction:column}header{padding:.25rem 1rem;background:#e8eef7;font:14px system-ui}iframe{flex:1;border:0;width:100%}</style></head>
<body><header>Test LMS: ${title}</header>${body}</body></html>`;

/** Starts the LMS on 127.0.0.1 with any free port; `packagesDir` holds one unzipped package per folder. */
export async function startLmsServer(packagesDir: string): Promise<LmsServer> {
  const received: Received[] = [];
  const scormData = new Map<string, Record<string, unknown>>();
  const state = new Map<string, string>();
  const fetchTokens = new Map<string, Cmi5Session & { used: boolean }>();
  const sessions = new Map<string, Cmi5Session>();
  const registrations = new Map<string, string>();
  const activityIds = new Map<string, string>();
  const lrsAuth = 'package-key:package-secret';
  let fetchesRefused = 0;
  const packages = sirv(packagesDir, { dev: true });
  const scormAgain = sirv(scormAgainDir, { dev: true });
  let origin = '';

  const stateKey = (params: URLSearchParams) => {
    const agent = JSON.parse(params.get('agent') ?? '{}') as { account?: { name?: string } };
    return `${agent.account?.name} ${params.get('activityId')} ${params.get('registration') ?? ''} ${params.get('stateId')}`;
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const path = url.pathname;
    try {
      if (path.startsWith('/packages/')) {
        request.url = request.url!.slice('/packages'.length);
        return packages(request, response, () => send(response, 404, 'not found', 'text/plain'));
      }
      if (path.startsWith('/scorm-again/')) {
        request.url = request.url!.slice('/scorm-again'.length);
        return scormAgain(request, response, () => send(response, 404, 'not found', 'text/plain'));
      }

      // SCORM: an LMS page that holds scorm-again's API and the item in a frame.
      if (path === '/lms/scorm') {
        const version = url.searchParams.get('version') === 'scorm2004' ? 'scorm2004' : 'scorm12';
        const key = `${url.searchParams.get('package')}/${url.searchParams.get('item')}/${url.searchParams.get('learner')}`;
        const kept = scormData.get(key);
        const learner = url.searchParams.get('learner')!;
        const apiName = version === 'scorm12' ? 'API' : 'API_1484_11';
        const constructor = version === 'scorm12' ? 'Scorm12API' : 'Scorm2004API';
        const masteryScore = url.searchParams.get('mastery');
        // What the LMS starts the attempt with: the learner, the manifest's mastery score, and what was kept last time.
        const initial =
          version === 'scorm12'
            ? { core: { student_id: learner, student_name: 'Trainee, Ana', ...(kept ? { entry: 'resume', lesson_status: (kept as any).core?.lesson_status } : {}) }, ...(masteryScore ? { student_data: { mastery_score: masteryScore } } : {}), ...(kept ? { suspend_data: (kept as any).suspend_data ?? '' } : {}) }
            : { learner_id: learner, learner_name: 'Ana Trainee', ...(masteryScore ? { scaled_passing_score: masteryScore } : {}), ...(kept ? { entry: 'resume', suspend_data: (kept as any).suspend_data ?? '', completion_status: (kept as any).completion_status, success_status: (kept as any).success_status } : {}) };
        const page = html(
          `${version} ${key}`,
          `<script src="/scorm-again/${version}.min.js"></script>
<script>
window.${apiName} = new ${constructor}({ lmsCommitUrl: '/lms/commit?key=${encodeURIComponent(key)}', autocommit: false, logLevel: 4, useAsynchronousCommits: false });
window.${apiName}.loadFromJSON(${JSON.stringify(initial)});
</script>
<iframe id="content" title="Course content" src="/packages/${url.searchParams.get('package')}/${url.searchParams.get('item')}"></iframe>`,
        );
        return send(response, 200, page, 'text/html');
      }
      if (path === '/lms/commit' && request.method === 'POST') {
        const key = url.searchParams.get('key')!;
        const data = JSON.parse(await bodyOf(request)) as { cmi?: Record<string, unknown> };
        scormData.set(key, data.cmi ?? (data as Record<string, unknown>));
        return send(response, 200, JSON.stringify({ result: true, errorCode: 0 }));
      }

      // cmi5: the LMS's launch of an AU, as cmi5 section 8 describes it.
      if (path === '/lms/cmi5') {
        const pkg = url.searchParams.get('package')!;
        const au = url.searchParams.get('au')!;
        const auUrl = url.searchParams.get('url')!;
        const learner = url.searchParams.get('learner')!;
        const masteryScore = url.searchParams.get('mastery');
        const moveOn = url.searchParams.get('moveOn') ?? 'Completed';
        const registrationKey = `${pkg} ${learner}`;
        if (!registrations.has(registrationKey)) registrations.set(registrationKey, randomUUID());
        const registration = registrations.get(registrationKey)!;
        const activityKey = `${pkg} ${au}`;
        if (!activityIds.has(activityKey)) activityIds.set(activityKey, `https://lms.test/activities/${randomUUID()}`);
        const activityId = activityIds.get(activityKey)!;
        const actor = { objectType: 'Agent', name: 'Ana Trainee', account: { homePage: 'https://lms.test', name: learner } };
        const sessionId = randomUUID();
        const launchData = {
          contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: au }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId } },
          launchMode: 'Normal',
          moveOn,
          ...(masteryScore ? { masteryScore: Number(masteryScore) } : {}),
        };
        state.set(stateKey(new URLSearchParams({ agent: JSON.stringify(actor), activityId, registration, stateId: 'LMS.LaunchData' })), JSON.stringify(launchData));
        const token = randomUUID();
        fetchTokens.set(token, { token, activityId, registration, ...(masteryScore ? { masteryScore: Number(masteryScore) } : {}), used: false });
        const launch = new URLSearchParams({ endpoint: `${origin}/xapi/`, fetch: `${origin}/lms/fetch/${token}`, actor: JSON.stringify(actor), registration, activityId });
        return send(response, 200, html(`cmi5 ${au}`, `<iframe id="content" title="Course content" src="/packages/${pkg}/${auUrl}?${launch}"></iframe>`), 'text/html');
      }
      if (path.startsWith('/lms/fetch/') && request.method === 'POST') {
        const launch = fetchTokens.get(path.slice('/lms/fetch/'.length));
        if (!launch || launch.used) {
          fetchesRefused++;
          return send(response, 200, JSON.stringify({ 'error-code': '1', 'error-text': 'The fetch URL has already been used' }));
        }
        launch.used = true;
        const authToken = Buffer.from(`session:${launch.token}`).toString('base64');
        sessions.set(authToken, launch);
        return send(response, 200, JSON.stringify({ 'auth-token': authToken }));
      }

      // The LRS.
      if (path.startsWith('/xapi/')) {
        const auth = request.headers.authorization ?? '';
        const basic = auth.replace(/^Basic /, '');
        const session = sessions.get(basic);
        const named = Buffer.from(basic, 'base64').toString('utf8') === lrsAuth;
        if (!session && !named) return send(response, 401, JSON.stringify({ error: 'unknown credentials' }));
        if (path === '/xapi/statements' && (request.method === 'POST' || request.method === 'PUT')) {
          const body = JSON.parse(await bodyOf(request)) as unknown;
          const statements = (Array.isArray(body) ? body : [body]) as Array<Record<string, any>>;
          for (const statement of statements) received.push({ statement, check: checkStatement(statement, session), via: session ? 'cmi5' : 'named' });
          return send(response, 200, JSON.stringify(statements.map((statement) => statement.id)));
        }
        if (path === '/xapi/activities/state') {
          const key = stateKey(url.searchParams);
          if (request.method === 'GET') return state.has(key) ? send(response, 200, state.get(key)!) : send(response, 404, '{}');
          state.set(key, await bodyOf(request));
          response.writeHead(204).end();
          return;
        }
        if (path === '/xapi/agents/profile') return send(response, 404, '{}');
        return send(response, 404, '{}');
      }
      send(response, 404, 'not found', 'text/plain');
    } catch (error) {
      send(response, 500, String(error), 'text/plain');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    xapi: `${origin}/xapi/`,
    lrsAuth,
    received,
    scormData,
    state,
    get fetchesRefused() {
      return fetchesRefused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
