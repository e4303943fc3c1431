/**
 * Module MDX and scenario Markdown read as syntax trees at build time, for what the site derives
 * from them: the plain text that search matches and quotes, and the reflections each module asks.
 */
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

// GFM as the site renders it, so a table is a table here too, not a paragraph of pipes.
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);
const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** What plain text leaves out: imports, expressions (component props among them) and code. */
const unread = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'code', 'html', 'yaml']);
/** Nodes whose text stands apart from its neighbours', so words of adjoining blocks or cells never run together. */
const apart = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'table', 'tableRow', 'tableCell', 'mdxJsxFlowElement', 'break']);

/** A JSX element's string attribute, if it has one. */
export function attributeOf(element: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const value = element.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The readable text of a tree, from its text nodes only: blocks and table cells separated by a
 * line break, runs of spaces made one. `emptyElement` supplies the text of a JSX element written
 * without children, such as `<Term id="chime" />`, which shows the term itself.
 */
export function plainText(tree: Nodes, emptyElement: (element: MdxJsxTextElement | MdxJsxFlowElement) => string = () => ''): string {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (unread.has(node.type)) return;
    if (node.type === 'text' || node.type === 'inlineCode') {
      out.push(node.value);
      return;
    }
    const separate = apart.has(node.type);
    if (separate) out.push('\n');
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.children.length === 0) out.push(emptyElement(node));
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
    if (separate) out.push('\n');
  };
  walk(tree);
  return out
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/** A module's MDX body as a tree. */
export function parseMdx(mdx: string): Root {
  return mdxParser.parse(mdx);
}

/** A piece of scenario Markdown as plain text: `**Jordan:** I'm *fine*` reads `Jordan: I'm fine`. */
export function markdownText(markdown: string): string {
  return plainText(markdownParser.parse(markdown));
}

/** A reflection a module asks for: its id (as saved) and its prompt. */
export interface ModuleReflection {
  readonly id: string;
  readonly prompt: string;
}

/** Every `<Reflection id prompt />` in a module's MDX body, in order. */
export function reflectionsIn(mdx: string): ModuleReflection[] {
  const found: ModuleReflection[] = [];
  visit(parseMdx(mdx), (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Reflection') {
      const id = attributeOf(node, 'id');
      if (id) found.push({ id, prompt: attributeOf(node, 'prompt') ?? '' });
    }
  });
  return found;
}

/** The glossary ids of every `<Term id>` in a module's MDX body: the terms the module defines in passing. */
export function termsIn(mdx: string): Set<string> {
  const found = new Set<string>();
  visit(parseMdx(mdx), (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Term') {
      const id = attributeOf(node, 'id');
      if (id) found.add(id);
    }
  });
  return found;
}
