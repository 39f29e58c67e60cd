/**
 * @fileoverview CRC-32 (the IEEE polynomial of zip, PNG and Ethernet): a
 * checksum that catches a share link changed on its way (a character
 * dropped or replaced), and a short id for a set of texts.
 *
 * Pipeline place: `share-link.ts` stores it with the state; `capture-share.ts`
 * fingerprints the bundled kernel sources with it.
 */

const POLYNOMIAL = 0xedb88320; // 0x04c11db7, bit-reversed

/** TABLE[b]: the CRC of the single byte b, so the loop below takes a byte per step. */
const TABLE = Uint32Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
  return crc;
});

/** The CRC-32 of `bytes`, as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** `crc32` as 8 lowercase hex digits. */
export function crc32Hex(bytes: Uint8Array): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}
