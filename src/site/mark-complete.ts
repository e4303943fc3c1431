/**
 * "Mark this module as complete" on module pages: a plain button (see MarkComplete.astro) that this
 * script turns into a toggle kept on this device. It also gives the page any notice about saved
 * progress that could not be read.
 */
import { loadProgress, onProgressChange, updateProgress } from '../progress/store.ts';
import { reportSave } from './save-status.ts';

for (const place of document.querySelectorAll<HTMLElement>('[data-mark-complete]')) {
  const moduleId = place.dataset.markComplete!;
  const title = place.dataset.title ?? '';
  const button = place.querySelector('button')!;
  const status = place.querySelector<HTMLElement>('[data-save-status]')!;
  const notice = place.querySelector<HTMLElement>('[data-notice]')!;

  const { notice: loadNotice } = loadProgress();
  if (loadNotice) {
    notice.textContent = loadNotice;
    notice.hidden = false;
  }

  const show = () => {
    const done = loadProgress().progress.modules[moduleId];
    button.setAttribute('aria-pressed', String(Boolean(done)));
    button.classList.toggle('primary', !done);
    button.textContent = done ? `Completed: “${title}”` : 'Mark this module as complete';
    return done;
  };
  const done = show();
  if (done) status.textContent = `Marked complete on ${new Date(done.completedAt).toLocaleDateString()}. Select again to undo.`;

  button.addEventListener('click', () => {
    const wasDone = Boolean(loadProgress().progress.modules[moduleId]);
    const outcome = updateProgress((progress) => {
      const { [moduleId]: _previous, ...others } = progress.modules;
      return { ...progress, modules: wasDone ? others : { ...others, [moduleId]: { completedAt: new Date().toISOString() } } };
    });
    const now = show();
    reportSave(status, outcome, now ? `Marked complete on ${new Date(now.completedAt).toLocaleDateString()}. Select again to undo.` : 'No longer marked complete.');
  });
  onProgressChange(show);
}
