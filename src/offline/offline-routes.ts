/**
 * What the offline copy leaves out, in one place for the build (which files to keep) and the
 * service worker (which requests to leave alone).
 */

/** The page a reader gets for a page that is not kept when there is no network. */
export const offlinePage = '/offline/index.html';

/** The rooms' server (`coach group`, the hosted rooms): live data, never kept or answered by the worker. */
export const isRoomApi = (pathname: string): boolean => pathname.startsWith('/api/');

/**
 * Built pages (as paths under dist/) that are no use without a room's server, so are not kept: with
 * no network they give the offline page, which says so, rather than a room that cannot connect.
 */
export const onlineOnlyPages = ['join/**', 'observe/**', 'rooms/**', 'scenarios/*/group/**'];

/** The worker's file in dist/, at the root so that it may control every page. */
export const serviceWorkerFile = 'sw.js';
