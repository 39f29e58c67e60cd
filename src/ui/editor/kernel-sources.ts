/**
 * @fileoverview Loads the kernel project: the bundled sources (a lazy chunk)
 * with the edits kept in this browser's localStorage.
 *
 * Pipeline place: called once by the page (`App.tsx`) after it has started
 * booting the prebuilt image; everything that edits or builds waits for it.
 */
import { KernelProject } from './kernel-project.js';

let loading: Promise<KernelProject> | null = null;

/** The page's one project; the first call starts loading the sources. */
export function loadKernelProject(): Promise<KernelProject> {
  loading ??= import('./bundled-kernel-sources.js').then(({ KERNEL_SOURCES }) => new KernelProject(KERNEL_SOURCES, browserStorage()));
  return loading;
}

/** localStorage, or null where the browser refuses it (some privacy modes throw on access). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
