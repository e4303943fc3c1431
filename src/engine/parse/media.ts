/**
 * Images in scenario text come from the course itself, never from another site: the course makes
 * no requests to any other host, and an image in a choice's feedback would tell its host which
 * option the trainee chose. A remote image is an error at its place, with the fix; the site's
 * sanitiser drops any that reach it, and its Content-Security-Policy blocks the request.
 */
import type { Definition, Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { report } from '../diagnostics.ts';
import { spanOf, type ParseContext } from './context.ts';

/**
 * Whether a URL names a file of the course: a path (`/images/map.png`, `images/map.png`), not an
 * address with a scheme (`https:`, `data:`, `javascript:`) nor one a browser reads as another
 * host (`//host/x`, and `/\host/x`, which browsers read the same way).
 */
export function isOwnUrl(url: string): boolean {
  const path = url.trim().replace(/\\/g, '/');
  return !path.startsWith('//') && !/^[a-z][a-z\d+.-]*:/i.test(path);
}

/** The message for a media file from elsewhere, naming the fix. */
export function remoteMediaReason(kind: string, url: string, alt = 'what it shows'): string {
  const shown = url.length > 80 ? `${url.slice(0, 77)}…` : url;
  const name = url.split(/[?#]/)[0]!.split('/').filter(Boolean).at(-1) ?? 'image.png';
  return `Unexpected ${kind} from another site \`${shown}\`, expected a file of the course: the course makes no requests to other sites, so save the file in \`public/images/\` and write \`![${alt}](/images/${name})\``;
}

/** Reports every image in the body whose address is not the course's own, by reference too (`![x][ref]`). */
export function reportRemoteImages(context: ParseContext, tree: Root): void {
  // Every image, inline or by reference, is written `![`: most files have none, and a scan of the
  // text is far cheaper than two walks over a large tree.
  if (!context.source.includes('![')) return;
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (definition) => void definitions.set(definition.identifier, definition));
  const reported = new Set<Definition>();
  visit(tree, (node) => {
    if (node.type === 'image') {
      const image = node as Image;
      if (!isOwnUrl(image.url)) report(context.file, remoteMediaReason('image', image.url, image.alt ?? undefined), spanOf(context, image), 'remote-image');
    } else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (!definition || isOwnUrl(definition.url) || reported.has(definition)) return;
      reported.add(definition);
      report(context.file, remoteMediaReason('image', definition.url, node.alt ?? undefined), spanOf(context, definition), 'remote-image');
    }
  });
}
