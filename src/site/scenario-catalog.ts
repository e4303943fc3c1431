/**
 * The scenarios as the site sees them: every file in scenarios/, checked by the engine, with its
 * Markdown rendered to HTML for the player. A file with errors keeps its diagnostics, which the
 * dev server shows on its page (the build stops before it gets here).
 */
import { hasErrors } from '../engine/diagnostics.ts';
import type { Outcome } from '../engine/front-matter-schema.ts';
import type { Scenario } from '../engine/types.ts';
import { problemsReport } from '../node/problems-report.ts';
import { lintScenarioFiles, loadVocabulary } from '../node/scenario-files.ts';
import type { Vocabulary } from '../engine/vocabulary.ts';
import { renderScenarioMarkdown, type RenderedMarkdown } from './render-scenario.ts';

export interface ScenarioEntry {
  readonly id: string;
  readonly scenario: Scenario;
  readonly html: RenderedMarkdown;
  /** How many nodes, and endings of each outcome. */
  readonly stats: { readonly nodes: number; readonly endings: Record<Outcome, number> };
}

export interface BrokenScenario {
  readonly id: string;
  /** The engine's diagnostics, as `coach lint` prints them. */
  readonly report: string;
}

export interface ScenarioCatalog {
  readonly scenarios: ScenarioEntry[];
  readonly broken: BrokenScenario[];
  /** The skills and tags, built in and added by the course's vocabulary file, for their labels. */
  readonly vocabulary: Vocabulary;
}

let catalog: Promise<ScenarioCatalog> | undefined;

/**
 * Every scenario, checked and rendered, in file-name order. Read once per build, however many pages
 * ask for it; under `astro dev`, read again after any scenario file changes, because
 * `scenario-live-reload.ts` has this module loaded afresh.
 */
export function loadScenarioCatalog(): Promise<ScenarioCatalog> {
  catalog ??= readCatalog();
  return catalog;
}

async function readCatalog(): Promise<ScenarioCatalog> {
  const { vocabulary } = await loadVocabulary();
  const results = await lintScenarioFiles([], { vocabulary });
  const scenarios: ScenarioEntry[] = [];
  const broken: BrokenScenario[] = [];
  for (const result of results) {
    const id = result.file.stem ?? '';
    if (hasErrors(result.file) || !result.scenario) {
      // Unwrapped: the page wraps each message itself.
      broken.push({ id, report: problemsReport([result.file], { color: false, width: Infinity }) });
      continue;
    }
    const { scenario } = result;
    const endings = { positive: 0, mixed: 0, negative: 0 };
    for (const node of scenario.nodes) if (node.kind === 'ending') endings[node.outcome]++;
    scenarios.push({ id, scenario, html: renderScenarioMarkdown(scenario), stats: { nodes: scenario.nodes.length, endings } });
  }
  return { scenarios, broken, vocabulary };
}

/** `getStaticPaths` for a page per valid scenario (its group page, its role cards): the id, and the entry as a prop. */
export async function scenarioPagePaths(): Promise<Array<{ params: { id: string }; props: { entry: ScenarioEntry } }>> {
  const { scenarios } = await loadScenarioCatalog();
  return scenarios.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
