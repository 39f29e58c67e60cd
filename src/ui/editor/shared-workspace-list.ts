/**
 * @fileoverview Keeps browser storage from filling up with shared
 * experiments: every link opened gets a workspace of its own
 * (`workspace.ts`), so the page remembers which were opened most recently
 * and removes the stored edits of all but the last `MAX_KEPT_SHARED`. The
 * student's own edits are never touched.
 *
 * Pipeline place: called by `open-shared.ts` each time a link is opened,
 * before its workspace loads.
 */
import type { ProjectStorage } from './kernel-project.js';
import { SHARED_KEY_PREFIX } from './workspace.js';

/** Shared experiments whose edits stay stored; a class's labs for a term fit. */
export const MAX_KEPT_SHARED = 20;

/** The ids of shared workspaces, most recently opened first (JSON array). Not under SHARED_KEY_PREFIX: no workspace's key. */
export const RECENT_SHARED_KEY = 'eduos-playground:v1:shared-recent';

/**
 * Notes that the shared workspace `linkId` was opened and removes the stored
 * edits of the workspaces beyond the `maxKept` most recent (those found in
 * storage but never listed, from before the list, count as the oldest).
 * Returns the ids removed. Storage that refuses a write leaves things as they were.
 */
export function rememberSharedWorkspace(storage: ProjectStorage, linkId: string, maxKept = MAX_KEPT_SHARED): string[] {
  const stored = storedWorkspaceKeys(storage);
  const recent = [linkId, ...readRecent(storage).filter((id) => id !== linkId)];
  const byAge = [...recent, ...[...stored.keys()].filter((id) => !recent.includes(id))];
  const kept = byAge.slice(0, maxKept);
  const removed = byAge.slice(maxKept).filter((id) => stored.has(id));
  try {
    storage.setItem(RECENT_SHARED_KEY, JSON.stringify(kept));
  } catch {
    return [];
  }
  for (const id of removed) for (const key of stored.get(id)!) storage.removeItem(key);
  return removed;
}

/** The listed ids, ignoring anything in the list that is not a workspace id (storage edited by hand, a bad write). */
function readRecent(storage: ProjectStorage): string[] {
  try {
    const list: unknown = JSON.parse(storage.getItem(RECENT_SHARED_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string' && /^[0-9a-f]+$/.test(id)) : [];
  } catch {
    return [];
  }
}

/** Workspace id → its storage keys, for every shared workspace with something stored. */
function storedWorkspaceKeys(storage: ProjectStorage): Map<string, string[]> {
  const workspaces = new Map<string, string[]>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(SHARED_KEY_PREFIX)) continue;
    const id = key.slice(SHARED_KEY_PREFIX.length).split(':')[0];
    workspaces.set(id, [...(workspaces.get(id) ?? []), key]);
  }
  return workspaces;
}
