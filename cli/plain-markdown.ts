/** Scenario Markdown as plain text for the terminal: emphasis and links reduced to their words. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse);

/** Plain text, one paragraph per block, separated by blank lines; HTML (trainers' comments) left out. */
export function plainText(markdown: string): string {
  const tree = parser.parse(markdown) as Root;
  return tree.children.filter((block) => block.type !== 'html').map((block) => (block.type === 'list' ? block.children.map((item) => `- ${toString(item)}`).join('\n') : toString(block))).join('\n\n');
}
