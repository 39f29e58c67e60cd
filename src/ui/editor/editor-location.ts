/**
 * @fileoverview A place in a kernel file that the editor can show: what the
 * problem list, the crash notice and the panels' "open source" links ask for.
 *
 * Pipeline place: produced by those views, consumed by `CodeEditor.tsx`
 * through the page's state (`App.tsx`).
 */

/** `path` is relative to src/kernel/ ('arch/x86/vga.ts'); without a line the editor just shows the file. */
export interface EditorLocation {
  readonly path: string;
  /** 1-based. */
  readonly line?: number;
  readonly column?: number;
}
