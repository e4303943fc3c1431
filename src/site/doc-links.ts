/**
 * The documents in docs/ link to each other by file name, which works where they are read as
 * files (on GitHub, in an editor). On the site each is a page of its own, so their rendered HTML
 * has those links pointed at the pages, and the same Markdown reads well in both places.
 */

/** The site's page for each document in docs/ that has one. */
export const docPages: Readonly<Record<string, string>> = {
  'authoring-guide.md': '/trainers/guide/',
  'scenario-format.md': '/trainers/format/',
};

/** Rewrites `href="scenario-format.md#checks"` to `href="/trainers/format/#checks"`, and so on. */
export function linkDocsToPages(html: string): string {
  return html.replace(/href="(?:\.\/)?([\w-]+\.md)(#[^"]*)?"/g, (link, file: string, anchor = '') => {
    const page = docPages[file];
    return page ? `href="${page}${anchor}"` : link;
  });
}
