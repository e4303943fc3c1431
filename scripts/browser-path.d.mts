/** The first Chrome or Chromium found on this machine, or undefined. */
export function findBrowser(): string | undefined;
