/**
 * The theme button: says what it will do and which theme is on ("Switch to dark theme (now
 * light)"), switches between light and dark, and remembers the choice on this device. Until the
 * reader picks, the page follows the system setting.
 */
const key = 'recovery-coach-practice:theme';
const root = document.documentElement;
type Theme = 'light' | 'dark';

function currentTheme(): Theme {
  const chosen = root.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The button's words for the theme that is on. */
export function themeButtonLabel(now: Theme): string {
  return `Switch to ${now === 'dark' ? 'light' : 'dark'} theme (now ${now})`;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  const sync = () => {
    button.textContent = themeButtonLabel(currentTheme());
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
