/**
 * @fileoverview Fetches the kernel image the page boots and checks that it is
 * a Multiboot-1 kernel before it reaches v86.
 *
 * Pipeline place: the last step before the emulator. `npm run kernel` writes
 * `public/images/eduos.elf` (toolchain → `src/toolchain/image/`); the page
 * fetches it here and hands the bytes to `machine.ts`. The check matters
 * because v86 runs without a BIOS: given bytes without a Multiboot header it
 * starts the CPU at the reset vector in empty memory and the page would sit
 * there blank instead of saying what is wrong.
 */

import { findMultibootHeader, MULTIBOOT_SEARCH_LIMIT } from '../../toolchain/image/multiboot.js';

/** A kernel image could not be fetched or is not a Multiboot-1 kernel; the message is for people. */
export class KernelImageError extends Error {
  override readonly name = 'KernelImageError';
}

/** Requests started by `prefetchKernelImage` that no `fetchKernelImage` has taken yet, by URL. */
const prefetched = new Map<string, Promise<Response>>();

/**
 * Starts fetching `url` now; the next `fetchKernelImage(url)` takes this
 * response instead of asking again. The page calls it before its scripts
 * have loaded, so the image arrives while they do.
 */
export function prefetchKernelImage(url: string): void {
  if (prefetched.has(url)) return;
  const response = fetch(url, { cache: 'no-cache' });
  response.catch(() => undefined); // reported when fetchKernelImage takes it
  prefetched.set(url, response);
}

/** Fetches `url` and returns its bytes if they hold a Multiboot-1 kernel; throws KernelImageError otherwise. */
export async function fetchKernelImage(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetchOrExplain(url, signal);
  if (!response.ok) {
    throw new KernelImageError(`Kernel image ${url} could not be loaded: HTTP ${response.status} ${response.statusText}`.trim());
  }
  const image = await response.arrayBuffer();
  if (findMultibootHeader(new Uint8Array(image)) < 0) {
    throw new KernelImageError(
      `${url} (${image.byteLength} bytes) is not a Multiboot-1 kernel: no Multiboot header in its first ${MULTIBOOT_SEARCH_LIMIT} bytes`,
    );
  }
  return image;
}

async function fetchOrExplain(url: string, signal?: AbortSignal): Promise<Response> {
  const early = prefetched.get(url);
  prefetched.delete(url);
  try {
    return await (early ?? fetch(url, { signal, cache: 'no-cache' }));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new KernelImageError(`Kernel image ${url} could not be fetched: ${String(error)}`);
  }
}
