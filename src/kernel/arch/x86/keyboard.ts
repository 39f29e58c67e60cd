/**
 * @fileoverview The PS/2 keyboard on IRQ 1: scancode set 1 (what the 8042
 * controller delivers by default, translated) to ASCII, with Shift and Caps
 * Lock. Key releases (bit 7 set) only matter for Shift; extended (0xE0) keys
 * are ignored. Characters go to the sink given to `keyboardInit`.
 */
import { inb, outb } from "./intrinsics";
import { setIrqHandler } from "./irq";

@inline const KEYBOARD_DATA: u16 = 0x60;
@inline const KEYBOARD_STATUS: u16 = 0x64;
@inline const STATUS_OUTPUT_FULL: u8 = 0x01;
@inline const STATUS_INPUT_FULL: u8 = 0x02;
/** Keyboard command: start sending scancodes (the keyboard answers 0xFA, an ACK that handleScancode ignores). */
@inline const ENABLE_SCANNING: u8 = 0xf4;
/** Status polls before giving up on a controller that never takes the command. */
@inline const CONTROLLER_POLLS: i32 = 100_000;
@inline const KEYBOARD_IRQ: i32 = 1;

@inline const RELEASED: u8 = 0x80;
@inline const EXTENDED_PREFIX: u8 = 0xe0;
@inline const LEFT_SHIFT: u8 = 0x2a;
@inline const RIGHT_SHIFT: u8 = 0x36;
@inline const CAPS_LOCK: u8 = 0x3a;

// Scancodes 0x00–0x39 (set 1), unshifted and shifted; 0 = no character. \x08 backspace, \t tab, \n enter.
const PLAIN = "\0\x1b1234567890-=\x08\tqwertyuiop[]\n\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
const SHIFTED = "\0\x1b!@#$%^&*()_+\x08\tQWERTYUIOP{}\n\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

let shiftDown = false;
let capsLock = false;
let extended = false;
let keySink: (byte: u8) => void = ignoreKey;

function ignoreKey(byte: u8): void {}

/** Sends typed characters to `sink` from now on (in interrupt context). */
export function keyboardInit(sink: (byte: u8) => void): void {
  keySink = sink;
  setIrqHandler(KEYBOARD_IRQ, onKeyboardInterrupt);
  enableScanning();
}

/**
 * A BIOS turns the keyboard's scanning on; v86 boots a Multiboot kernel
 * without one, and its keyboard stays silent until told, so the kernel says
 * it itself (harmless where a BIOS already did, as in QEMU).
 */
function enableScanning(): void {
  for (let poll = 0; poll < CONTROLLER_POLLS; poll++) {
    if ((readPort(KEYBOARD_STATUS) & STATUS_INPUT_FULL) == 0) break;
  }
  writePort(KEYBOARD_DATA, ENABLE_SCANNING);
}

/** The ASCII character of a key press, honouring Shift and Caps Lock; 0 if it has none. */
export function scancodeToAscii(scancode: u8, shift: bool, caps: bool): u8 {
  if (<i32>scancode >= PLAIN.length) return 0;
  let code = (shift ? SHIFTED : PLAIN).charCodeAt(scancode);
  const isLetter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (caps && isLetter) code ^= 0x20;
  return <u8>code;
}

function onKeyboardInterrupt(irq: i32): void {
  const scancode = readScancode();
  if (scancode < 0) return;
  handleScancode(<u8>scancode);
}

function handleScancode(scancode: u8): void {
  if (scancode == EXTENDED_PREFIX) { extended = true; return; }
  const wasExtended = extended;
  extended = false;
  const key = scancode & ~RELEASED;
  if (key == LEFT_SHIFT || key == RIGHT_SHIFT) { shiftDown = (scancode & RELEASED) == 0; return; }
  if ((scancode & RELEASED) != 0 || wasExtended) return;
  if (key == CAPS_LOCK) { capsLock = !capsLock; return; }
  const character = scancodeToAscii(key, shiftDown, capsLock);
  if (character != 0) keySink(character);
}

/** The byte waiting in the controller's output buffer, or -1. */
function readScancode(): i32 {
  return (readPort(KEYBOARD_STATUS) & STATUS_OUTPUT_FULL) != 0 ? <i32>readPort(KEYBOARD_DATA) : -1;
}

@unsafe("reads an 8042 keyboard controller port") function readPort(port: u16): u8 { return inb(port); }
@unsafe("writes an 8042 keyboard controller port") function writePort(port: u16, value: u8): void { outb(port, value); }
