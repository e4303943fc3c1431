/**
 * Fails `astro build` with the engine's own diagnostics when any scenario has an error: the same
 * messages, file, line and column that `coach lint` prints, all of them, and no stack trace. In
 * `astro dev` it reloads the site whenever a scenario file changes, and a broken scenario's page
 * shows its diagnostics.
 */
import type { AstroIntegration } from 'astro';
import { hasErrors } from '../engine/diagnostics.ts';
import { problemsReport } from '../node/problems-report.ts';
import { lintScenarioFiles, loadVocabulary, scenariosFolder } from '../node/scenario-files.ts';
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
        const vocabulary = await loadVocabulary();
        const results = await lintScenarioFiles([], { vocabulary: vocabulary.vocabulary });
        const broken = results.filter((result) => hasErrors(result.file)).map((result) => result.file);
        // The course's vocabulary file is checked like a scenario: its mistakes stop the build too.
        const brokenVocabulary = vocabulary.file && hasErrors(vocabulary.file) ? vocabulary.file : undefined;
        if (broken.length === 0 && !brokenVocabulary) return;
        const width = process.stderr.isTTY && process.stderr.columns ? process.stderr.columns : 80;
        process.stderr.write(`\n${problemsReport([...(brokenVocabulary ? [brokenVocabulary] : []), ...broken], { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR, width })}\n\n`);
        const what = [...(brokenVocabulary ? [`\`${brokenVocabulary.path}\` has errors`] : []), ...(broken.length > 0 ? [`${broken.length} of ${results.length} scenarios have errors`] : [])].join(', and ');
        logger.error(`${what}; the site was not built. Fix them (run \`npx coach lint\` to check) and build again.`);
        process.exit(1);
      },
    },
  };
}
