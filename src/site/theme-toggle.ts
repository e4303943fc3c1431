/**
 * The theme button: a compact toggle named "Dark theme", pressed while the dark theme is on, that
 * switches between light and dark and remembers the choice on this device. Its name stays the same
 * and only its pressed state changes, so a screen reader says one clear thing ("Dark theme, toggle
 * button, pressed"). Until the reader picks, the page follows the system setting.
 */
const key = 'recovery-coach-practice:theme';
const root = document.documentElement;
type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const chosen = root.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const sync = () => {
    button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  };
  sync();
  // Following the system: its setting can change while the page is open.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
  button.addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(key, next);
    } catch {
      // Not saved; the choice lasts for this page.
    }
    sync();
  });
}
