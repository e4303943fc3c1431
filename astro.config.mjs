// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { offlineCopy } from './src/offline/offline-integration.ts';
import { moduleChecks } from './src/site/module-checks-integration.ts';
import { scenarioChecks } from './src/site/scenario-checks-integration.ts';
import { editorStyleNonce } from './src/studio/style-nonce.ts';

// A static site: every page is built ahead of time, and a service worker keeps them all for use
// offline after the first visit (src/offline/).
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [moduleChecks(), scenarioChecks(), mdx(), react(), offlineCopy()],
  devToolbar: { enabled: false },
  // Code blocks use the site's own colours, which pass contrast checks in both themes.
  markdown: { syntaxHighlight: false },
  // No telemetry, prefetching or third-party requests of any kind.
  prefetch: false,
  // Each page carries a Content-Security-Policy (a <meta> tag, with the hashes of the scripts and
  // styles the build made): nothing is loaded from, sent to or shown from another site, and no
  // script runs that the build did not make. `coach group` sends the same limits as a header.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        // The service worker (sw.js) and the app manifest are this site's own files.
        "worker-src 'self'",
        "manifest-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      // Style attributes (a node's colour in the studio's diagram, say) are not scripts; they are
      // allowed, and so is the studio editor's own stylesheet (see src/studio/style-nonce.ts).
      styleDirective: { resources: ["'self'", `'nonce-${editorStyleNonce}'`, { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro gives each MDX module a stub that starts `"use astro:head-inject";` (in
          // astro/dist/content/vite-plugin-content-assets.js). Nothing in Astro reads that
          // directive after it is written, so the bundler dropping it, which is what Rolldown warns
          // about, changes nothing; every other directive warning still shows.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
    resolve: {
      alias: {
        // The studio parses Markdown in a Web Worker, which has no `document`; this package's
        // browser build decodes character references with a DOM element, so use its plain build
        // (the one Node resolves) everywhere. Nothing else in the browser parses Markdown.
        'decode-named-character-reference': fileURLToPath(import.meta.resolve('decode-named-character-reference')),
      },
    },
    // The studio's worker is an ES module, like the rest of the site's scripts.
    worker: { format: 'es' },
  },
});
