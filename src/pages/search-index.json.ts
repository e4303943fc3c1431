import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadScenarioCatalog } from '../site/scenario-catalog.ts';
import { buildSearchIndex, mdxToText, scenarioText, type SearchDocument } from '../site/search-documents.ts';

/** The search index, built with the site and fetched by the browser on the first search. */
export const GET: APIRoute = async () => {
  const modules = await getCollection('modules');
  const glossary = await getCollection('glossary');
  const { scenarios } = await loadScenarioCatalog();
  const terms = new Map(glossary.map((entry) => [entry.data.id, entry.data.term]));
  const termOf = (id: string) => terms.get(id) ?? '';
  const documents: SearchDocument[] = [
    ...modules.map((entry) => ({
      url: `/modules/${entry.id}`,
      title: entry.data.title,
      kind: 'Module' as const,
      text: `${entry.data.description}\n${mdxToText(entry.body ?? '', termOf)}`,
      contentNotes: entry.data.content_notes,
    })),
    ...scenarios.map(({ id, scenario }) => ({ url: `/scenarios/${id}`, title: scenario.meta.title, kind: 'Scenario' as const, text: scenarioText(scenario), contentNotes: scenario.meta.content_notes })),
    ...glossary.map((entry) => ({ url: `/glossary#${entry.data.id}`, title: entry.data.term, kind: 'Glossary' as const, text: entry.data.definition })),
  ];
  return new Response(JSON.stringify(buildSearchIndex(documents)), { headers: { 'Content-Type': 'application/json' } });
};
