import { exportProgress, loadProgress } from '../progress/store.ts';
import type { Progress } from '../progress/schema.ts';

/** Saves text as a file on the reader's device, through the browser's own download. */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads progress (by default, this page's, saved or not) as the JSON file "Import progress" reads. */
export function downloadProgress(progress: Progress = loadProgress().progress): void {
  downloadFile(`recovery-coach-practice-progress-${new Date().toISOString().slice(0, 10)}.json`, exportProgress(progress), 'application/json');
}
