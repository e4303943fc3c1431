/**
 * Fails `astro build` with the engine's own diagnostics when any scenario has an error: the same
 * messages, file, line and column that `coach lint` prints, all of them, and no stack trace. In
 * `astro dev` it reloads the site whenever a scenario file changes, and a broken scenario's page
 * shows its diagnostics.
 */
import type { AstroIntegration } from 'astro';
import { hasErrors } from '../engine/diagnostics.ts';
import { problemsReport } from '../node/problems-report.ts';
import { lintScenarioFiles, scenariosFolder } from '../node/scenario-files.ts';
import { scenarioLiveReload } from './scenario-live-reload.ts';
import { buildCoderModel } from '../../scripts/coder/build-model.ts';

export function scenarioChecks(): AstroIntegration {
  return {
    name: 'recovery-coach-practice:scenario-checks',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig, logger }) => {
        updateConfig({ vite: { plugins: [scenarioLiveReload(scenariosFolder)] } });
        // The coder learns from the library as it is now, so the pages that code replies follow it.
        logger.info(await buildCoderModel());
        if (command !== 'build') return;
        const results = await lintScenarioFiles([]);
        const broken = results.filter((result) => hasErrors(result.file));
        if (broken.length === 0) return;
        const width = process.stderr.isTTY && process.stderr.columns ? process.stderr.columns : 80;
        process.stderr.write(`\n${problemsReport(broken.map((result) => result.file), { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR, width })}\n\n`);
        logger.error(`${broken.length} of ${results.length} scenarios have errors; the site was not built. Fix them (run \`npx coach lint\` to check) and build again.`);
        process.exit(1);
      },
    },
  };
}
