/**
 * @fileoverview PS/2 scancodes (set 1, what the 8042 controller delivers to
 * the kernel) for the keys of a US keyboard, by the browser's
 * `KeyboardEvent.code` (the physical key, whatever the user's layout). The
 * kernel's keyboard driver (src/kernel/arch/x86/keyboard.ts) maps them back to
 * characters; a release is the press code with bit 7 set.
 *
 * Pipeline place: the VGA screen (`Screen.tsx`) turns key events into these
 * and hands them to `Machine.pressKeys`.
 */

const ROWS: ReadonlyArray<readonly [number, string]> = [
  [0x01, 'Escape'],
  [0x02, 'Digit1 Digit2 Digit3 Digit4 Digit5 Digit6 Digit7 Digit8 Digit9 Digit0 Minus Equal Backspace Tab'],
  [0x10, 'KeyQ KeyW KeyE KeyR KeyT KeyY KeyU KeyI KeyO KeyP BracketLeft BracketRight Enter ControlLeft'],
  [0x1e, 'KeyA KeyS KeyD KeyF KeyG KeyH KeyJ KeyK KeyL Semicolon Quote Backquote ShiftLeft Backslash'],
  [0x2c, 'KeyZ KeyX KeyC KeyV KeyB KeyN KeyM Comma Period Slash ShiftRight NumpadMultiply AltLeft Space CapsLock'],
];

/** `KeyboardEvent.code` → set-1 make code; consecutive codes per row, as on the keyboard's matrix. */
const MAKE_CODES: ReadonlyMap<string, number> = new Map(
  ROWS.flatMap(([first, keys]) => keys.split(' ').map((key, index) => [key, first + index] as const)),
);

const RELEASE = 0x80;

/** The scancode a key press (or release) sends, or undefined for a key the kernel's keyboard does not have. */
export function scancodeOf(code: string, released: boolean): number | undefined {
  const make = MAKE_CODES.get(code);
  return make === undefined ? undefined : released ? make | RELEASE : make;
}
