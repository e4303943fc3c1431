/**
 * The launch page of a packaged item (lms/<item>.html), what an LMS opens: the LMS bridge. It
 * opens the LMS session (SCORM or cmi5), puts what the LMS kept back on this device, shows the
 * course's own page for the item in a frame, and from then on hears every change the course's
 * pages make to the progress record (the browser's `storage` event reaches every page of the
 * site's origin), turns it into statements through the engine, queues them on the device and
 * sends them at once. The course's pages are the public site's pages, unchanged: only this page
 * knows there is an LMS. Without one (the package opened on its own) it reports nothing.
 */
import { completeStatement, type Actor, type StatementBody } from '../engine/xapi.ts';
import { parseProgress, replaceProgress, loadProgress, storageKey } from '../progress/store.ts';
import type { Progress } from '../progress/schema.ts';
import { openCmi5Session } from './cmi5.ts';
import { itemSlice, type LaunchConfig } from './course.ts';
import { itemStatus, statementsBetween } from './progress-events.ts';
import { openScormSession } from './scorm.ts';
import type { LmsSession } from './session.ts';
import { Outbox, type Destination } from './statement-queue.ts';
import { resumeFrom } from './suspend-data.ts';

/** A version 4 UUID for a statement's id; `crypto.randomUUID` exists only on https pages, and an LMS may serve a package over http. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function say(message: string): void {
  const status = document.getElementById('lms-status')!;
  status.textContent = message;
  status.hidden = message === '';
}

async function openSession(config: LaunchConfig): Promise<LmsSession | undefined> {
  try {
    if (config.format === 'cmi5') return await openCmi5Session({ passMark: config.passMark, storage: sessionStorage });
    return openScormSession(config.format, { passMark: config.passMark, window });
  } catch (error) {
    console.error('The learning system could not be reached:', error);
    return undefined;
  }
}

async function launch(): Promise<void> {
  const config = JSON.parse(document.getElementById('launch-config')!.textContent!) as LaunchConfig;
  const frame = document.querySelector<HTMLIFrameElement>('#course-page')!;
  const page = new URL(`../${config.page}`, location.href).href;
  const session = await openSession(config);
  if (!session) {
    say('This course is not connected to a learning system just now, so nothing is reported: your progress stays on this device.');
    frame.src = page;
    return;
  }

  const iris = { course: config.courseIri };
  const { item } = config;
  const passMark = session.passMark ?? config.passMark;
  const outbox = new Outbox(`recovery-coach-practice:lms-outbox:${item.kind}-${item.id}`, { storage: localStorage, fetch: window.fetch.bind(window) });
  const destinations: Array<{ destination: Destination; actor: Actor; lms: boolean }> = [];
  const store = session.recordStore;
  if (store && session.learner) destinations.push({ destination: store.destination, actor: session.learner, lms: true });
  // A deployment's own LRS hears of the trainee only by the name the LMS gives them.
  if (config.lrs && session.learner) destinations.push({ destination: config.lrs, actor: session.learner, lms: false });

  const queue = (bodies: readonly StatementBody[], lmsOnly = false) => {
    for (const { destination, actor, lms } of destinations) {
      if (lmsOnly && !lms) continue;
      const context = lms && store ? { registration: store.registration, contextTemplate: store.contextTemplate } : {};
      outbox.add(destination, bodies.map((body) => completeStatement(body, { id: uuid(), timestamp: new Date().toISOString(), actor, ...context })));
    }
  };
  const send = async () => {
    const waiting = await outbox.send();
    say(waiting > 0 ? `${waiting === 1 ? '1 update is' : `${waiting} updates are`} kept on this device, and will go to your learning system as soon as it can be reached.` : '');
  };

  /** Reports what changed for this item between two records: the profile's statements, then the LMS's status and the format's own. */
  const report = (before: Progress, after: Progress) => {
    queue(statementsBetween(iris, item, before, after, passMark));
    queue(session.report(itemStatus(after, item), after), true);
    void send();
  };

  // What the LMS kept and what this device kept, together; anything the LMS had not heard of is reported now.
  let known = session.suspended.progress;
  const resumed = resumeFrom(loadProgress().progress, known);
  replaceProgress(resumed);
  const now = itemSlice(resumed, item);
  report(known, now);
  known = now;

  window.addEventListener('storage', (event) => {
    if (event.key !== storageKey) return;
    const next = itemSlice(parseProgress(event.newValue).progress, item);
    report(known, next);
    known = next;
  });
  window.addEventListener('online', () => void send());
  // A tab left open for days still gets its steps out, even if no event says the network is back.
  setInterval(() => void send(), 30_000);
  window.addEventListener('pagehide', () => {
    queue(session.end(), true);
    void outbox.send({ keepalive: true });
  }, { once: true });

  frame.src = page;
}

void launch();
