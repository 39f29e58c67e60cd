/**
 * @fileoverview Opens a shared experiment as a workspace of its own, keyed
 * by the link: the student's own edits are never touched, and changes made
 * to the experiment stay with it across reloads of the link. A workspace
 * without edits (first visit, or everything reset) gets the link's files.
 * Only the most recently opened links keep their workspaces
 * (`shared-workspace-list.ts`), so storage does not fill up.
 *
 * Pipeline place: after `share-link.ts` has decoded a link; the page
 * (`useSharedLink.ts`) shows the project it returns and builds it.
 */
import type { KernelProject } from '../editor/kernel-project.js';
import { loadWorkspace, pageStorage } from '../editor/kernel-sources.js';
import { rememberSharedWorkspace } from '../editor/shared-workspace-list.js';
import { sharedWorkspace } from '../editor/workspace.js';
import type { DecodedShareLink } from './share-link.js';

export interface OpenedExperiment {
  readonly project: KernelProject;
  /** The workspace kept changes from an earlier visit of the link, so it shows those rather than the link's files. */
  readonly resumed: boolean;
}

export async function openSharedExperiment(link: DecodedShareLink): Promise<OpenedExperiment> {
  const storage = pageStorage();
  if (storage) rememberSharedWorkspace(storage, link.id);
  const project = await loadWorkspace(sharedWorkspace(link.id, link.address));
  return { project, resumed: !seedWorkspace(project, link.state.files) };
}

/** Writes `files` into `project` if it has no edits yet; true if it did. */
export function seedWorkspace(project: KernelProject, files: Readonly<Record<string, string>>): boolean {
  if (project.listFiles().some((path) => project.isModified(path))) return false;
  for (const [path, text] of Object.entries(files)) project.writeFile(path, text);
  return true;
}

/** Drops the workspace's changes: back to exactly the link's files. */
export function restoreLinkVersion(project: KernelProject, files: Readonly<Record<string, string>>): void {
  project.resetAll();
  seedWorkspace(project, files);
}
