// fetchKernelImage over real HTTP: a Multiboot image comes back whole; a 404, an HTML page or an unreachable
// server each end in a KernelImageError that says which; a prefetched image is requested once, then fetched anew.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multibootHeader } from '../../toolchain/image/multiboot.js';
import { fetchKernelImage, KernelImageError, prefetchKernelImage } from './kernel-image.js';

const KERNEL = new Uint8Array(4096);
KERNEL.set(multibootHeader(), 0x40);

const FILES: Record<string, Uint8Array> = {
  '/kernel.elf': KERNEL,
  '/index.html': new TextEncoder().encode('<!doctype html><title>not a kernel</title>'),
};

let server: Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const body = FILES[new URL(request.url ?? '', 'http://host').pathname];
    response.writeHead(body ? 200 : 404).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchKernelImage', () => {
  it('returns the bytes of a Multiboot kernel', async () => {
    expect(new Uint8Array(await fetchKernelImage(`${base}/kernel.elf`))).toEqual(KERNEL);
  });

  it('names the URL and the HTTP status of a missing image', async () => {
    const fetching = fetchKernelImage(`${base}/missing.elf`);
    await expect(fetching).rejects.toBeInstanceOf(KernelImageError);
    await expect(fetching).rejects.toThrow(`Kernel image ${base}/missing.elf could not be loaded: HTTP 404 Not Found`);
  });

  it('refuses a file without a Multiboot header', async () => {
    await expect(fetchKernelImage(`${base}/index.html`)).rejects.toThrow(
      `${base}/index.html (42 bytes) is not a Multiboot-1 kernel: no Multiboot header in its first 8192 bytes`,
    );
  });

  it('explains a server that cannot be reached', async () => {
    await expect(fetchKernelImage('http://127.0.0.1:1/kernel.elf')).rejects.toThrow(
      /^Kernel image http:\/\/127\.0\.0\.1:1\/kernel\.elf could not be fetched: TypeError/,
    );
  });

  it('takes a prefetched image without asking the server again, once', async () => {
    const url = `${base}/kernel.elf?prefetch`;
    prefetchKernelImage(url);
    prefetchKernelImage(url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requested.filter((path) => path === '/kernel.elf?prefetch')).toHaveLength(1);
    expect(new Uint8Array(await fetchKernelImage(url))).toEqual(KERNEL);
    expect(requested.filter((path) => path === '/kernel.elf?prefetch')).toHaveLength(1);
    expect(new Uint8Array(await fetchKernelImage(url))).toEqual(KERNEL);
    expect(requested.filter((path) => path === '/kernel.elf?prefetch')).toHaveLength(2);
  });

  it('reports a prefetch that failed when the image is fetched', async () => {
    prefetchKernelImage('http://127.0.0.1:1/prefetched.elf');
    await expect(fetchKernelImage('http://127.0.0.1:1/prefetched.elf')).rejects.toThrow(/could not be fetched: TypeError/);
  });
});
