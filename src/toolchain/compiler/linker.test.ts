// Linking several modules into one image (translateProgram): shared functions, globals and tables, signature
// checks across modules, instantiation in order, link errors; a program of one module is translate() itself.
import { describe, expect, it } from 'vitest';
import { wat } from '../../../test/toolchain/wat.js';
import { translate, translateProgram, WasmError } from '../translate.js';
import { bootInV86 } from '../emulator/v86-node.js';


// The types are declared in a different order than in `app`, so per-module signature ids would differ.
const lib = wat(`(module
  (type $binary (func (param i32 i32) (result i32)))
  (type $nullary (func (result i32)))
  (import "env" "putc" (func $putc (param i32)))
  (table (export "table") 4 funcref)
  (global $counter (export "counter") (mut i32) (i32.const 0))
  (func (export "add") (type $binary) (i32.add (local.get 0) (local.get 1)))
  (func (export "show") (call $putc (global.get $counter)))
  (func (export "call_at") (param i32) (result i32) (call_indirect (type $nullary) (local.get 0))))`);

const app = wat(`(module
  (type $nullary (func (result i32)))
  (type $unary (func (param i32) (result i32)))
  (import "env" "putc" (func $putc (param i32)))
  (import "lib" "add" (func $add (param i32 i32) (result i32)))
  (import "lib" "show" (func $show))
  (import "lib" "call_at" (func $call_at (param i32) (result i32)))
  (import "lib" "counter" (global $counter (mut i32)))
  (import "lib" "table" (table 4 funcref))
  (elem (i32.const 1) $c $wrong)
  (func $c (type $nullary) (i32.const 67))
  (func $wrong (type $unary) (local.get 0))
  (func (export "_start")
    (call $putc (call $add (i32.const 60) (i32.const 5)))
    (global.set $counter (i32.const 66))
    (call $show)
    (call $putc (call $call_at (i32.const 1)))
    (call $putc (i32.const 10))
    (drop (call $call_at (i32.const 2)))))`);

describe('translateProgram', () => {
  it('links calls, a mutable global and a table filled by the importer; call_indirect checks signatures across modules', async () => {
    const image = translateProgram([{ name: 'lib', wasm: lib }, { name: 'app', wasm: app }]);
    const result = await bootInV86(image.elf, { timeoutMs: 10_000 });
    expect(result.serial).toBe('ABC\ntrap: indirect call type mismatch in lib.call_at\n');
    expect(result.exitCode).toBe(101);
    expect(image.debug.functions.map((f) => f.name)).toEqual(expect.arrayContaining(['lib.add', 'app._start', 'app.putc']));
  });

  it('applies an importer\'s element segment at its instantiation, trapping when it exceeds the table', async () => {
    const printer = wat(`(module (import "env" "putc" (func $putc (param i32))) (table (export "t") 2 funcref)
      (func $hello (call $putc (i32.const 72))) (start $hello))`);
    const overflow = wat(`(module (import "p" "t" (table 2 funcref)) (elem (i32.const 1) $f $f) (func $f))`);
    const result = await bootInV86(translateProgram([{ name: 'p', wasm: printer }, { name: '', wasm: overflow }]).elf, { timeoutMs: 10_000 });
    expect(result.serial).toBe('Htrap: out of bounds table access in (module instantiation)\n');
  });

  it('is translate() itself for one module', () => {
    const [program, alone] = [translateProgram([{ name: '', wasm: lib }]).elf, translate(lib).elf];
    expect(Buffer.from(program).equals(Buffer.from(alone))).toBe(true);
  });

  it('refuses imports it cannot link, naming them', () => {
    const link = (wasm: Uint8Array) => () => translateProgram([{ name: 'lib', wasm: lib }, { name: 'x', wasm }]);
    expect(link(wat(`(module (import "lib" "nothing" (func)))`))).toThrow(/lib\.nothing .*no func export/);
    expect(link(wat(`(module (import "lib" "add" (func (param i32))))`))).toThrow(/lib\.add .*incompatible function type/);
    expect(link(wat(`(module (import "lib" "counter" (global i32)))`))).toThrow(/incompatible global type/);
    expect(link(wat(`(module (memory 1))`))).toThrow(WasmError);
    expect(link(wat(`(module (memory 1))`))).toThrow(/only the first module of a program may have a memory/);
  });
});
