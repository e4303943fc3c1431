/**
 * Loaded first by every page of a package, and by no page of the public site. The site's pages
 * link from its root (`/modules/…`), and `coach package` rewrites every link in the built HTML to
 * a relative one, since an LMS serves a package from a folder of its own. Links that the course's
 * scripts make in the browser (a past run on My progress, a module in a list) cannot be rewritten
 * ahead of time, so this rewrites them as they appear, and sends the search index request the same
 * way. An LMS's file server lists no folders, so a page is always named by its `index.html`.
 */
import { packagedUrl } from './packaged-url.ts';

const root = new URL('../', (document.currentScript as HTMLScriptElement).src);

// The site's pages keep the course for offline use with a worker at the site's root; in an LMS's
// folder there is none, so they leave it out (src/site/offline.ts reads this).
document.documentElement.dataset.packaged = '';

function rewrite(anchor: Element): void {
  const href = anchor.getAttribute('href');
  const fixed = href === null ? undefined : packagedUrl(href, root);
  if (fixed !== undefined) anchor.setAttribute('href', fixed);
}

new MutationObserver((changes) => {
  for (const change of changes) {
    if (change.type === 'attributes') rewrite(change.target as Element);
    for (const node of change.addedNodes) {
      if (!(node instanceof Element)) continue;
      if (node.matches('a[href]')) rewrite(node);
      for (const anchor of node.querySelectorAll('a[href]')) rewrite(anchor);
    }
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['href'] });

const siteFetch = window.fetch.bind(window);
window.fetch = (input, init) => siteFetch(typeof input === 'string' ? (packagedUrl(input, root) ?? input) : input, init);
