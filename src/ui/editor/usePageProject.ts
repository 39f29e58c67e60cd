/**
 * @fileoverview React hook: the kernel project the page shows, loaded once
 * `enabled` (the page waits for the first boot), following every switch of
 * workspace (my edits ↔ a shared experiment).
 *
 * Pipeline place: between `kernel-sources.ts` and the page (`App.tsx`),
 * which hands the project to the file tree, the editor and the toolbar.
 */
import { useEffect, useState } from 'react';
import type { KernelProject } from './kernel-project.js';
import { loadKernelProject, onProjectSwitch } from './kernel-sources.js';

export function usePageProject(enabled: boolean): KernelProject | null {
  const [project, setProject] = useState<KernelProject | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let mounted = true;
    const show = () => {
      const loading = loadKernelProject();
      // A later switch wins even if its project resolves first.
      void loading.then((loaded) => mounted && loading === loadKernelProject() && setProject(loaded));
    };
    show();
    const stopFollowing = onProjectSwitch(show);
    return () => {
      mounted = false;
      stopFollowing();
    };
  }, [enabled]);
  return project;
}
