/**
 * Makes the built course work offline: after `astro build` writes dist/, this bundles the service
 * worker (service-worker.ts) and writes into it the list of every file to keep, each with a
 * revision, using Workbox's injectManifest. It runs in every `astro build` (`npm run build`,
 * `npm test`, and `coach group`, which builds when dist/ is out of date), and never under
 * `astro dev`, where a worker would serve stale pages and break live reload. `coach package`
 * leaves the worker out of LMS packages (cli/package-command.ts).
 *
 * Workbox itself rather than @vite-pwa/astro: its latest release (1.2) declares Astro 5 at most as
 * its peer, so npm refuses to install it beside Astro 7 without --legacy-peer-deps.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'rolldown';
import { injectManifest } from 'workbox-build';
import { onlineOnlyPages, serviceWorkerFile } from './offline-routes.ts';

/** Bundles the worker's source, with Workbox in it, as one classic script. */
async function bundledWorker(): Promise<string> {
  const result = await build({
    input: fileURLToPath(new URL('./service-worker.ts', import.meta.url)),
    write: false,
    // Workbox logs every request in development builds; this is the production one.
    transform: { define: { 'process.env.NODE_ENV': '"production"' } },
    output: { format: 'iife', minify: true },
  });
  return result.output[0].code;
}

/**
 * Writes `site`/sw.js: the worker with the list of the built site's files to keep, each with a
 * revision (a hash of its content), so a rebuild that changes any file gives a new worker.
 */
export async function writeServiceWorker(site: string): Promise<{ count: number; size: number; warnings: string[] }> {
  const scratch = await mkdtemp(join(tmpdir(), 'coach-sw-'));
  try {
    const source = join(scratch, serviceWorkerFile);
    await writeFile(source, await bundledWorker());
    return await injectManifest({
      swSrc: source,
      swDest: join(site, serviceWorkerFile),
      globDirectory: site,
      globPatterns: ['**/*'],
      globIgnores: [serviceWorkerFile, '**/*.map', ...onlineOnlyPages],
      // Astro names the files in _astro/ by their content, so the name is their revision.
      dontCacheBustURLsMatching: /^_astro\//,
      // Every file of the course is kept, however large (the search index is the largest).
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * What `astro dev` serves as sw.js: a worker that removes itself and reloads its pages. A browser
 * that visited a built copy (`astro preview`) on the same address would otherwise keep showing
 * those stored pages instead of the live ones; it looks for a new sw.js at the next page load.
 */
const removeStoredCopy = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(
  self.registration.unregister()
    .then(() => caches.keys()).then((names) => Promise.all(names.map((name) => caches.delete(name))))
    .then(() => self.clients.matchAll({ type: 'window' })).then((pages) => pages.forEach((page) => page.navigate(page.url)))
));`;

export function offlineCopy(): AstroIntegration {
  return {
    name: 'recovery-coach-practice:offline-copy',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'recovery-coach-practice:remove-stored-copy',
                configureServer(server) {
                  server.middlewares.use(`/${serviceWorkerFile}`, (_req, res) => {
                    res.setHeader('content-type', 'text/javascript');
                    res.setHeader('cache-control', 'no-cache');
                    res.end(removeStoredCopy);
                  });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { count, size, warnings } = await writeServiceWorker(fileURLToPath(dir));
        for (const warning of warnings) logger.warn(warning);
        logger.info(`${serviceWorkerFile}: ${count} files kept for offline use, ${(size / 1024 / 1024).toFixed(1)} MB`);
      },
    },
  };
}
