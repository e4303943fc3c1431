/** Scenario Markdown as plain text for the terminal: emphasis and links reduced to their words. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/** Plain text, one paragraph per block, separated by blank lines; HTML (trainers' comments, tags) left out, as on the site. */
export function plainText(markdown: string): string {
  const tree = parser.parse(markdown) as Root;
  const text = (node: Parameters<typeof toString>[0]) => toString(node, { includeHtml: false });
  return tree.children.filter((block) => block.type !== 'html').map((block) => (block.type === 'list' ? block.children.map((item) => `- ${text(item)}`).join('\n') : text(block))).join('\n\n');
}
