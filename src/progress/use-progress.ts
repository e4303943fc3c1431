/**
 * Progress for React islands. Islands are rendered on the server first, where there is no
 * storage, so every island starts from an empty record and reads the browser's after it mounts,
 * then follows changes made by other islands or tabs.
 */
import { useEffect, useState } from 'react';
import { emptyProgress, type Progress } from './schema.ts';
import { loadProgress, onProgressChange } from './store.ts';

export interface ProgressState {
  readonly progress: Progress;
  /** Said once when stored data could not be used as it was. */
  readonly notice?: string;
  /** False until the browser's record has been read. */
  readonly loaded: boolean;
}

export function useProgress(): ProgressState {
  const [state, setState] = useState<ProgressState>({ progress: emptyProgress(), loaded: false });
  useEffect(() => {
    const { progress, notice } = loadProgress();
    setState({ progress, loaded: true, ...(notice ? { notice } : {}) });
    return onProgressChange(() => setState((previous) => ({ ...previous, progress: loadProgress().progress })));
  }, []);
  return state;
}
