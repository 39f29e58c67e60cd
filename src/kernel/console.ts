/**
 * @fileoverview The kernel console: text goes to both COM1 (read by tests and
 * the playground's terminal) and the VGA screen (what a person watching the
 * machine sees). Characters outside Latin-1 print as '?'. A whole `print`
 * happens with interrupts off, so lines of different tasks never interleave.
 * Input (COM1 and the keyboard) is in ./console-input.ts.
 */
import { serialPutc } from "./arch/x86/serial";
import { vgaPutc } from "./arch/x86/vga";
import { disableInterrupts, restoreInterrupts } from "./arch/x86/interrupt-flag";

@inline const REPLACEMENT_CHARACTER: u8 = 0x3f; // '?'

export function print(text: string): void {
  const wereEnabled = disableInterrupts();
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    putc(code <= 0xff ? <u8>code : REPLACEMENT_CHARACTER);
  }
  restoreInterrupts(wereEnabled);
}

function putc(byte: u8): void {
  serialPutc(byte);
  vgaPutc(byte);
}
