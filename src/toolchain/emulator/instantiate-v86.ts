/**
 * @fileoverview Instantiates v86's CPU core (v86.wasm, compiled once by the
 * caller) for one emulator, sending what its Rust core prints — the panic
 * message before it traps out of the emulation loop — to `onMessage` instead
 * of the console.
 *
 * Pipeline place: v86's `wasm_fn` option, for the Node runner
 * (`v86-node.ts`) and the playground's machine (`src/ui/machine/emulator.ts`);
 * uses no Node built-ins.
 */
export async function instantiateV86(
  module: WebAssembly.Module,
  imports: WebAssembly.Imports,
  onMessage: (text: string) => void,
): Promise<WebAssembly.Exports> {
  let memory: WebAssembly.Memory | undefined;
  imports.env.console_log_from_wasm = (offset: number, length: number) => {
    if (memory) onMessage(new TextDecoder().decode(new Uint8Array(memory.buffer, offset, length)));
  };
  const instance = await WebAssembly.instantiate(module, imports);
  memory = instance.exports.memory as WebAssembly.Memory;
  return instance.exports;
}
