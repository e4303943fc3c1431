/** Scenario Markdown that the build rendered to HTML (sanitised there), looked up by its source. */
import type { RenderedMarkdown } from '../site/render-scenario.ts';

/** Renders one piece of a scenario's Markdown from the build's rendering. */
export default function Html({ markdown, html, as: Tag = 'span', className }: { markdown: string; html: RenderedMarkdown; as?: 'span' | 'div'; className?: string }) {
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html[markdown] ?? '' }} />;
}
