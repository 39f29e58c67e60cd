/**
 * @fileoverview The translator's line table: (x86 address, wasm offset) pairs in code order, one per address
 * that starts a wasm instruction's code. A module of the kernel's size records tens of thousands of them, one
 * per compiled instruction, so they live in one Int32Array that doubles when full (a plain array grown by
 * `push` was a tenth of the translation time).
 *
 * Pipeline place: filled by `ModuleContext.markLine` while functions compile; read by `line-walk.ts` for the
 * debug information and the in-image source table.
 */

const INITIAL_PAIRS = 1024;

export class LineTable {
  private pairs = new Int32Array(2 * INITIAL_PAIRS);
  /** Number of (address, wasm offset) pairs. */
  length = 0;

  /** The code from `address` on comes from the wasm instruction at `wasmOffset` (replaces a pair at the same address). */
  mark(address: number, wasmOffset: number): void {
    const last = 2 * (this.length - 1);
    if (this.length > 0 && this.pairs[last] === address) {
      this.pairs[last + 1] = wasmOffset;
      return;
    }
    if (2 * this.length === this.pairs.length) this.grow();
    this.pairs[2 * this.length] = address;
    this.pairs[2 * this.length + 1] = wasmOffset;
    this.length++;
  }

  address(i: number): number {
    return this.pairs[2 * i];
  }

  wasmOffset(i: number): number {
    return this.pairs[2 * i + 1];
  }

  private grow(): void {
    const bigger = new Int32Array(2 * this.pairs.length);
    bigger.set(this.pairs);
    this.pairs = bigger;
  }
}
