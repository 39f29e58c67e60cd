/**
 * @fileoverview Workspaces: separate sets of stored edits over the same
 * bundled kernel sources. The student's own edits are one workspace; every
 * shared experiment opened from a link gets its own, so opening a link never
 * touches the student's edits and tinkering with the experiment survives a
 * reload of the link.
 *
 * Pipeline place: names the storage keys `KernelProject` keeps its edits
 * under; `kernel-sources.ts` keeps one project per workspace; the share links
 * (`ui/share/`) create shared workspaces.
 */

export interface Workspace {
  /** 'mine', or 'shared:<link id>'. */
  readonly id: string;
  /** Storage keys of this workspace's edited files: this prefix, then the path. */
  readonly storageKeyPrefix: string;
  /** The URL hash that opens this workspace again ('' for the student's own edits). */
  readonly address: string;
}

/** The student's own edits: what the page opens without a share link. Its keys predate workspaces and stay as they were. */
export const MY_EDITS: Workspace = { id: 'mine', storageKeyPrefix: 'eduos-playground:v1:file:', address: '' };

/** Every shared workspace's storage keys start with this, then the link id and ':'. */
export const SHARED_KEY_PREFIX = 'eduos-playground:v1:shared:';

/** The workspace of the shared experiment whose link has id `linkId` (a hex checksum) and hash `address` ('#s=1.…'). */
export function sharedWorkspace(linkId: string, address: string): Workspace {
  if (!/^[0-9a-f]+$/.test(linkId)) throw new Error(`a shared workspace id is hexadecimal, not "${linkId}"`);
  return { id: `shared:${linkId}`, storageKeyPrefix: `${SHARED_KEY_PREFIX}${linkId}:file:`, address };
}
