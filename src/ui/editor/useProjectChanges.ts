/**
 * @fileoverview React hook: re-renders the component on every change of the
 * kernel project (edits, resets), returning a counter that changes with it.
 *
 * Pipeline place: between `KernelProject.onChange` and the components that
 * show files or their modified marks (file tree, toolbar buttons).
 */
import { useEffect, useState } from 'react';
import type { KernelProject } from './kernel-project.js';

export function useProjectChanges(project: KernelProject | null): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => project?.onChange(() => setChanges((count) => count + 1)), [project]);
  return changes;
}
