/**
 * "Mark this module as complete" on module pages: a plain button (see MarkComplete.astro) that this
 * script turns into a toggle kept on this device. Its words never change, only its pressed state:
 * a label that changed as well would read "Completed, pressed", which says the same thing twice
 * and leaves the reader unsure what pressing it again does. The status beside it says the date and
 * how to undo. It also gives the page any notice about saved progress that could not be read.
 */
import { loadProgress, onProgressChange, updateProgress } from '../progress/store.ts';
import { dayDate } from '../engine/dates.ts';
import { reportSave } from './save-status.ts';

for (const place of document.querySelectorAll<HTMLElement>('[data-mark-complete]')) {
  const moduleId = place.dataset.markComplete!;
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
    return done;
  };
  const marked = (done: { completedAt: string }) => `Marked complete on ${dayDate(done.completedAt)}. Select again to undo.`;
  const done = show();
  if (done) status.textContent = marked(done);

  button.addEventListener('click', () => {
    const wasDone = Boolean(loadProgress().progress.modules[moduleId]);
    const outcome = updateProgress((progress) => {
      const { [moduleId]: _previous, ...others } = progress.modules;
      return { ...progress, modules: wasDone ? others : { ...others, [moduleId]: { completedAt: new Date().toISOString() } } };
    });
    const now = show();
    reportSave(status, outcome, now ? marked(now) : 'No longer marked complete.');
  });
  onProgressChange(show);
}
