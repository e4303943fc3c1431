/**
 * Keeps the course on this device for use offline: registers the service worker that the build
 * writes (src/offline/), and when a newer version of the course takes over an open page, says so
 * calmly and offers a reload. Not under `astro dev`, where there is no worker and pages must
 * reload live, and not in an LMS package, whose pages are served from the LMS's own folders.
 */
// Set before this runs by the script `coach package` puts first in every packaged page.
const inPackage = 'packaged' in document.documentElement.dataset;

if (import.meta.env.PROD && !inPackage && 'serviceWorker' in navigator) {
  const { serviceWorker } = navigator;
  // With no worker yet, the first one taking over is the first visit, not a new version.
  const hadWorker = serviceWorker.controller !== null;
  serviceWorker.addEventListener('controllerchange', () => {
    if (hadWorker) showUpdateNotice();
  });
  addEventListener('load', () => {
    serviceWorker.register('/sw.js').then(
      (registration) => {
        // The browser looks for a new version at each page load; a page left open looks again
        // when it is back in view or back online.
        const check = () => void registration.update().catch(() => {});
        addEventListener('online', check);
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') check();
        });
      },
      () => {}, // Without the worker the site still works online; there is nothing to tell the reader.
    );
  });
}

/** Fills the page's status line (BaseLayout's `data-update-notice`) with the news and a reload button. */
function showUpdateNotice(): void {
  const notice = document.querySelector<HTMLElement>('[data-update-notice]');
  if (!notice || notice.childElementCount > 0) return;
  const text = document.createElement('p');
  text.textContent = 'A new version of the course is ready. Your progress is kept.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload to use it';
  reload.addEventListener('click', () => location.reload());
  text.append(' ', reload);
  notice.append(text);
}
