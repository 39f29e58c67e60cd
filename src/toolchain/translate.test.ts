// Bad input gets a clear error that names where: malformed modules, float arithmetic, unknown imports.
import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { runInV8 } from '../../test/differential/v8-run.js';
import { wat } from '../../test/toolchain/wat.js';
import { translate, WasmError } from './translate.js';
import { bootInV86 } from './emulator/v86-node.js';

const wabt = await wabtInit(); // for modules with proposals the translator refuses (simd, tail calls)

describe('translate: bad input', () => {
  it('rejects a truncated module with an error naming the offset', () => {
    const bytes = wat('(module (func (export "_start")))').slice(0, 20);
    expect(() => translate(bytes)).toThrow(WasmError);
    expect(() => translate(bytes)).toThrow(/@\+\d+|offset/);
  });

  it('rejects garbage that is not wasm', () => {
    expect(() => translate(new TextEncoder().encode('hello, kernel'))).toThrow(/invalid module/);
  });

  it('refuses float arithmetic, naming the instruction and the function', () => {
    const bytes = wat(`(module (func $average (export "_start") (drop (f32.add (f32.const 1) (f32.const 2)))))`);
    expect(() => translate(bytes)).toThrow(/float instruction f32\.add in function average.*FPU/);
  });

  it('accepts float values moved as bits (no FPU needed)', () => {
    const bytes = wat(`(module (global $g (mut f64) (f64.const 1.5))
      (func (export "_start") (global.set $g (f64.neg (global.get $g)))))`);
    expect(translate(bytes).elf.length).toBeGreaterThan(0);
  });

  it('names an unsupported import', () => {
    const bytes = wat(`(module (import "env" "fopen" (func)) (func (export "_start") (call 0)))`);
    expect(() => translate(bytes)).toThrow(/unsupported import env\.fopen/);
  });
});

describe('translate: traps', () => {
  it('prints the trap kind and the function, and exits with code 101', async () => {
    const bytes = wat(`(module (func $crash (export "_start") (drop (i32.div_u (i32.const 7) (i32.const 0)))))`);
    const result = await bootInV86(translate(bytes).elf, { timeoutMs: 10_000 });
    expect(result.serial).toBe('trap: integer divide by zero in crash\n');
    expect(result.exitCode).toBe(101);
  });

  it('reports call stack exhaustion instead of crashing the machine', async () => {
    const bytes = wat(`(module (func $deep (export "_start") (call $deep)))`);
    const result = await bootInV86(translate(bytes).elf, { timeoutMs: 20_000 });
    expect(result.serial).toBe('trap: call stack exhausted in deep\n');
    expect(result.exitCode).toBe(101);
  });
});

describe('translate: address arithmetic folded into loads', () => {
  // Each pattern of address-fusion.ts, and loads read straight by the next instruction, checked against V8.
  const source = `(module
    (import "env" "putc" (func $putc (param i32)))
    (memory 1)
    (data (i32.const 256) "\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10\\11\\12\\13\\14\\15\\16\\17\\18")
    (func $hex (param i32) (call $putc (i32.add (i32.const 97) (i32.and (local.get 0) (i32.const 15)))))
    (func $word (param i32) (call $hex (i32.shr_u (local.get 0) (i32.const 28))) (call $hex (i32.shr_u (local.get 0) (i32.const 24)))
      (call $hex (i32.shr_u (local.get 0) (i32.const 20))) (call $hex (i32.shr_u (local.get 0) (i32.const 16)))
      (call $hex (i32.shr_u (local.get 0) (i32.const 12))) (call $hex (i32.shr_u (local.get 0) (i32.const 8)))
      (call $hex (i32.shr_u (local.get 0) (i32.const 4))) (call $hex (local.get 0)) (call $putc (i32.const 10)))
    (func (export "_start") (local $i i32) (local $p i32)
      (local.set $p (i32.const 256))
      (loop $l
        (call $word (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 256))))
        (call $word (i32.load16_s offset=2 (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 256))))
        (call $word (i32.load8_u (i32.add (local.get $i) (i32.const 259))))
        (call $word (i32.load offset=4 (i32.add (local.get $i) (i32.const 256))))
        (call $word (i32.load offset=4 (i32.shl (local.get $i) (i32.const 3))))
        (call $word (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (local.get $p))))
        (call $word (i32.wrap_i64 (i64.load (i32.add (i32.shl (local.get $i) (i32.const 3)) (i32.const 256)))))
        (call $word (i32.sub (local.get $i) (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 256)))))
        (call $word (i32.mul (i32.load offset=1 (local.get $p)) (i32.load (i32.add (local.get $i) (i32.const 257)))))
        (call $word (i32.xor (i32.const 7) (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (local.get $p)))))
        (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 3)))))
  )`;

  it('prints what V8 prints', async () => {
    const bytes = wat(source);
    let expected = '';
    const instance = await WebAssembly.instantiate(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), { env: { putc: (c: number) => (expected += String.fromCharCode(c)) } });
    (instance.exports._start as () => void)();
    const result = await bootInV86(translate(bytes).elf, { timeoutMs: 10_000 });
    expect(result.serial).toBe(expected);
    expect(expected.split('\n').length).toBe(31);
  });
});

describe('translate: rotated loops', () => {
  // Both loop shapes loop-rotation.ts repeats the test of (an `if` around the body, a `br_if` out), with an
  // `else` on the false path and an early exit, checked against V8.
  const source = `(module
    (import "env" "putc" (func $putc (param i32)))
    (func $digit (param i32) (call $putc (i32.add (i32.const 48) (i32.rem_u (local.get 0) (i32.const 10)))))
    (func (export "_start") (local $i i32) (local $n i32) (local $s i32)
      (local.set $n (i32.const 7))
      (loop $a (if (i32.lt_s (local.get $i) (local.get $n))
        (then (local.set $s (i32.add (local.get $s) (local.get $i))) (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $a))
        (else (call $putc (i32.const 101)))))
      (call $digit (local.get $s))
      (local.set $i (i32.const 0))
      (block $done (loop $b
        (br_if $done (i32.ge_u (local.get $i) (i32.const 5)))
        (call $digit (local.get $i))
        (br_if $done (i32.eq (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $b)))
      (call $putc (i32.const 10)))
  )`;

  it('prints what V8 prints', async () => {
    const bytes = wat(source);
    const expected = (await runInV8(bytes)).output;
    expect(expected).toBe('e101234\n');
    const result = await bootInV86(translate(bytes).elf, { timeoutMs: 10_000 });
    expect(result.serial).toBe(expected);
  });
});

describe('translate: unsupported proposals', () => {
  it('names SIMD and tail calls, with the function and the offset', () => {
    const simd = wabt.parseWat('simd.wat', '(module (func $vec (export "_start") (drop (v128.const i32x4 1 2 3 4))))', { simd: true });
    simd.resolveNames();
    expect(() => translate(new Uint8Array(simd.toBinary({ write_debug_names: true }).buffer))).toThrow(
      /unsupported instruction 0xfd-prefixed \(SIMD, v128\) in function vec at offset 0x[0-9a-f]+/,
    );
    const tail = wabt.parseWat('tail.wat', '(module (func $loop (export "_start") (return_call $loop)))', { tail_call: true });
    tail.resolveNames();
    expect(() => translate(new Uint8Array(tail.toBinary({ write_debug_names: true }).buffer))).toThrow(/return_call \(tail calls\) in function loop/);
  });
});

/** Where the byte loaded at `address` sits in the ELF file, from the section headers. */
function fileOffset(elf: Uint8Array, address: number): number {
  const view = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  const headers = view.getUint32(0x20, true);
  for (let i = 0; i < view.getUint16(0x30, true); i++) {
    const header = headers + i * view.getUint16(0x2e, true);
    const start = view.getUint32(header + 12, true);
    if (address >= start && address <= start + view.getUint32(header + 20, true)) return view.getUint32(header + 16, true) + address - start;
  }
  throw new Error(`address 0x${address.toString(16)} is in no section`);
}

describe('translate: a fourth local pinned in EDX', () => {
  // $work calls nothing and divides nothing, so its four hottest locals get EBX, ESI, EDI and EDX, leaving only
  // EAX and ECX as scratch: deep expressions (spills), shifts by a variable count (ECX), select, br_table, block
  // results, stores and fused loads must all still compute what V8 computes.
  const source = `(module
    (import "env" "putc" (func $putc (param i32)))
    (memory 1)
    (func $hex (param i32) (call $putc (i32.add (i32.const 97) (i32.and (local.get 0) (i32.const 15)))))
    (func $word (param $v i32) (local $n i32)
      (loop $l (call $hex (i32.shr_u (local.get $v) (i32.sub (i32.const 28) (i32.shl (local.get $n) (i32.const 2)))))
        (br_if $l (i32.lt_u (local.tee $n (i32.add (local.get $n) (i32.const 1))) (i32.const 8))))
      (call $putc (i32.const 10)))
    (func $work (param $seed i32) (result i32) (local $i i32) (local $j i32) (local $k i32) (local $sum i32) (local $t i32)
      (loop $fill
        (i32.store (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 64))
          (local.tee $seed (i32.add (i32.mul (local.get $seed) (i32.const 1664525)) (i32.const 1013904223))))
        (i32.store16 offset=2048 (i32.shl (local.get $i) (i32.const 1)) (i32.shr_u (local.get $seed) (local.get $i)))
        (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 64))))
      (local.set $i (i32.const 0))
      (loop $li
        (local.set $j (i32.const 0))
        (loop $lj
          (local.set $k (i32.const 0))
          (loop $lk
            (local.set $sum (i32.add (local.get $sum)
              (i32.mul (i32.load (i32.add (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 3)) (local.get $k)) (i32.const 2)) (i32.const 64)))
                       (i32.load (i32.add (i32.shl (i32.add (i32.shl (local.get $k) (i32.const 3)) (local.get $j)) (i32.const 2)) (i32.const 64))))))
            (local.set $sum (i32.xor (local.get $sum)
              (i32.add (i32.rotl (local.get $sum) (local.get $k))
                (i32.sub (i32.add (local.get $i) (i32.mul (local.get $j) (i32.add (local.get $k) (i32.load16_u offset=2048 (i32.shl (local.get $k) (i32.const 1))))))
                  (i32.shr_s (local.get $sum) (i32.and (local.get $j) (i32.const 31)))))))
            (local.set $sum (i32.add (local.get $sum)
              (select (i32.const 3) (local.get $k) (i32.lt_u (local.get $sum) (local.get $i)))))
            (local.set $sum (i32.add (local.get $sum)
              (block $b (result i32)
                (block $b2 (block $b1 (block $b0 (br_table $b0 $b1 $b2 (i32.and (local.get $k) (i32.const 3))))
                  (br $b (i32.shl (local.get $i) (local.get $j))))
                  (br $b (i32.eqz (local.get $j))))
                (if (result i32) (i32.gt_s (local.get $sum) (i32.const 0)) (then (local.get $k)) (else (i32.const 5))))))
            (br_if $lk (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const 8))))
          (i32.store offset=1024 (i32.shl (i32.add (i32.shl (local.get $i) (i32.const 3)) (local.get $j)) (i32.const 2)) (local.get $sum))
          (br_if $lj (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 8))))
        (br_if $li (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 8))))
      (local.set $t (i32.const 0))
      (local.set $i (i32.const 0))
      (loop $sumup
        (local.set $t (i32.add (i32.mul (local.get $t) (i32.const 31)) (i32.load offset=1024 (i32.shl (local.get $i) (i32.const 2)))))
        (br_if $sumup (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 64))))
      (i32.add (local.get $t) (local.get $sum)))
    (func (export "_start") (call $word (call $work (i32.const 7))) (call $word (call $work (i32.const -1))))
  )`;

  it('prints what V8 prints', async () => {
    const bytes = wat(source);
    const expected = (await runInV8(bytes)).output;
    const { elf, debug } = translate(bytes);
    const work = debug.functions.find((f) => f.name === 'work')!;
    const code = [...elf.subarray(fileOffset(elf, work.start), fileOffset(elf, work.end))];
    const zeroesEdx = code.some((byte, i) => byte === 0xba && code[i + 1] === 0 && code[i + 2] === 0 && code[i + 3] === 0 && code[i + 4] === 0);
    expect(zeroesEdx).toBe(true); // mov edx, 0: the prologue's initialisation of a local pinned in EDX
    const result = await bootInV86(elf, { timeoutMs: 10_000 });
    expect(result.serial).toBe(expected);
    expect(expected.split('\n').length).toBe(3);
  });
});
