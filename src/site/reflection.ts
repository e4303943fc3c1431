/**
 * Reflections on module pages: a plain text box (see Reflection.astro) whose words this script
 * keeps on this device, and never sends. They are saved a moment after the reader stops typing, when
 * they leave the box, or when they press Save; each save says "Saved on this device." beside the
 * box, in a polite status, so a screen reader hears it once per pause rather than on every key.
 */
import { loadProgress, onProgressChange, updateProgress } from '../progress/store.ts';
import { reportSave } from './save-status.ts';

const { progress } = loadProgress();
for (const box of document.querySelectorAll<HTMLElement>('[data-reflection]')) {
  const id = box.dataset.reflection!;
  const field = box.querySelector('textarea')!;
  const status = box.querySelector<HTMLElement>('[data-save-status]')!;
  // Fill in what was saved, unless the reader started typing while the page loaded.
  const saved = progress.reflections[id];
  if (saved && field.value === field.defaultValue) field.value = saved.text;
  let savedText = saved?.text ?? '';

  let pending: ReturnType<typeof setTimeout> | undefined;
  /** Saves the box now; `asked` when the reader pressed Save or left the box, not after a pause in typing. */
  const save = (asked = true) => {
    clearTimeout(pending);
    const text = field.value;
    // An empty box saves nothing: it clears what was kept, or says there is nothing yet.
    if (text.trim() === '') {
      if (savedText === '') return void (asked && (status.textContent = 'Nothing to save yet: the box is empty.'));
      const outcome = updateProgress((current) => {
        const { [id]: _cleared, ...reflections } = current.reflections;
        return { ...current, reflections };
      });
      if (outcome.saved) savedText = '';
      return reportSave(status, outcome, 'Cleared: nothing is kept for this reflection now.');
    }
    const outcome = updateProgress((current) => ({ ...current, reflections: { ...current.reflections, [id]: { text, savedAt: new Date().toISOString() } } }));
    if (outcome.saved) savedText = text;
    reportSave(status, outcome, 'Saved on this device.');
  };
  // Saved in another tab: the words show here too, unless the reader is changing them here.
  onProgressChange(() => {
    const stored = loadProgress().progress.reflections[id]?.text ?? '';
    if (field.value === savedText && stored !== savedText) field.value = savedText = stored;
  });
  // Typing makes a success message out of date; a problem (storage full) stays until the next save.
  const settled = new Set(['Saved on this device.', 'Cleared: nothing is kept for this reflection now.', 'Nothing to save yet: the box is empty.']);
  // A second after the last key: long enough not to save (and announce) mid-sentence.
  const pause = 1000;
  field.addEventListener('input', () => {
    if (settled.has(status.textContent ?? '')) status.textContent = '';
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (field.value !== savedText) save(false);
    }, pause);
  });
  field.addEventListener('blur', () => {
    if (field.value !== savedText) save();
  });
  // Pressing Save first takes focus from the box, whose blur has saved already: say that once.
  box.querySelector('button[data-save]')!.addEventListener('click', () => {
    if (field.value !== savedText || !settled.has(status.textContent ?? '')) save();
  });
}
