/**
 * @fileoverview Runs an AssemblyScript benchmark kernel's wasm directly in the host's WebAssembly engine (V8),
 * supplying env.putc and the x86.rdtsc intrinsic from JavaScript. It needs no translator, so it gives the
 * checksum both machine-code versions (translated AssemblyScript, and C) must reproduce.
 */

/** Instantiates `wasm`, calls its `_start` and returns what it printed through env.putc. */
export async function runWasmInHost(wasm: Uint8Array): Promise<string> {
  let serial = '';
  const imports = {
    env: { putc: (byte: number) => (serial += String.fromCharCode(byte & 0xff)) },
    x86: { rdtsc: () => process.hrtime.bigint() },
  };
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(wasm.slice()), imports);
  (instance.exports._start as () => void)();
  return serial;
}
