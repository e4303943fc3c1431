/**
 * What search can find: every module (title, description and body text), every scenario (title,
 * summary, persona and every line) and every glossary term. Built once, at build time, into a
 * lunr index that the browser loads only when the reader first opens search.
 */
import lunr from 'lunr';
import type { Scenario } from '../engine/types.ts';
import { attributeOf, markdownText, parseMdx, plainText } from './mdx-tree.ts';

export interface SearchDocument {
  /** The page's address, which is also the document's id. */
  readonly url: string;
  readonly title: string;
  readonly kind: 'Module' | 'Scenario' | 'Glossary';
  /** Plain text, for matching and for the snippet shown with a result. */
  readonly text: string;
  /** Hard topics, said before the snippet, as everywhere else a summary is shown. */
  readonly contentNotes?: readonly string[];
}

export interface SearchIndexFile {
  readonly index: object;
  readonly documents: Record<string, SearchDocument>;
}

/**
 * The readable text of an MDX module body: prose, lists, tables and JSX children, each block apart
 * from the next; no code, imports or props. A `<Term>` written without words reads as its term.
 */
export function mdxToText(mdx: string, termOf: (id: string) => string = () => ''): string {
  return plainText(parseMdx(mdx), (element) => (element.name === 'Term' ? termOf(attributeOf(element, 'id') ?? '') : ''));
}

/** A scenario as plain text: what a trainee reads while playing it. */
export function scenarioText(scenario: Scenario): string {
  const { meta } = scenario;
  const parts = [meta.summary, meta.persona.name, meta.persona.situation ?? '', scenario.introduction];
  for (const node of scenario.nodes) {
    for (const line of node.lines) parts.push(line.speaker ? `${line.speaker}: ${line.markdown}` : line.markdown);
    if (node.kind === 'choice') for (const choice of node.choices) parts.push(choice.says);
    if (node.kind === 'ending') parts.push(node.debrief);
  }
  return parts.filter(Boolean).map(markdownText).join('\n');
}

/** Builds the serialised index with the documents it points to. */
export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndexFile {
  const index = lunr(function () {
    this.ref('url');
    this.field('title', { boost: 5 });
    this.field('text');
    for (const document of documents) this.add(document);
  });
  return { index: index.toJSON(), documents: Object.fromEntries(documents.map((document) => [document.url, document])) };
}
