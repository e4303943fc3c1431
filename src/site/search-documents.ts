/**
 * What search can find: every module (title, description and body text), every scenario (title,
 * summary, persona and every line) and every glossary term. Built once, at build time, into a
 * lunr index that the browser loads only when the reader first opens search.
 */
import lunr from 'lunr';
import { toString } from 'mdast-util-to-string';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Scenario } from '../engine/types.ts';

export interface SearchDocument {
  /** The page's address, which is also the document's id. */
  readonly url: string;
  readonly title: string;
  readonly kind: 'Module' | 'Scenario' | 'Glossary';
  /** Plain text, for matching and for the snippet shown with a result. */
  readonly text: string;
}

export interface SearchIndexFile {
  readonly index: object;
  readonly documents: Record<string, SearchDocument>;
}

const mdxParser = unified().use(remarkParse).use(remarkMdx);

/** The readable text of an MDX module body: prose and JSX children, no code, imports or props. */
export function mdxToText(mdx: string): string {
  const tree = mdxParser.parse(mdx);
  const blocks = (tree.children as Array<{ type: string }>).filter((node) => node.type !== 'mdxjsEsm' && node.type !== 'code');
  return blocks.map((node) => toString(node as never)).filter(Boolean).join('\n').replace(/[ \t]+/g, ' ').trim();
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
  return parts.filter(Boolean).join('\n').replace(/[*_`]/g, '');
}

/** Builds the serialised index with the documents it points to. */
export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndexFile {
  const index = lunr(function () {
    this.ref('url');
    this.field('title', { boost: 5 });
    this.field('text');
    this.metadataWhitelist = ['position'];
    for (const document of documents) this.add(document);
  });
  return { index: index.toJSON(), documents: Object.fromEntries(documents.map((document) => [document.url, document])) };
}
