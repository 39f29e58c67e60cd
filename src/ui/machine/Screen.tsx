/**
 * @fileoverview The machine's VGA screen panel: shows the element v86 draws
 * into.
 *
 * Pipeline place: the element (`screen-element.ts`) exists before the page
 * renders — the first boot starts before React — and v86's screen adapter
 * fills its text `div` (text modes) or its `canvas` (graphics modes); this
 * panel moves it into the page when it mounts. The note says why it may stay
 * black: v86's npm package ships no VGA BIOS, so nothing sets up text mode 3
 * before the kernel runs (`test-kernels.ts` has the few port writes that do).
 *
 * Click the screen and type: keys go to the PS/2 keyboard as scancodes
 * (`scancodes.ts`), so the kernel's keyboard driver gets them on IRQ 1. v86's
 * own keyboard capture stays off: it would take every key on the page.
 */

import { memo, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { scancodeOf } from './scancodes.js';

/** The class of the element whose keys go to the guest's PS/2 keyboard, not to the page (`build-shortcut.ts`). */
export const GUEST_KEYBOARD_CLASS = 'v86-screen';

interface ScreenProps {
  /** The element v86 draws into (`createScreenElement`); React never renders its children. */
  display: HTMLElement;
  /** Receives the scancode of each key pressed or released while the screen has the focus. */
  onScancode: (scancode: number) => void;
}

/** Memoised: the page re-renders on every status change, and nothing here depends on it (v86 draws into `display`). */
export const Screen = memo(function Screen({ display, onScancode }: ScreenProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    frameRef.current?.append(display);
    return () => display.remove();
  }, [display]);
  const key = (released: boolean) => (event: KeyboardEvent) => {
    const scancode = scancodeOf(event.code, released);
    if (scancode === undefined) return;
    event.preventDefault(); // Tab, Space and Backspace belong to the guest while the screen has the focus
    onScancode(scancode);
  };
  return (
    <section className="panel screen-panel" data-testid="screen" aria-label="VGA screen">
      <div
        ref={frameRef}
        className={GUEST_KEYBOARD_CLASS}
        tabIndex={0}
        title="Click here and type: the keys go to the machine's PS/2 keyboard"
        onKeyDown={key(false)}
        onKeyUp={key(true)}
      />
      <p className="note">
        No BIOS runs before the kernel, so the kernel puts the VGA card in text mode itself (see vgaInit in
        arch/x86/vga.ts); until it does, this stays black and its output is on the serial terminal.
      </p>
    </section>
  );
});
