import { describe, expect, it } from 'vitest';
import { isBuildShortcut, type ShortcutKey } from './build-shortcut.js';

const key = (key: string, modifiers: Partial<ShortcutKey> = {}): ShortcutKey => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

describe('isBuildShortcut', () => {
  it('is Ctrl or ⌘ with Enter or S', () => {
    expect(isBuildShortcut(key('Enter', { ctrlKey: true }))).toBe(true);
    expect(isBuildShortcut(key('s', { ctrlKey: true }))).toBe(true);
    expect(isBuildShortcut(key('S', { metaKey: true }))).toBe(true);
    expect(isBuildShortcut(key('Enter', { metaKey: true }))).toBe(true);
  });

  it('is not a plain key, another Ctrl key, or one with Alt or Shift', () => {
    expect(isBuildShortcut(key('Enter'))).toBe(false);
    expect(isBuildShortcut(key('s'))).toBe(false);
    expect(isBuildShortcut(key('z', { ctrlKey: true }))).toBe(false);
    expect(isBuildShortcut(key('s', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isBuildShortcut(key('Enter', { ctrlKey: true, altKey: true }))).toBe(false);
  });
});
