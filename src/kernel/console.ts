/**
 * @fileoverview The kernel console: text goes to both COM1 (read by tests and
 * the playground's terminal) and the VGA screen (what a person watching the
 * machine sees). Characters outside Latin-1 print as '?'.
 */
import { serialPutc } from "./arch/x86/serial";
import { vgaPutc } from "./arch/x86/vga";

@inline const REPLACEMENT_CHARACTER: u8 = 0x3f; // '?'

export function print(text: string): void {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    putc(code <= 0xff ? <u8>code : REPLACEMENT_CHARACTER);
  }
}

function putc(byte: u8): void {
  serialPutc(byte);
  vgaPutc(byte);
}
