/**
 * @fileoverview A Web Storage over a Map, with localStorage's semantics for
 * the calls the editor's storage code makes (for unit tests in Node, where
 * there is no localStorage).
 *
 * Pipeline place: test support for `kernel-project.ts` and
 * `shared-workspace-list.ts`.
 */
import type { ProjectStorage } from './kernel-project.js';

/** `failWrites` makes setItem throw like a full or disabled storage. */
export function memoryStorage(failWrites = false): ProjectStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      if (failWrites) throw new Error('QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
}
