// i64 multiply with few free registers: with one local pinned (i64 code), five scratch registers remain; a product
// whose left operand arrived in EDX:EAX (a call's or another product's result) and whose right operand holds two
// more used to need more registers than were free ("register allocator: no register available").
import { describe, expect, it } from 'vitest';
import { wat } from '../../../test/toolchain/wat.js';
import { compileAssemblyScript } from '../asc/compile.js';
import { translate } from '../translate.js';
import { bootInV86 } from '../emulator/v86-node.js';


/** What the module prints through env.putc when V8 runs its `_start`. */
async function v8Output(wasm: Uint8Array): Promise<string> {
  let output = '';
  const instance = await WebAssembly.instantiate(new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>), {
    env: { putc: (c: number) => (output += String.fromCharCode(c)), abort: () => { throw new Error('abort'); } },
  });
  (instance.exports._start as () => void)();
  return output;
}

async function expectSameAsV8(wasm: Uint8Array): Promise<void> {
  const expected = await v8Output(wasm);
  const result = await bootInV86(translate(wasm).elf, { timeoutMs: 10_000 });
  expect(result.serial).toBe(expected);
  expect(result.exitCode).toBe(0);
}

// `<u64>mix(...) * <u64>load<u32>(p)`: the call's result is in EDX:EAX, the load's zero-extended value in two more
// registers, the hot loop counter pinned in EBX. asc -O0 keeps that order (-O3 reorders the operands).
const ascSource = `
@external("env", "putc") declare function putc(byte: i32): void;
function printHex(v: u64): void { for (let i = 60; i >= 0; i -= 4) putc(<i32>((v >> <u64>i) & 15) + 97); putc(10); }
function mix(x: u64): u64 { for (let r = 0; r < 3; r++) x = (x ^ (x >> 29)) * 0xbf58476d1ce4e5b9; return x; }
function products(base: usize, n: u32): u64 {
  let acc: u64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const p = base + (<usize>i << 2);
    acc += mix(<u64>i + acc) * <u64>load<u32>(p);
    acc ^= <u64>load<u32>(p) * <u64>load<u32>(p + 4) * <u64>(load<u32>(p + 8) ^ 0x9e3779b9);
  }
  return acc;
}
export function _start(): void {
  if (memory.size() == 0) memory.grow(1);
  for (let i = 0; i < 48; i++) store<u32>(1024 + (i << 2), 0x9e3779b9 * (i + 1));
  printHex(products(1024, 16));
}
`;

describe('i64.mul with few free registers', () => {
  it.each([0, 3] as const)('a product of two u32 values widened to u64, asc -O%i: prints what V8 prints', async (optimize) => {
    const compiled = await compileAssemblyScript([{ path: 'mul.ts', text: ascSource }], { entry: 'mul.ts', optimize, runtime: 'stub' });
    expect(compiled.wasm).toBeDefined();
    await expectSameAsV8(compiled.wasm!);
  });

  it('a product of a call result and a widened load', async () => {
    await expectSameAsV8(wat(`(module
      (import "env" "putc" (func $putc (param i32)))
      (memory 1)
      (data (i32.const 0) "\\f1\\e2\\d3\\c4\\b5\\a6\\97\\88")
      (func $seven (result i64) (i64.const 0x7777777777777777))
      (func $product (param $p i32) (result i64)
        (loop $l (local.set $p (i32.add (local.get $p) (i32.const 1))) (br_if $l (i32.lt_u (local.get $p) (i32.const 4))))
        (i64.mul (call $seven) (i64.extend_i32_u (i32.load (local.get $p)))))
      (func (export "_start") (local $v i64) (local $n i32)
        (local.set $v (call $product (i32.const 0)))
        (loop $hex
          (call $putc (i32.add (i32.const 97) (i32.wrap_i64 (i64.and (i64.shr_u (local.get $v)
            (i64.extend_i32_u (i32.sub (i32.const 60) (i32.shl (local.get $n) (i32.const 2))))) (i64.const 15)))))
          (br_if $hex (i32.lt_u (local.tee $n (i32.add (local.get $n) (i32.const 1))) (i32.const 16))))
        (call $putc (i32.const 10))))`));
  });
});
