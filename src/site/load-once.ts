/**
 * Fetching a part of a page once, when it is first wanted, with a dynamic `import()`: every caller
 * shares the one load, and a load that failed (the network dropped) is tried again on the next call.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
