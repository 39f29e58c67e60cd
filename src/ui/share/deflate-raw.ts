/**
 * @fileoverview Raw DEFLATE (RFC 1951, no zlib or gzip header) with the
 * browser's own CompressionStream, so a share link needs no compression
 * library; the header-less format saves its bytes in every link.
 *
 * Pipeline place: `share-link.ts` compresses a share state with it when that
 * makes the link shorter, and unpacks such links.
 */

/** `bytes`, compressed. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return concat(await readAll(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'))));
}

/**
 * `bytes` unpacked; throws when they are not raw DEFLATE data (e.g. cut off)
 * or unpack to more than `maxBytes` (a link must not make the page unpack
 * gigabytes).
 */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return concat(await readAll(stream, maxBytes));
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes = Infinity): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`unpacks to more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}
