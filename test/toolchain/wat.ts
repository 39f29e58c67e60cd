/**
 * @fileoverview `wat(text)`: a WebAssembly text module as binary, for the
 * translator's tests — parsed and validated by wabt (the reference reader of
 * the spec's text format) with the proposals the translator supports enabled,
 * function names kept so traps and debug info can name them.
 */
import wabtInit from 'wabt';

const wabt = await wabtInit();

export function wat(text: string): Uint8Array {
  const module = wabt.parseWat('test.wat', text, { multi_value: true, bulk_memory: true, reference_types: true });
  module.resolveNames();
  module.validate();
  return new Uint8Array(module.toBinary({ write_debug_names: true }).buffer);
}
