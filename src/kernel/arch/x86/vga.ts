/**
 * @fileoverview The VGA text screen: 80x25 cells at physical 0xB8000, each a
 * u16 of character (low byte) and colour attribute (high byte). The kernel
 * writes it directly: wasm address N is physical address N in the kernel.
 * Lines wrap at the right edge and the screen scrolls up at the bottom.
 *
 * Without a BIOS (the playground boots the kernel directly) nobody has put the
 * VGA card in text mode, so `vgaInit` programs the few registers text mode
 * needs: the memory map at 0xB8000, the attribute palette, and the 16 colours.
 */
import { VGA_TEXT_ATTRIBUTE } from "../../config";
import { inb, outb, outw } from "./intrinsics";

@inline const TEXT_BUFFER: usize = 0xb8000;
@inline const COLUMNS: i32 = 80;
@inline const ROWS: i32 = 25;
@inline const CELL_BYTES: i32 = 2;
@inline const ROW_BYTES: i32 = COLUMNS * CELL_BYTES;
@inline const BLANK: u16 = (VGA_TEXT_ATTRIBUTE << 8) | 0x20;

@inline const NEWLINE: u8 = 0x0a;
@inline const BACKSPACE: u8 = 0x08;

let row: i32 = 0;
let column: i32 = 0;

@inline const GRAPHICS_INDEX: u16 = 0x3ce;
@inline const MISC_GRAPHICS: u16 = 0x06;
@inline const TEXT_AT_B8000: u16 = 0x0e; // memory map B8000–BFFFF, odd/even addressing, text
@inline const INPUT_STATUS_1: u16 = 0x3da; // reading it makes 0x3C0 expect an index next
@inline const ATTRIBUTE_CONTROLLER: u16 = 0x3c0;
@inline const PALETTE_TO_DISPLAY: u8 = 0x20;
@inline const DAC_WRITE_INDEX: u16 = 0x3c8;
@inline const DAC_DATA: u16 = 0x3c9;

/** The 16 text colours (CGA palette) as 6-bit red, green, blue. */
const PALETTE: StaticArray<u8> = [
  0, 0, 0, 0, 0, 42, 0, 42, 0, 0, 42, 42, 42, 0, 0, 42, 0, 42, 42, 21, 0, 42, 42, 42,
  21, 21, 21, 21, 21, 63, 21, 63, 21, 21, 63, 63, 63, 21, 21, 63, 21, 63, 63, 63, 21, 63, 63, 63,
];

/** Puts the VGA card in 80x25 text mode (a BIOS would have) and clears the screen. */
export function vgaInit(): void {
  writeWord(GRAPHICS_INDEX, (TEXT_AT_B8000 << 8) | MISC_GRAPHICS);
  readByte(INPUT_STATUS_1);
  for (let colour: u8 = 0; colour < 16; colour++) {
    writeByte(ATTRIBUTE_CONTROLLER, colour); // palette register `colour`…
    writeByte(ATTRIBUTE_CONTROLLER, colour); // …shows DAC colour `colour`
  }
  writeByte(ATTRIBUTE_CONTROLLER, PALETTE_TO_DISPLAY);
  writeByte(DAC_WRITE_INDEX, 0);
  for (let i = 0; i < PALETTE.length; i++) writeByte(DAC_DATA, unchecked(PALETTE[i]));
  vgaClear();
}

@unsafe("writes a VGA register") function writeByte(port: u16, value: u8): void { outb(port, value); }
@unsafe("writes a VGA index/data register pair") function writeWord(port: u16, value: u16): void { outw(port, value); }
@unsafe("reads a VGA register") function readByte(port: u16): u8 { return inb(port); }

/** Blanks the whole screen and puts the cursor top left. */
export function vgaClear(): void {
  for (let line = 0; line < ROWS; line++) clearRow(line);
  row = 0;
  column = 0;
}

/** Writes one character at the cursor; '\n' starts a new line, backspace moves back one cell. */
export function vgaPutc(byte: u8): void {
  if (byte == NEWLINE) {
    newLine();
    return;
  }
  if (byte == BACKSPACE) {
    if (column > 0) column--;
    return;
  }
  writeCell(row, column, (VGA_TEXT_ATTRIBUTE << 8) | <u16>byte);
  if (++column == COLUMNS) newLine();
}

function newLine(): void {
  column = 0;
  if (++row < ROWS) return;
  scrollUp();
  row = ROWS - 1;
  clearRow(row);
}

function clearRow(line: i32): void {
  for (let cell = 0; cell < COLUMNS; cell++) writeCell(line, cell, BLANK);
}

@unsafe("writes a cell of the VGA text buffer")
function writeCell(line: i32, cell: i32, value: u16): void { store<u16>(TEXT_BUFFER + <usize>(line * ROW_BYTES + cell * CELL_BYTES), value); }

/** Moves rows 1… up by one; the last row keeps its old text until cleared. */
@unsafe("copies within the VGA text buffer") function scrollUp(): void { memory.copy(TEXT_BUFFER, TEXT_BUFFER + ROW_BYTES, (ROWS - 1) * ROW_BYTES); }
