/**
 * Scenario text (lines, feedback, debriefs, introductions) is Markdown; the site turns it into
 * HTML at build time, so the browser gets HTML and no Markdown parser. Raw HTML in scenario files
 * is dropped and the result sanitised: trainers' text never runs as code.
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

/** Block Markdown to HTML. */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** A single paragraph's inline Markdown to HTML, without the wrapping `<p>`. */
export function inlineMarkdownToHtml(markdown: string): string {
  return markdownToHtml(markdown).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
