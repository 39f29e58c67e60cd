/**
 * @fileoverview React hooks: the build session's state and the running
 * image, re-rendering on every change.
 *
 * Pipeline place: between `BuildSession`'s listeners and the components that
 * show builds (progress line, problem list, crash notice).
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { BuildSession, BuildState, RunningImage } from './build-session.js';

const NO_BUILD: BuildState = { phase: 'idle', steps: [], diagnostics: [], message: '' };
const NO_IMAGE: RunningImage = { origin: 'prebuilt', debug: null, unsafeReport: null };

export function useBuildState(session: BuildSession | null): BuildState {
  const subscribe = useCallback((onChange: () => void) => session?.onStateChange(onChange) ?? (() => {}), [session]);
  return useSyncExternalStore(subscribe, () => session?.state ?? NO_BUILD);
}

export function useRunningImage(session: BuildSession | null): RunningImage {
  const subscribe = useCallback((onChange: () => void) => session?.onImageChange(onChange) ?? (() => {}), [session]);
  return useSyncExternalStore(subscribe, () => session?.image ?? NO_IMAGE);
}
