// memory.fill and memory.copy check linear memory's size only in the bounds-checked mode: a kernel (memoryBase 0,
// a small wasm memory) fills and copies physical addresses far above it. Booted in v86 with 128 MiB of RAM.
import { describe, expect, it } from 'vitest';
import { wat } from '../../../test/toolchain/wat.js';
import { translate } from '../translate.js';
import { bootInV86 } from '../emulator/v86-node.js';


/** 40 MiB and 48 MiB: physical addresses far beyond the module's one 64 KiB page. */
const FAR = 0x280_0000;
const FARTHER = 0x300_0000;

// Fills 4 KiB at FAR with 'k', writes 'x' at its third byte, copies it to FARTHER, prints FARTHER's first 4 bytes.
const program = wat(`(module
  (import "env" "putc" (func $putc (param i32)))
  (memory 1)
  (func (export "_start") (local $i i32)
    (memory.fill (i32.const ${FAR}) (i32.const 0x6b) (i32.const 4096))
    (i32.store8 (i32.const ${FAR + 2}) (i32.const 0x78))
    (memory.copy (i32.const ${FARTHER}) (i32.const ${FAR}) (i32.const 4096))
    (loop $print
      (call $putc (i32.load8_u (i32.add (i32.const ${FARTHER}) (local.get $i))))
      (br_if $print (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 4))))
    (call $putc (i32.load8_u (i32.const ${FARTHER + 4095})))
    (call $putc (i32.const 10))))`);

describe('memory.fill and memory.copy without bounds checks', () => {
  it('fill and copy physical memory beyond the wasm memory size', async () => {
    const { elf } = translate(program, { memoryBase: 0 });
    const result = await bootInV86(elf, { timeoutMs: 10_000, memorySizeMB: 128 });
    expect(result.serial).toBe('kkxkk\n');
    expect(result.exitCode).toBe(0);
  });

  it('still trap in the bounds-checked mode', async () => {
    const { elf } = translate(program, { memoryBase: 0, boundsChecks: true });
    const result = await bootInV86(elf, { timeoutMs: 10_000, memorySizeMB: 128 });
    expect(result.serial).toMatch(/^trap: out of bounds memory access in _start/);
    expect(result.exitCode).toBe(101);
  });
});
