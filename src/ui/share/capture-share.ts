/**
 * @fileoverview The share state of a page: the project's files that differ
 * from the bundled sources (changed or added, full text), the boot command
 * line, the optimize level, the file (and line) the editor shows and the
 * panel dock's tab, plus a
 * fingerprint of the bundled sources the difference is taken against.
 *
 * Pipeline place: first step of making a link (`page-share.ts`), before
 * `share-link.ts` encodes it; the fingerprint is compared again when a link
 * is opened (`SharedLinkBar.tsx`).
 */
import type { EditorLocation } from '../editor/editor-location.js';
import type { KernelProject } from '../editor/kernel-project.js';
import { crc32Hex } from './crc32.js';
import type { OptimizeLevel, ShareState } from './share-state.js';

/** What the page shows besides the kernel files, as a link keeps it. */
export interface PageView {
  readonly commandLine: string;
  readonly optimize: OptimizeLevel;
  readonly open: EditorLocation;
  /** The panel dock's chosen tab (null: none chosen). */
  readonly panel: string | null;
}

export function captureShareState(project: KernelProject, view: PageView): ShareState {
  const changed = project.listFiles().filter((path) => project.isModified(path));
  const { path, line } = view.open;
  return {
    files: Object.fromEntries(changed.map((file) => [file, project.readFile(file)])),
    commandLine: view.commandLine,
    optimize: view.optimize,
    // Line 1 is where a file opens anyway: a cursor left there adds nothing to the link.
    open: line && line > 1 ? { path, line } : { path },
    kernel: kernelFingerprint(project.originals),
    ...(view.panel === null ? {} : { panel: view.panel }),
  };
}

/** Fingerprints of the source maps seen (the page has one bundle): the bar under the toolbar asks on every render. */
const fingerprints = new WeakMap<ReadonlyMap<string, string>, string>();

/** CRC-32 (hex) of the sources, path and text, in path order: equal for equal sources. */
export function kernelFingerprint(sources: ReadonlyMap<string, string>): string {
  let fingerprint = fingerprints.get(sources);
  if (fingerprint === undefined) {
    const sorted = [...sources].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    fingerprint = crc32Hex(new TextEncoder().encode(JSON.stringify(sorted)));
    fingerprints.set(sources, fingerprint);
  }
  return fingerprint;
}
