/**
 * The search dialog. Opens with the Search button or the `/` key; on the first open it loads lunr
 * and the index, so no page pays for search until the reader uses it. Results show the title, the
 * kind and a snippet with the match highlighted.
 */
import type { SearchDocument, SearchIndexFile } from './search-documents.ts';
import { searchIndex } from './search-query.ts';
import { snippetAround } from './snippet.ts';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const input = document.querySelector<HTMLInputElement>('[data-search-input]');
const status = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');

type Searcher = (query: string) => Array<{ entry: SearchDocument; position?: [number, number] }>;
let searcher: Promise<Searcher> | undefined;

function loadSearcher(): Promise<Searcher> {
  searcher ??= Promise.all([import('lunr'), fetch('/search-index.json').then((response) => response.json() as Promise<SearchIndexFile>)]).then(([{ default: lunr }, file]) => {
    const index = lunr.Index.load(file.index);
    return (query: string) =>
      searchIndex(lunr, index, query).map((result) => {
        const entry = file.documents[result.ref]!;
        const textMatch = Object.values(result.matchData.metadata).map((fields) => (fields as Record<string, { position?: Array<[number, number]> }>).text?.position?.[0]).find(Boolean);
        return { entry, ...(textMatch ? { position: textMatch } : {}) };
      });
  });
  return searcher;
}

function render(results: ReturnType<Searcher>, query: string) {
  if (!list || !status) return;
  list.replaceChildren(
    ...results.slice(0, 20).map(({ entry, position }) => {
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
      const { before, match, after } = snippetAround(entry.text, position);
      const mark = document.createElement('mark');
      mark.textContent = match;
      snippet.append(before, mark, after);
      li.append(link, kind, ...(note.textContent ? [note] : []), snippet);
      return li;
    }),
  );
  status.textContent = query ? `${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”` : '';
}

async function runSearch() {
  if (!input || !status) return;
  const query = input.value.trim();
  if (!query) return render([], '');
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
