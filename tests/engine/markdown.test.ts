/**
 * The chunked parse of a scenario's body gives the tree that one whole-file parse gives, positions
 * and all, whatever the mix of lists, quotes, code and HTML: the chunks are cut only where
 * CommonMark starts afresh, and a list cut in two is joined again. (Link reference definitions
 * are the one thing a chunk does not share with the next, as when chunks were whole nodes: the
 * engine reads lines as their source text, and the site renders each line on its own anyway.)
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readScenarioMarkdown } from '../../src/engine/markdown.ts';
import { readFixture } from '../helpers.ts';

const wholeFile = unified().use(remarkParse);

const line = fc.oneof(
  fc.constantFrom('', '', '## Node', '## Another node {#x}', 'Narration *in italics* here.', '**Sam:** Hello there.', '**Outcome:** positive', '> A quote', '> > Nested quote', '<!-- a note', 'still the note -->', '<!-- one-line note -->', '<div>', '</div>', '```', '~~~', '    indented code', '***', '- - -', 'Setext', '===', '1. First', '2) Second'),
  fc.record({ indent: fc.constantFrom('', '  ', '    ', '      '), bullet: fc.constantFrom('-', '*', '+', '1.'), text: fc.constantFrom('**Affirm:** "Yes." -> a', 'feedback: Good.', 'set: rapport +1', 'x', '') }).map(({ indent, bullet, text }) => `${indent}${bullet} ${text}`.trimEnd()),
);

function withoutRootPosition(tree: Root): unknown {
  return JSON.parse(JSON.stringify({ ...tree, position: undefined }));
}

describe('the chunked parse', () => {
  it('gives the same tree as one parse of the whole file', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 40, maxLength: 120 }), (lines) => {
        const text = `\n${lines.join('\n')}\n`;
        expect(withoutRootPosition(readScenarioMarkdown(text).tree)).toEqual(withoutRootPosition(wholeFile.parse(text) as Root));
      }),
      { seed: 7, numRuns: 100 },
    );
    // The whole-file parse it compares with is the slow one; give a loaded machine room.
  }, 120_000);
});

describe('parsing a scenario node by node', () => {
  const source = readFixture('every-feature.md');
  /** A whole-file parse with the front matter blanked: the body's blocks, at their places in the file. */
  const wholeBody = (text: string) => {
    const end = text.indexOf('\n---', 3) + 4;
    return (wholeFile.parse(text.slice(0, end).replace(/[^\n]/g, ' ') + text.slice(end)) as Root).children;
  };
  const chunked = (text: string) => readScenarioMarkdown(text).tree.children;

  it('gives the tree of a whole-file parse, and again after an edit, from kept and fresh chunks alike', () => {
    expect(chunked(source)).toEqual(wholeBody(source));
    const edited = source.replace('I want a plan for the mornings.', 'I want a plan for my mornings, please.');
    expect(chunked(edited)).toEqual(wholeBody(edited));
    expect(chunked(source)).toEqual(wholeBody(source));
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
    expect(chunked(tricky)).toEqual(wholeBody(tricky));
  });
});
