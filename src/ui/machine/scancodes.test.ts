import { describe, expect, it } from 'vitest';
import { scancodeOf } from './scancodes.js';

describe('scancodeOf', () => {
  it('gives set-1 make codes for the keys the kernel maps (keyboard.ts)', () => {
    expect(scancodeOf('Escape', false)).toBe(0x01);
    expect(scancodeOf('Digit1', false)).toBe(0x02);
    expect(scancodeOf('Backspace', false)).toBe(0x0e);
    expect(scancodeOf('KeyQ', false)).toBe(0x10);
    expect(scancodeOf('KeyP', false)).toBe(0x19);
    expect(scancodeOf('Enter', false)).toBe(0x1c);
    expect(scancodeOf('KeyA', false)).toBe(0x1e);
    expect(scancodeOf('KeyS', false)).toBe(0x1f);
    expect(scancodeOf('ShiftLeft', false)).toBe(0x2a);
    expect(scancodeOf('KeyZ', false)).toBe(0x2c);
    expect(scancodeOf('KeyX', false)).toBe(0x2d);
    expect(scancodeOf('Slash', false)).toBe(0x35);
    expect(scancodeOf('ShiftRight', false)).toBe(0x36);
    expect(scancodeOf('Space', false)).toBe(0x39);
    expect(scancodeOf('CapsLock', false)).toBe(0x3a);
  });

  it('sets bit 7 on release and knows nothing of other keys', () => {
    expect(scancodeOf('KeyA', true)).toBe(0x9e);
    expect(scancodeOf('F13', false)).toBeUndefined();
    expect(scancodeOf('ArrowUp', false)).toBeUndefined();
  });
});
