/**
 * Reflections on module pages: a plain text box (see Reflection.astro) whose words this script
 * keeps on this device, saved when the reader leaves the box or presses Save, and never sent.
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

  const save = () => {
    const text = field.value;
    // An empty box saves nothing: it clears what was kept, or says there is nothing yet.
    if (text.trim() === '') {
      if (savedText === '') return void (status.textContent = 'Nothing to save yet: the box is empty.');
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
  field.addEventListener('input', () => {
    if (settled.has(status.textContent ?? '')) status.textContent = '';
  });
  field.addEventListener('blur', () => {
    if (field.value !== savedText) save();
  });
  // Pressing Save first takes focus from the box, whose blur has saved already: say that once.
  box.querySelector('button[data-save]')!.addEventListener('click', () => {
    if (field.value !== savedText || !settled.has(status.textContent ?? '')) save();
  });
}
