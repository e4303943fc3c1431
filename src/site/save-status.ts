/**
 * Saying whether a change was saved, on pages without React: the words go to a status element, and
 * when nothing was saved, an "Export progress" button follows it so the reader can keep a copy.
 */
import type { SaveOutcome } from '../progress/store.ts';
import { downloadProgress } from './download.ts';

/** Says in `status` that a change was saved (`savedText`), or why not, with a button to export. */
export function reportSave(status: HTMLElement, outcome: SaveOutcome, savedText: string): void {
  status.textContent = outcome.saved ? savedText : (outcome.problem ?? '');
  const next = status.nextElementSibling;
  const button = next instanceof HTMLButtonElement && next.dataset.exportProgress !== undefined ? next : undefined;
  if (outcome.saved) {
    button?.remove();
    return;
  }
  if (button) return;
  const exportButton = document.createElement('button');
  exportButton.type = 'button';
  exportButton.dataset.exportProgress = '';
  exportButton.textContent = 'Export progress';
  exportButton.addEventListener('click', () => downloadProgress());
  status.after(exportButton);
}
