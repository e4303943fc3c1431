/**
 * Where a link from the site's root points inside a package: the same page under the package's
 * folder, named by its file (`/modules/x` is `<root>modules/x/index.html`), with its query and
 * fragment kept. `coach package` uses it on the built HTML, with a relative root; packaged pages
 * use it in the browser for links their scripts make. Other links (relative, another host, a
 * fragment) are left as they are: undefined.
 */
export function packagedUrl(href: string, root: URL | string): string | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined;
  const [, path = '/', rest = ''] = /^([^?#]*)(.*)$/s.exec(href)!;
  const last = path.slice(path.lastIndexOf('/') + 1);
  // A name with a dot is a file (`/favicon.svg`, `/search-index.json`); anything else is a page's folder.
  const file = last.includes('.') ? path.slice(1) : `${path.slice(1)}${path.endsWith('/') || path === '' ? '' : '/'}index.html`;
  return typeof root === 'string' ? `${root}${file}${rest}` : new URL(`${file}${rest}`, root).href;
}
