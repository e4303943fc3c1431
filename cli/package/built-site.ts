/**
 * The built site as a package sees it: its files, and its pages parsed with parse5 (the HTML
 * parser browsers' own algorithm is written down in) so that links are found where a browser finds
 * them, never by a pattern that could match text. A page's links from the site's root become
 * links relative to where the page sits, since an LMS serves a package from a folder of its own;
 * each page also loads lms/in-package.js first, for the links its scripts make later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { ModuleCheck } from '../../src/lms/course.ts';
import { packagedUrl } from '../../src/lms/packaged-url.ts';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** Every file under a folder, as paths from it with `/` between folders, sorted. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The elements of a parsed page, in document order. */
export function* elementsOf(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node && node.tagName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elementsOf(child);
}

/** A parsed page, with the places of its attributes in the source. */
export function parsePage(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html, { sourceCodeLocationInfo: true });
}

export const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

/** The text inside an element. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/**
 * Attributes whose value is a URL the browser loads or follows: Astro's islands load their code
 * from `component-url` and `renderer-url`, and a knowledge check fetches its answers from
 * `data-key-url`. (A URL a script builds is fixed in the browser by lms/in-package.js.)
 */
const urlAttributes = new Set(['href', 'src', 'action', 'poster', 'component-url', 'renderer-url', 'before-hydration-url', 'data-key-url']);

/** How to get from a file in the package back to its root: `../../` for `modules/x/index.html`. */
export const rootFrom = (path: string): string => '../'.repeat(path.split('/').length - 1);

/** Escapes a value for a double-quoted attribute. */
const inAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * A built page as it goes into a package: every link from the site's root made relative to the
 * page and naming its file, and lms/in-package.js loaded before anything else. Only the values of
 * URL attributes change, spliced in at their places, so the rest of the page is byte for byte
 * what Astro wrote.
 */
export function packagedPage(html: string, path: string): string {
  const root = rootFrom(path);
  const document = parsePage(html);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let head: Element | undefined;
  for (const element of elementsOf(document)) {
    if (element.tagName === 'head') head = element;
    for (const attr of element.attrs) {
      if (!urlAttributes.has(attr.name)) continue;
      const fixed = packagedUrl(attr.value, root);
      const place = element.sourceCodeLocation?.attrs?.[attr.name];
      if (fixed === undefined || !place) continue;
      edits.push({ start: place.startOffset, end: place.endOffset, text: `${attr.name}="${inAttribute(fixed)}"` });
    }
  }
  const headStart = head?.sourceCodeLocation?.startTag?.endOffset;
  if (headStart === undefined) throw new Error(`${path} has no <head>: it is not a page the site builds`);
  edits.push({ start: headStart, end: headStart, text: `<script src="${root}lms/in-package.js"></script>` });
  let result = html;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/**
 * A stylesheet as it goes into a package: `url(/…)` made relative to the stylesheet. (The site's
 * stylesheets have none today; a font or image added later would.)
 */
export function packagedStylesheet(css: string, path: string): string {
  return css.replace(/url\((['"]?)\/(?!\/)/g, `url($1${rootFrom(path)}`);
}

/**
 * A script as it goes into a package. Vite's preload helper names the chunks it preloads from the
 * site's root (`"/" + chunk`), and the studio starts its worker at `/_astro/…`; both are made
 * relative to the script itself, which sits in `_astro/` beside them. Each rewrite is looked for
 * where it must be, and a build that no longer has it stops the package with the reason, rather
 * than making one whose pages fail in the LMS.
 */
export function packagedScript(js: string, path: string): string {
  let result = js;
  if (/(^|\/)preload-helper[^/]*\.js$/.test(path)) {
    const helper = /function\((\w+)\)\{return`\/`\+\1\}/;
    if (!helper.test(result)) throw new Error(`${path}: Vite's preload helper no longer reads as \`function(e){return\`/\`+e}\`; cli/package/built-site.ts must learn its new form`);
    result = result.replace(helper, (_, name: string) => `function(${name}){return\`../\`+${name}}`);
  }
  return result.replaceAll('new URL(`/_astro/', 'new URL(`./');
}

/** What a module's or scenario's page says about it: its title and description, and a module's knowledge check. */
export interface PageFacts {
  readonly title: string;
  readonly description: string;
  /** The knowledge check on the page (KnowledgeCheck.astro): how many questions an attempt draws, and the questions with their options. */
  readonly check?: ModuleCheck;
  /** The paths (from the site's root) its links lead to, in order. */
  readonly links: readonly string[];
}

/** The check a page's `[data-check]` section holds: its draw, and each question form with how many options it has. */
function checkOf(section: Element): ModuleCheck {
  const questions = [...elementsOf(section)]
    .filter((element) => element.tagName === 'form' && attribute(element, 'data-question'))
    .map((form) => ({ id: attribute(form, 'data-question')!, options: [...elementsOf(form)].filter((element) => attribute(element, 'data-option') !== undefined).length }));
  return { draw: Math.min(Number(attribute(section, 'data-draw')) || questions.length, questions.length), questions };
}

/** Reads a built page's title (its heading), description, knowledge check and links. */
export function pageFacts(path: string): PageFacts {
  const document = parsePage(readFileSync(path, 'utf8'));
  let title = '';
  let description = '';
  let check: ModuleCheck | undefined;
  const links: string[] = [];
  for (const element of elementsOf(document)) {
    if (element.tagName === 'h1' && title === '') title = textOf(element).trim();
    if (element.tagName === 'meta' && attribute(element, 'name') === 'description') description = attribute(element, 'content') ?? '';
    if (check === undefined && attribute(element, 'data-check') !== undefined) check = checkOf(element);
    const href = attribute(element, 'href');
    if (element.tagName === 'a' && href) links.push(href);
  }
  return { title, description, ...(check && check.questions.length > 0 ? { check } : {}), links };
}
