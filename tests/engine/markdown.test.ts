/**
 * The scenario Markdown parser splits a file before each `## ` heading, parses the pieces and
 * keeps recent ones: the tree must always be the one a whole-file parse gives, positions and all.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/engine/markdown.ts';
import { readFixture } from '../helpers.ts';

/** The blocks of a whole-file parse (the root itself has no position in a chunked parse). */
const wholeFile = (source: string) => (unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(source) as Root).children;

describe('parsing scenario Markdown node by node', () => {
  const source = readFixture('every-feature.md');

  it('gives the tree of a whole-file parse', () => {
    expect(parseMarkdown(source).children).toEqual(wholeFile(source));
  });

  it('gives the same tree again after an edit, from kept and fresh pieces alike', () => {
    parseMarkdown(source);
    const edited = source.replace('I want a plan for the mornings.', 'I want a plan for my mornings, please.');
    expect(parseMarkdown(edited).children).toEqual(wholeFile(edited));
    expect(parseMarkdown(source).children).toEqual(wholeFile(source));
  });

  it('does not split inside a comment, a code block or a list item', () => {
    const tricky = `${source}
<!-- A node set aside for now:
## Not a node

**Outcome:** mixed
-->

## Last

- **Open question:** "Why?" -> last
  - feedback: Fine.
  ## a heading inside the list item

\`\`\`
## not a heading either
\`\`\`
`;
    expect(parseMarkdown(tricky).children).toEqual(wholeFile(tricky));
  });
});
