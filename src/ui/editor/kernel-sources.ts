/**
 * @fileoverview Loads the page's kernel project: the bundled sources (a lazy
 * chunk) with the edits of one workspace kept in this browser's localStorage
 * — the student's own edits, or a shared experiment's (`workspace.ts`). The
 * page shows one workspace at a time and can switch in place.
 *
 * Pipeline place: called by the page (`App.tsx`, through `usePageProject`)
 * after it has started booting the prebuilt image, and by the build session
 * and `window.playground` whenever they need the files: all of them get the
 * project of the workspace the page shows now. A share link
 * (`ui/share/`) switches the page to its workspace.
 */
import { KernelProject } from './kernel-project.js';
import { MY_EDITS, type Workspace } from './workspace.js';
import { Listeners } from '../listeners.js';

let bundledSources: Promise<ReadonlyMap<string, string>> | null = null;
/** One project per workspace id, so edits that storage refused (held in memory) survive switching away and back. */
const projects = new Map<string, Promise<KernelProject>>();
let current: Promise<KernelProject> | null = null;
const switchListeners = new Listeners();

/** The project the page shows now; the first call starts loading the sources (with the student's own edits). */
export function loadKernelProject(): Promise<KernelProject> {
  current ??= loadWorkspace(MY_EDITS);
  return current;
}

/** The project of `workspace` (created on first use), without showing it. */
export function loadWorkspace(workspace: Workspace): Promise<KernelProject> {
  let project = projects.get(workspace.id);
  if (!project) {
    bundledSources ??= import('./bundled-kernel-sources.js').then(({ KERNEL_SOURCES }) => KERNEL_SOURCES);
    project = bundledSources.then((sources) => new KernelProject(sources, pageStorage(), workspace));
    projects.set(workspace.id, project);
  }
  return project;
}

/**
 * Makes the page show the project `opening` resolves to (e.g. a share link's
 * workspace, once the link is decoded); `loadKernelProject` waits for it from
 * now on. If it fails, the page keeps the project it showed.
 */
export function switchProject(opening: Promise<KernelProject>): void {
  const before = current;
  current = opening.catch(() => before ?? loadWorkspace(MY_EDITS));
  switchListeners.notify();
}

/** Calls `listener` after every `switchProject`; returns the unsubscribe function. */
export function onProjectSwitch(listener: () => void): () => void {
  return switchListeners.add(listener);
}

/** localStorage, or null where the browser refuses it (some privacy modes throw on access). */
export function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
