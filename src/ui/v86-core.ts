/**
 * @fileoverview Fetches and compiles v86's CPU core (v86.wasm), once per page.
 *
 * Pipeline place: the page's `MachineOptions.v86Wasm` (Node tests compile the
 * file from node_modules instead); `main.tsx` starts it before any other
 * script of the page has loaded. Vite emits the wasm file as a hashed asset
 * and the `?url` import gives its URL relative to the page, so it is found
 * under any base path. Compiling once makes reboots fast.
 */

import v86WasmUrl from 'v86/build/v86.wasm?url';

let compiled: Promise<WebAssembly.Module> | null = null;

/**
 * The compiled core; the first call starts the download. After a failed one (a network that dropped it, a server
 * that was down) the next call downloads again: the page's Reboot can then still start v86.
 */
export function v86Core(): Promise<WebAssembly.Module> {
  compiled ??= compileV86Core().catch((error: unknown) => {
    compiled = null;
    throw error;
  });
  return compiled;
}

/**
 * Compiles while the bytes arrive where the server says application/wasm
 * (compileStreaming refuses any other type); from the whole download on
 * static servers that do not know the type.
 */
async function compileV86Core(): Promise<WebAssembly.Module> {
  const response = await fetch(v86WasmUrl);
  if (!response.ok) throw new Error(`${v86WasmUrl}: HTTP ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get('content-type') ?? '';
  if (type.split(';')[0].trim().toLowerCase() === 'application/wasm') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
