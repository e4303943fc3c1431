/**
 * Reflections on module pages: a plain text box (see Reflection.astro) whose words this script
 * keeps on this device, saved when the reader leaves the box or presses Save, and never sent.
 */
import { loadProgress, updateProgress } from '../progress/store.ts';
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
    const outcome = updateProgress((current) => ({ ...current, reflections: { ...current.reflections, [id]: { text, savedAt: new Date().toISOString() } } }));
    if (outcome.saved) savedText = text;
    reportSave(status, outcome, 'Saved on this device.');
  };
  field.addEventListener('input', () => {
    if (status.textContent === 'Saved on this device.') status.textContent = '';
  });
  field.addEventListener('blur', () => {
    if (field.value !== savedText) save();
  });
  box.querySelector('button[data-save]')!.addEventListener('click', save);
}
