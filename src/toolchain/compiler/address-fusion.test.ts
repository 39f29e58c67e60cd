// Row-major indexes `(x << k) + p` (p a pinned local) compile to LEAs: k = 1..6, with x a pinned local (one LEA,
// or two for k > 3) and a value of our own in a register (one LEA, or shl + add for k > 3); every sum must be what
// V8 computes, in v86.
import { describe, expect, it } from 'vitest';
import { runInV8 } from '../../../test/differential/v8-run.js';
import { wat } from '../../../test/toolchain/wat.js';
import { translate } from '../translate.js';
import { bootInV86 } from '../emulator/v86-node.js';


/** `(x << k) + p` for one shift count k, with x pinned ($i; $cold, the fourth local, in EDX) and computed ($i * 3). */
const sums = (k: number) => `
  (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31)) (i32.add (i32.shl (local.get $i) (i32.const ${k})) (local.get $j))))
  (local.set $h (i32.xor (local.get $h) (i32.add (i32.shl (i32.mul (local.get $i) (i32.const 3)) (i32.const ${k})) (local.get $j))))
  (local.set $h (i32.add (local.get $h) (i32.add (i32.shl (local.get $cold) (i32.const ${k})) (local.get $i))))`;

const source = `(module
  (import "env" "putc" (func $putc (param i32)))
  (func $hex (param $v i32) (local $n i32)
    (loop $l (call $putc (i32.add (i32.const 97) (i32.and (i32.shr_u (local.get $v) (i32.sub (i32.const 28) (i32.shl (local.get $n) (i32.const 2)))) (i32.const 15))))
      (br_if $l (i32.lt_u (local.tee $n (i32.add (local.get $n) (i32.const 1))) (i32.const 8))))
    (call $putc (i32.const 10)))
  (func $mix (param $cold i32) (result i32) (local $i i32) (local $j i32) (local $h i32)
    (loop $li
      (local.set $j (i32.const 0))
      (loop $lj
        ${[1, 2, 3, 4, 5, 6].map(sums).join('\n')}
        (br_if $lj (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 1))) (i32.const 9))))
      (br_if $li (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 9))))
    (local.get $h))
  (func (export "_start") (call $hex (call $mix (i32.const 0x12345))) (call $hex (call $mix (i32.const -7)))))`;

describe('address fusion: (x << k) + pinned local as LEAs', () => {
  it('prints what V8 prints', async () => {
    const bytes = wat(source);
    const expected = (await runInV8(bytes)).output;
    const result = await bootInV86(translate(bytes).elf, { timeoutMs: 10_000 });
    expect(result.serial).toBe(expected);
    expect(expected.split('\n').length).toBe(3);
  });
});
