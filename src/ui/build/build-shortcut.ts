/**
 * @fileoverview The keyboard's Build & Run: Ctrl+Enter or Ctrl+S (⌘ on a
 * Mac) anywhere on the page, the editor included — an IDE's save-and-run,
 * and no "Save page as" dialog over the student's work. The VGA screen is
 * the exception: there every key belongs to the guest's keyboard.
 *
 * Pipeline place: `App.tsx` installs it with the build session's
 * `buildAndRun`. It listens in the capture phase, before Monaco, whose own
 * Ctrl+Enter would insert a line.
 */
import { useEffect } from 'react';
import { GUEST_KEYBOARD_CLASS } from '../machine/Screen.js';

/** What a key press needs to say whether it is the shortcut. */
export type ShortcutKey = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Whether `event` is Build & Run's shortcut: Ctrl (or ⌘) with Enter or S, no Alt, no Shift. */
export function isBuildShortcut(event: ShortcutKey): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.key === 'Enter' || event.key.toLowerCase() === 's';
}

/** Calls `run` on the shortcut while the component using it is mounted. */
export function useBuildShortcut(run: () => void): void {
  useEffect(() => {
    const keyDown = (event: KeyboardEvent) => {
      if (!isBuildShortcut(event) || event.repeat) return;
      if (event.target instanceof Element && event.target.closest(`.${GUEST_KEYBOARD_CLASS}`)) return;
      event.preventDefault();
      event.stopPropagation();
      run();
    };
    window.addEventListener('keydown', keyDown, true);
    return () => window.removeEventListener('keydown', keyDown, true);
  }, [run]);
}
