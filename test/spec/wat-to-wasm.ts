/**
 * @fileoverview Compiles the text of one `(module ...)` form to a wasm binary with wabt.
 *
 * Pipeline place: called by `wast.ts` for every module of a script. wabt's `parseWat` takes one module,
 * never a whole script, so the script is split first. The features are those the pinned spec files use.
 */
import wabtInit from 'wabt';

const features = {
  multi_value: true,
  bulk_memory: true,
  reference_types: true,
  sign_extension: true,
  mutable_globals: true,
  sat_float_to_int: true,
};

let wabt: ReturnType<typeof wabtInit> | undefined;

/** The wasm binary of one module text; throws wabt's message when it does not parse or validate. */
export async function watToWasm(filename: string, text: string): Promise<Uint8Array<ArrayBuffer>> {
  wabt ??= wabtInit();
  const module = (await wabt).parseWat(filename, text, features);
  try {
    module.resolveNames();
    module.validate();
    return Uint8Array.from(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}
