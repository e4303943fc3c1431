// Runs in the head, before the first paint (loaded from this site, so the pages' Content-Security-Policy
// needs no exception for an inline script).
// Say that scripts run: controls that need them show only then (see NeedsScript).
document.documentElement.classList.add('js');
// Apply the reader's chosen theme, so the page never flashes.
try {
  const theme = localStorage.getItem('recovery-coach-practice:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {}
