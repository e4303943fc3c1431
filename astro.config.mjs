// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
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
});
