// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { moduleChecks } from './src/site/module-checks-integration.ts';
import { scenarioChecks } from './src/site/scenario-checks-integration.ts';

// A static site: every page is built ahead of time and works offline once loaded.
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [moduleChecks(), scenarioChecks(), mdx(), react()],
  devToolbar: { enabled: false },
  // Code blocks use the site's own colours, which pass contrast checks in both themes.
  markdown: { syntaxHighlight: false },
  // No telemetry, prefetching or third-party requests of any kind.
  prefetch: false,
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
