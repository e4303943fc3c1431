/**
 * Scenario text (lines, feedback, debriefs, introductions) is Markdown; the site turns it into
 * HTML at build time, so the browser gets HTML and no Markdown parser. Raw HTML in scenario files
 * is dropped and the result sanitised: trainers' text never runs as code, and never loads anything
 * from another site (an image elsewhere becomes its description; `coach lint` reports it too).
 */
import type { Element, Root, Text } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { isOwnUrl } from '../engine/parse/media.ts';

/** Replaces each image from another site with its description: nothing is fetched from elsewhere. */
function ownImagesOnly() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || parent === undefined || index === undefined || isOwnUrl(String(node.properties.src ?? ''))) return;
      const description: Text = { type: 'text', value: String(node.properties.alt ?? '') };
      parent.children.splice(index, 1, description);
      return [SKIP, index];
    });
  };
}

/** GitHub's schema (rehype-sanitize's default), with media addresses only relative: the course's own files. */
const schema = { ...defaultSchema, protocols: { ...defaultSchema.protocols, src: [], longDesc: [] } };

const processor = unified().use(remarkParse).use(remarkRehype).use(ownImagesOnly).use(rehypeSanitize, schema).use(rehypeStringify);

/** Block Markdown to HTML. */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** A single paragraph's inline Markdown to HTML, without the wrapping `<p>`. */
export function inlineMarkdownToHtml(markdown: string): string {
  return markdownToHtml(markdown).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
