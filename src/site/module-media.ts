/**
 * Images and media in the course's modules (MDX) come from the course itself, as in scenarios
 * (src/engine/parse/media.ts): a Markdown image or a JSX element (`<img>`, `<video>`, …) whose
 * address is another site's, written as a value, an expression or a CSS `url()` in a `style`, is a
 * problem at its line, with the fix. The built site's
 * Content-Security-Policy would block the request; this says so before anyone loads the page.
 */
import type { Image, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isOwnUrl, remoteMediaReason } from '../engine/parse/media.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

/** Elements that load a file, and the attributes that name it. */
const mediaAttributes: Record<string, readonly string[]> = {
  img: ['src', 'srcSet', 'srcset'],
  source: ['src', 'srcSet', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  // SVG's own images and references.
  image: ['href', 'xlinkHref', 'xlink:href'],
  use: ['href', 'xlinkHref', 'xlink:href'],
  feImage: ['href', 'xlinkHref', 'xlink:href'],
};

/** Every address written as a string inside a JSX expression (`src={"https://…"}`, a template literal). */
const addressesInExpression = (code: string): string[] => [...code.matchAll(/["'`]\s*((?:[a-z][a-z0-9+.-]*:)?\/\/[^"'`\s]*|[a-z][a-z0-9+.-]*:[^"'`\s]*)/gi)].map((match) => match[1]!);
/** Every address in a CSS `url(…)`, as a `style` attribute writes it. */
const addressesInCss = (css: string): string[] => [...css.matchAll(/url\(\s*["']?([^"')\s]+)/gi)].map((match) => match[1]!);

export interface ModuleProblem {
  readonly reason: string;
  readonly line: number;
  readonly column: number;
}

interface JsxElement {
  readonly type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  readonly name: string | null;
  readonly attributes: ReadonlyArray<{ readonly type: string; readonly name?: string; readonly value?: unknown }>;
  readonly position?: { readonly start: { readonly line: number; readonly column: number } };
}

/** Every image or media file in a module's source that another site would serve. */
export function remoteMediaInModule(source: string): ModuleProblem[] {
  const problems: ModuleProblem[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  visit(parser.parse(source) as Root, (node) => {
    if (node.type === 'image') {
      const image = node as Image;
      if (!isOwnUrl(image.url)) problems.push({ reason: remoteMediaReason('image', image.url, image.alt ?? undefined), ...at(image) });
      return;
    }
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as unknown as JsxElement;
    // Any element's `style` may load a background; the media elements' own attributes load a file.
    const names = mediaAttributes[element.name ?? ''];
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') continue;
      const name = attribute.name ?? '';
      // The attribute's text: a plain value, or the code of an expression (`src={…}`).
      const written = typeof attribute.value === 'string' ? attribute.value : typeof (attribute.value as { value?: unknown } | undefined)?.value === 'string' ? (attribute.value as { value: string }).value : undefined;
      if (written === undefined) continue;
      const expression = typeof attribute.value !== 'string';
      const addresses =
        name === 'style'
          ? addressesInCss(written)
          : names?.includes(name)
            ? expression
              ? addressesInExpression(written)
              : // A srcset lists several addresses, each with its size.
                written.split(',').map((entry) => entry.trim().split(/\s+/)[0] ?? '')
            : [];
      const remote = addresses.find((url) => url !== '' && !isOwnUrl(url));
      if (remote !== undefined) problems.push({ reason: remoteMediaReason(`<${element.name}>`, remote), ...at(element) });
    }
  });
  return problems;
}
