/**
 * Every piece of a scenario's Markdown rendered to HTML, for the player: at build time for the
 * site's scenario pages, and in the studio's worker for its preview.
 */
import type { Scenario } from '../engine/types.ts';
import { inlineMarkdownToHtml, markdownToHtml } from './markdown-html.ts';

/** Every piece of Markdown in a scenario, rendered: looked up by its Markdown source. */
export type RenderedMarkdown = Record<string, string>;

/** Renders the introduction, lines, feedback and debriefs of a scenario. */
export function renderScenarioMarkdown(scenario: Scenario): RenderedMarkdown {
  // No prototype: a line whose text is `toString` or `constructor` is rendered like any other.
  const html: RenderedMarkdown = Object.create(null);
  const inline = (markdown: string) => (html[markdown] ??= inlineMarkdownToHtml(markdown));
  const block = (markdown: string) => (html[markdown] ??= markdownToHtml(markdown));
  if (scenario.introduction) block(scenario.introduction);
  for (const node of scenario.nodes) {
    for (const line of node.lines) inline(line.markdown);
    if (node.kind === 'choice') for (const choice of node.choices) inline(choice.feedback);
    if (node.kind === 'ending') for (const part of node.debriefParts) block(part.markdown);
  }
  return html;
}
