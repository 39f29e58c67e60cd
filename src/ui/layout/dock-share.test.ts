import { describe, expect, it } from 'vitest';
import { clampDockShare, DEFAULT_DOCK_SHARE, DOCK_SHARE_KEY, dockShareAt, loadDockShare, MAX_DOCK_SHARE, MIN_DOCK_SHARE, saveDockShare } from './dock-share.js';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

describe('dock share', () => {
  it('keeps the share within its limits', () => {
    expect(clampDockShare(0.3)).toBe(0.3);
    expect(clampDockShare(0.01)).toBe(MIN_DOCK_SHARE);
    expect(clampDockShare(0.99)).toBe(MAX_DOCK_SHARE);
    expect(clampDockShare(Number.NaN)).toBe(DEFAULT_DOCK_SHARE);
  });

  it('gives the dock what lies below the dragged line', () => {
    expect(dockShareAt(600, 1000)).toBeCloseTo(0.4);
    expect(dockShareAt(990, 1000)).toBe(MIN_DOCK_SHARE);
    expect(dockShareAt(-50, 1000)).toBe(MAX_DOCK_SHARE);
  });

  it('survives a reload through storage', () => {
    const storage = memoryStorage();
    expect(loadDockShare(storage)).toBe(DEFAULT_DOCK_SHARE);
    saveDockShare(storage, 0.3);
    expect(storage.values.get(DOCK_SHARE_KEY)).toBe('0.300');
    expect(loadDockShare(storage)).toBe(0.3);
  });

  it('falls back to the default for a value that is not a share, or no storage', () => {
    const storage = memoryStorage();
    storage.values.set(DOCK_SHARE_KEY, 'tall');
    expect(loadDockShare(storage)).toBe(DEFAULT_DOCK_SHARE);
    expect(loadDockShare(null)).toBe(DEFAULT_DOCK_SHARE);
  });

  it('loses only the setting when storage refuses it', () => {
    const refusing = { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => saveDockShare(refusing, 0.5)).not.toThrow();
  });
});
