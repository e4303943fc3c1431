/**
 * The engine's coder, fetched only when a page needs it: its trained model is large, so the
 * player (in own-words mode) and the group page (with typed replies on) load it with a dynamic
 * `import()`, and their JavaScript at load stays as it was when the mode is off.
 */
import { useEffect, useState } from 'react';
import type { ReplyCoder } from '../rooms/replies.ts';
import { loadOnce } from './load-once.ts';

/** The coder's module: `codeUtterance` and `closestOption`. */
export type CoderModule = typeof import('../engine/coder/index.ts');

/** The coder's module, loaded once; a failed load is tried again on the next call. */
export const loadCoderModule = loadOnce<CoderModule>(() => import('../engine/coder/index.ts'));

/** The coder as the rooms call it. */
export async function loadCoder(): Promise<ReplyCoder> {
  const { codeUtterance } = await loadCoderModule();
  return (text, options) => codeUtterance(text, options);
}

/** Something loaded once `wanted`; `failed` if it could not be fetched. */
function useLoaded<T>(wanted: boolean, load: () => Promise<T>): { loaded: T | undefined; failed: boolean } {
  const [loaded, setLoaded] = useState<T>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || loaded) return;
    let stopped = false;
    load().then(
      (value) => !stopped && setLoaded(() => value),
      () => !stopped && setFailed(true),
    );
    return () => {
      stopped = true;
    };
  }, [wanted, loaded, load]);
  return { loaded, failed };
}

/** The coder once `wanted` and loaded; `failed` if it could not be fetched. */
export function useCoder(wanted: boolean): { coder: ReplyCoder | undefined; failed: boolean } {
  const { loaded, failed } = useLoaded(wanted, loadCoder);
  return { coder: loaded, failed };
}

/** The coder's whole module once `wanted` and loaded, for the player; `failed` if it could not be fetched. */
export function useCoderModule(wanted: boolean): { coder: CoderModule | undefined; failed: boolean } {
  const { loaded, failed } = useLoaded(wanted, loadCoderModule);
  return { coder: loaded, failed };
}
