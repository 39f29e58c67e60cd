// v86Core against the real v86.wasm: compiled while streaming when the server says application/wasm, from the
// whole download when it names another type, and an HTTP error named.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

const v86Wasm = readFileSync(createRequire(import.meta.url).resolve('v86/build/v86.wasm'));

/** A fresh copy of the module (it compiles once per page) with `fetch` answering `response`. */
async function v86CoreServedAs(response: Response): Promise<{ core: Promise<WebAssembly.Module> }> {
  vi.resetModules();
  vi.stubGlobal('fetch', vi.fn(async () => response));
  const { v86Core } = await import('./v86-core.js');
  return { core: v86Core() };
}

function exportNames(module: WebAssembly.Module): string[] {
  return WebAssembly.Module.exports(module).map((e) => e.name);
}

describe('v86Core', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('compiles v86.wasm served as application/wasm through compileStreaming', async () => {
    const streaming = vi.spyOn(WebAssembly, 'compileStreaming');
    const { core } = await v86CoreServedAs(new Response(v86Wasm, { headers: { 'content-type': 'application/wasm' } }));
    expect(exportNames(await core)).toContain('main_loop');
    expect(streaming).toHaveBeenCalledOnce();
  });

  it('compiles v86.wasm from a server that does not know the wasm type, without compileStreaming', async () => {
    const streaming = vi.spyOn(WebAssembly, 'compileStreaming');
    const { core } = await v86CoreServedAs(new Response(v86Wasm, { headers: { 'content-type': 'application/octet-stream' } }));
    expect(exportNames(await core)).toContain('main_loop');
    expect(streaming).not.toHaveBeenCalled();
  });

  it('names the HTTP status when v86.wasm cannot be fetched', async () => {
    const { core } = await v86CoreServedAs(new Response('not here', { status: 404, statusText: 'Not Found' }));
    await expect(core).rejects.toThrow(/v86.*\.wasm: HTTP 404 Not Found$/);
  });
});
