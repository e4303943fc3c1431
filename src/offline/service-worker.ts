/**
 * The service worker (built to dist/sw.js by offline-integration.ts): it keeps a copy of the whole
 * built course, so every page works with no network after the first visit. It answers only
 * requests for this site's own files. The rooms' `/api/` requests and WebSockets, and any other
 * site, are never touched: they go to the network as if there were no worker.
 *
 * A new build has a new list of files (with a revision for each), so the browser sees a new
 * worker; it takes over at once rather than waiting for every tab to close, and the pages offer a
 * reload (src/site/offline.ts), so no reader is left on an old version.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { isRoomApi, offlinePage } from './offline-routes.ts';

/** The worker's global scope, typed only as far as this file uses it (the project's types are the DOM's). */
const worker = self as unknown as {
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: () => void): void;
};

worker.addEventListener('install', () => void worker.skipWaiting());
clientsClaim();
cleanupOutdatedCaches();

// The course's files with their revisions: workbox-build's injectManifest writes them in place of
// `self.__WB_MANIFEST`, which must stay spelt out so.
precacheAndRoute((self as unknown as { __WB_MANIFEST: Array<PrecacheEntry | string> }).__WB_MANIFEST, {
  // A page reads its query in the browser (a scenario's id, a search), so the file is the same
  // whatever the query says.
  ignoreURLParametersMatching: [/.*/],
  // The site links to `/modules` as well as `/modules/`; both are modules/index.html.
  urlManipulation: ({ url }) => (url.pathname.endsWith('/') ? [] : [new URL(`${url.pathname}/index.html`, url)]),
});

// A page that is not kept (a group room, which needs its server; an address that does not exist)
// comes from the network; with no network, the offline page says why instead of the browser's error.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.origin === location.origin && !isRoomApi(url.pathname),
  async ({ request }) => {
    try {
      return await fetch(request);
    } catch {
      return (await matchPrecache(offlinePage)) ?? Response.error();
    }
  },
);
