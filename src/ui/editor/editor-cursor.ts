/**
 * @fileoverview Where the editor's cursor is: the file the editor shows and
 * the cursor's line, as the user left it (clicks, keys) or as a jump put it.
 * A share link records this, so the link opens where the sharer was looking.
 *
 * Pipeline place: written by `CodeEditor.tsx` on every cursor move, read by
 * the Share button's page view (`ShareButton.tsx`).
 */
import type { EditorLocation } from './editor-location.js';

let cursor: EditorLocation | null = null;

/** The editor's cursor moved (null: the editor is gone). */
export function noteEditorCursor(location: EditorLocation | null): void {
  cursor = location;
}

/** The cursor's place if the editor shows `path` now, else null. */
export function editorCursorIn(path: string): EditorLocation | null {
  return cursor?.path === path ? cursor : null;
}
