/**
 * How much of a very long run the page shows at once. Scenarios may loop, so a stored run can hold
 * any number of choices; drawing all of them would freeze the page, and the downloaded transcript
 * has every one.
 */
export const mostShown = 300;

/** The last {@link mostShown} items of a list, and how many earlier ones are left out. */
export function lastShown<T>(items: readonly T[]): { readonly shown: readonly T[]; readonly hidden: number } {
  const hidden = Math.max(0, items.length - mostShown);
  return { shown: hidden > 0 ? items.slice(hidden) : items, hidden };
}
