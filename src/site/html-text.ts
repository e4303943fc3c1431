/**
 * Scenario Markdown as plain words in the browser, for the text transcript. The page has no
 * Markdown reader (it would cost every scenario page its weight); it has the HTML the build
 * rendered from each piece of Markdown, sanitised, so the words are read from that.
 */
import type { RenderedMarkdown } from './render-scenario.ts';

/** Elements that start a paragraph of their own. */
const blocks = new Set(['P', 'DIV', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE', 'TR', 'HR']);

/** The words of rendered HTML: paragraphs apart by a blank line, list items on lines of their own (`- ` or `1. `), line breaks kept. */
export function htmlText(html: string): string {
  const out: string[] = [];
  // Inside a list item, a paragraph (a loose list's) runs on after the item's number.
  const walk = (node: Node, inItem: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.tagName === 'BR') return void out.push('\n');
    if (node.tagName === 'LI') {
      const list = node.parentElement;
      const number = list?.tagName === 'OL' ? `${Number(list.getAttribute('start') ?? 1) + [...list.children].indexOf(node)}. ` : '- ';
      out.push(`\n${number}`);
      for (const child of node.childNodes) walk(child, true);
      return;
    }
    const block = blocks.has(node.tagName);
    const lists = node.tagName === 'UL' || node.tagName === 'OL';
    if (block) out.push(inItem && !lists ? ' ' : '\n\n');
    for (const child of node.childNodes) walk(child, inItem && !lists);
    if (block) out.push(inItem && !lists ? ' ' : '\n\n');
  };
  walk(new DOMParser().parseFromString(html, 'text/html').body, false);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The `plain` the text transcript asks for: each piece of Markdown by the HTML rendered from it.
 * Anything the build did not render (it renders every line, feedback, debrief and introduction)
 * falls back to its source with emphasis and code marks taken out.
 */
export function plainFromRendered(rendered: RenderedMarkdown): (markdown: string) => string {
  return (markdown) => {
    const html = rendered[markdown];
    return html === undefined ? markdown.replace(/(\*\*|__|[*`])/g, '').trim() : htmlText(html);
  };
}
