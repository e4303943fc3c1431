/**
 * The search dialog. Opens with the Search button or the `/` key; on the first open it loads lunr,
 * the index and the code that queries them and cuts snippets, so no page pays for search until the
 * reader uses it. Results show the title, the kind and a snippet with the match highlighted.
 */
import type { SearchDocument, SearchIndexFile } from './search-documents.ts';
import type { snippetAround } from './snippet.ts';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');

/** How many results are shown (and given a snippet). */
const shownResults = 20;

interface Found {
  /** How many documents matched. */
  readonly total: number;
  /** The best of them, each with a snippet around its first match. */
  readonly shown: ReadonlyArray<{ entry: SearchDocument; snippet: ReturnType<typeof snippetAround> }>;
}

type Searcher = (query: string) => Found;
let searcher: Promise<Searcher> | undefined;

function loadSearcher(): Promise<Searcher> {
  searcher ??= Promise.all([import('lunr'), import('./search-query.ts'), import('./snippet.ts'), fetch('/search-index.json').then((response) => response.json() as Promise<SearchIndexFile>)]).then(([{ default: lunr }, { firstMatchIn, searchIndex }, { snippetAround }, file]) => {
    const index = lunr.Index.load(file.index);
    return (query: string) => {
      const results = searchIndex(lunr, index, query);
      const shown = results.slice(0, shownResults).map((result) => {
        const entry = file.documents[result.ref]!;
        return { entry, snippet: snippetAround(entry.text, firstMatchIn(lunr, result, entry.text)) };
      });
      return { total: results.length, shown };
    };
  });
  return searcher;
}

function render({ total, shown }: Found, query: string) {
  if (!list || !status) return;
  list.replaceChildren(
    ...shown.map(({ entry, snippet: { before, match, after } }) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = entry.url;
      link.textContent = entry.title;
      const kind = document.createElement('span');
      kind.className = 'meta';
      kind.textContent = ` · ${entry.kind}`;
      const note = document.createElement('p');
      note.className = 'meta';
      if (entry.contentNotes?.length) note.textContent = `Content note: ${entry.contentNotes.join('; ')}.`;
      const snippet = document.createElement('p');
      snippet.className = 'meta';
      const mark = document.createElement('mark');
      mark.textContent = match;
      snippet.append(before, mark, after);
      li.append(link, kind, ...(note.textContent ? [note] : []), snippet);
      return li;
    }),
  );
  const found = `${total} ${total === 1 ? 'result' : 'results'} for “${query}”`;
  status.textContent = !query ? '' : total > shownResults ? `${found}: the best ${shownResults} are shown; add a word to narrow it` : found;
}

async function runSearch() {
  if (!input || !status) return;
  const query = input.value.trim();
  if (!query) return render({ total: 0, shown: [] }, '');
  status.textContent = 'Searching…';
  try {
    render((await loadSearcher())(query), query);
  } catch {
    status.textContent = 'Search could not load. Check that the site was built with its search index.';
  }
}

function open() {
  if (!dialog || dialog.open) return;
  dialog.showModal();
  input?.focus();
  void loadSearcher();
}

document.querySelectorAll('[data-search-open]').forEach((button) => button.addEventListener('click', open));
document.querySelector('[data-search-close]')?.addEventListener('click', () => dialog?.close());
input?.addEventListener('input', () => void runSearch());
document.querySelector('[data-search-form]')?.addEventListener('submit', (event) => {
  event.preventDefault();
  void runSearch();
});
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  const typing = target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
  if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
    event.preventDefault();
    open();
  }
});
