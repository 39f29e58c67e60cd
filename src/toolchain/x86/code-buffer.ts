/**
 * @fileoverview The byte buffer under the x86 assembler: a growable array of
 * code bytes at a known load address (`origin`), with labels and the fixups
 * that refer to them.
 *
 * Pipeline place: `Assembler` (assembler.ts) extends this class and adds one
 * method per instruction form; `finish()` hands the bytes to the image writer.
 * Single pass: a reference to a label that is already bound is written at
 * once, a reference to a label bound later is recorded and patched in finish().
 */

/** A position in the code, bound once; jumps to it may come before or after. */
export class Label {
  /** Offset in the buffer once bound, -1 before. */
  offset = -1;
  constructor(readonly name?: string) {}
  get bound(): boolean {
    return this.offset >= 0;
  }
}

/** How a 32-bit field refers to its label. */
const enum FixupKind {
  /** Relative to the end of the field (the field always ends its instruction: jmp, jcc, call). */
  Rel32,
  /** origin + label.offset + addend. */
  Abs32,
}

const utf8 = new TextEncoder();

/** First buffer size; it doubles whenever it is full. */
const INITIAL_CAPACITY = 64 * 1024;

export class CodeBuffer {
  private buffer = new Uint8Array(INITIAL_CAPACITY);
  private position = 0;
  /** 32-bit fields written before their label was bound, as parallel lists (no object per fixup). */
  private readonly fixupKinds: FixupKind[] = [];
  private readonly fixupOffsets: number[] = [];
  private readonly fixupLabels: Label[] = [];
  private readonly fixupAddends: number[] = [];

  /** `origin` is the absolute address where byte 0 of this code will be loaded. */
  constructor(readonly origin: number) {}

  /** Current write offset (bytes emitted so far). */
  get offset(): number {
    return this.position;
  }

  /** Absolute address of the current write position. */
  get address(): number {
    return this.origin + this.position;
  }

  // --- labels ---

  newLabel(name?: string): Label {
    return new Label(name);
  }

  bind(label: Label): void {
    if (label.bound) throw new Error(`label ${describe(label)} is already bound (at offset ${label.offset})`);
    label.offset = this.position;
  }

  /** Absolute address of a bound label (valid after bind, in any later call). */
  addressOf(label: Label): number {
    if (!label.bound) throw new Error(`addressOf: label ${describe(label)} is not bound yet`);
    return this.origin + label.offset;
  }

  // --- raw data ---

  /** Writes the low 8 bits of `value`. */
  byte(value: number): void {
    if (this.position === this.buffer.length) this.grow(1);
    this.buffer[this.position++] = value;
  }

  bytes(values: ArrayLike<number>): void {
    this.reserve(values.length);
    this.buffer.set(values, this.position);
    this.position += values.length;
  }

  /** `text` as a NUL-terminated UTF-8 string. */
  cstring(text: string): void {
    this.reserve(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        // Not ASCII: encode the rest properly (TextEncoder is slow for the short ASCII strings that are the rule).
        this.bytes(utf8.encode(text.slice(i)));
        break;
      }
      this.buffer[this.position++] = code;
    }
    this.byte(0);
  }

  /** Writes the low 16 bits of `value`, little-endian. */
  u16(value: number): void {
    this.reserve(2);
    const b = this.buffer;
    const p = this.position;
    b[p] = value;
    b[p + 1] = value >>> 8;
    this.position = p + 2;
  }

  /** Writes `value` modulo 2^32, little-endian (so -16 and 0xffff_fff0 are the same). */
  u32(value: number): void {
    this.reserve(4);
    this.writeU32At(this.position, value);
    this.position += 4;
  }

  /** A 32-bit absolute address of `label` (+addend), resolved in finish(): jump tables, descriptors. */
  addressOfLabel32(label: Label, addend = 0): void {
    if (label.bound) this.u32(this.origin + label.offset + addend);
    else this.deferred(FixupKind.Abs32, label, addend);
  }

  /**
   * Pads with `fill` until the absolute address is a multiple of `alignment`
   * (the address, not the offset, is what the CPU sees). Default fill 0x90 is
   * nop; use 0xCC (int3) between functions if preferred.
   */
  align(alignment: number, fill = 0x90): void {
    if (!Number.isInteger(alignment) || alignment < 1) throw new Error(`align: bad alignment ${alignment}`);
    while (this.address % alignment !== 0) this.byte(fill);
  }

  /** Overwrite an already-emitted 32-bit value (e.g. a frame size known only at the end). */
  patchU32(offset: number, value: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset + 4 > this.position) {
      throw new Error(`patchU32: offset ${offset} is outside the ${this.position} bytes emitted`);
    }
    this.writeU32At(offset, value);
  }

  /** Overwrite already-emitted bytes (e.g. a prologue whose saved registers are known only at the end). */
  patchBytes(offset: number, bytes: ArrayLike<number>): void {
    if (!Number.isInteger(offset) || offset < 0 || offset + bytes.length > this.position) {
      throw new Error(`patchBytes: offset ${offset} is outside the ${this.position} bytes emitted`);
    }
    for (let i = 0; i < bytes.length; i++) this.buffer[offset + i] = bytes[i];
  }

  /**
   * Resolve every fixup; throws if a referenced label was never bound. Returns exactly the emitted bytes, as a
   * view of the buffer (not a copy: the image writer copies them once more into the ELF file anyway).
   */
  finish(): Uint8Array {
    for (let i = 0; i < this.fixupKinds.length; i++) {
      this.resolve(this.fixupKinds[i], this.fixupOffsets[i], this.fixupLabels[i], this.fixupAddends[i]);
    }
    return this.buffer.subarray(0, this.position);
  }

  // --- for the instruction encoders ---

  /** A rel32 field to `label`, measured from the end of the field: the last 4 bytes of jmp/jcc/call. */
  protected rel32To(label: Label): void {
    if (label.bound) this.u32(label.offset - (this.position + 4));
    else this.deferred(FixupKind.Rel32, label, 0);
  }

  private deferred(kind: FixupKind, label: Label, addend: number): void {
    this.fixupKinds.push(kind);
    this.fixupOffsets.push(this.position);
    this.fixupLabels.push(label);
    this.fixupAddends.push(addend);
    this.u32(0);
  }

  private resolve(kind: FixupKind, at: number, label: Label, addend: number): void {
    if (!label.bound) throw new Error(`finish: label ${describe(label)} is referenced but never bound`);
    const value = kind === FixupKind.Rel32 ? label.offset - (at + 4) : this.origin + label.offset + addend;
    this.writeU32At(at, value);
  }

  private writeU32At(at: number, value: number): void {
    const b = this.buffer;
    b[at] = value;
    b[at + 1] = value >>> 8;
    b[at + 2] = value >>> 16;
    b[at + 3] = value >>> 24;
  }

  private reserve(count: number): void {
    if (this.position + count > this.buffer.length) this.grow(count);
  }

  private grow(count: number): void {
    let capacity = this.buffer.length * 2;
    while (capacity < this.position + count) capacity *= 2;
    const bigger = new Uint8Array(capacity);
    bigger.set(this.buffer.subarray(0, this.position));
    this.buffer = bigger;
  }
}

function describe(label: Label): string {
  return label.name === undefined ? '(unnamed)' : `'${label.name}'`;
}
