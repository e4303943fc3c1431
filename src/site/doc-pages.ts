/**
 * The documents in docs/ that the site shows as pages under For trainers. They link to each other
 * by file name, which works where they are read as files (on GitHub, in an editor); on the site
 * those links are pointed at the pages, so the same Markdown reads well in both places.
 */

export interface DocPage {
  /** The file in docs/. */
  readonly file: string;
  /** Its page: /trainers/<slug>/. */
  readonly slug: string;
  readonly title: string;
  readonly description: string;
}

export const docPages: readonly DocPage[] = [
  { file: 'authoring-guide.md', slug: 'guide', title: 'Authoring guide', description: 'How to write a role-play scenario as one Markdown file: every part of the format, with examples.' },
  { file: 'scenario-format.md', slug: 'format', title: 'Scenario format, version 1', description: 'The scenario format: what every role-play scenario file may contain and what it means.' },
];

/** Documents in docs/ written for trainees, each with its own page outside For trainers. */
export const traineeDocPages: Readonly<Record<string, string>> = {
  'how-the-course-codes-what-you-write.md': '/how-the-course-codes/',
};

/** Rewrites `href="scenario-format.md#checks"` to `href="/trainers/format/#checks"`, and so on. */
export function linkDocsToPages(html: string): string {
  return html.replace(/href="(?:\.\/)?([\w-]+\.md)(#[^"]*)?"/g, (link, file: string, anchor = '') => {
    const page = docPages.find((doc) => doc.file === file);
    if (page) return `href="/trainers/${page.slug}/${anchor}"`;
    return traineeDocPages[file] ? `href="${traineeDocPages[file]}${anchor}"` : link;
  });
}
