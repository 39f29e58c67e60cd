/**
 * @fileoverview A share state as a URL hash and back: `#s=<version>.<data>`,
 * where data is base64url of a 9-byte header — flags (bit 0: the body is
 * raw DEFLATE), the state's length and its CRC-32, both 32-bit little-endian —
 * and the body: the state's JSON (UTF-8), compressed only when that makes
 * the link shorter. Everything is in the link, so it needs no server and
 * never expires; the length and checksum turn a link cut off or changed on
 * its way into a clear message instead of a wrong experiment.
 *
 * Pipeline place: after `capture-share.ts` (the state of the page) and
 * before the address bar and the clipboard; on the way back, from the
 * address bar to `share-versions.ts` (upgrade) and `share-state.ts` (checks).
 */
import { fromBase64Url, toBase64Url } from './base64url.js';
import { crc32, crc32Hex } from './crc32.js';
import { deflateRaw, inflateRaw } from './deflate-raw.js';
import { ShareLinkError } from './share-error.js';
import { SHARE_FORMAT, type ShareState } from './share-state.js';
import { checkReadable, upgradeToCurrent, type ShareFormat } from './share-versions.js';

/** The hash parameter that holds a share link. */
const HASH_PARAMETER = 's';
const FLAG_DEFLATE_RAW = 0b1;
/** Flags (1 byte), the JSON's length (4), its CRC-32 (4). */
const HEADER_BYTES = 9;
/**
 * Links whose state unpacks to more are refused: no experiment comes near
 * (all kernel sources together are a fraction of it), and it bounds what a
 * link can make the page unpack.
 */
const MAX_STATE_BYTES = 8 * 1024 * 1024;

export interface DecodedShareLink<State = ShareState> {
  readonly state: State;
  /** The format version the link was written in (the state is upgraded to the current one). */
  readonly version: number;
  /** The state's CRC-32 in hex: the same experiment always has the same id. */
  readonly id: string;
  /** The link's hash as opened ('#s=1.…'). */
  readonly address: string;
}

/** The URL hash ('#s=1.…') that holds `state` in the format's current version (the page's format unless given). */
export function encodeShareLink(state: ShareState): Promise<string>;
export function encodeShareLink<State>(state: State, format: ShareFormat<State>): Promise<string>;
export async function encodeShareLink(state: unknown, format: ShareFormat<unknown> = SHARE_FORMAT): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  const deflated = await deflateRaw(json);
  const compress = deflated.length < json.length;
  const body = compress ? deflated : json;
  const bytes = new Uint8Array(HEADER_BYTES + body.length);
  const header = new DataView(bytes.buffer);
  header.setUint8(0, compress ? FLAG_DEFLATE_RAW : 0);
  header.setUint32(1, json.length, true);
  header.setUint32(5, crc32(json), true);
  bytes.set(body, HEADER_BYTES);
  return `#${HASH_PARAMETER}=${format.version}.${toBase64Url(bytes)}`;
}

/** The share parameter of `link` (a URL or its hash) as '#s=…', or null when it has none. */
export function shareAddressOf(link: string): string | null {
  const hashStart = link.indexOf('#');
  const value = hashStart < 0 ? null : new URLSearchParams(link.slice(hashStart + 1)).get(HASH_PARAMETER);
  return value === null ? null : `#${HASH_PARAMETER}=${value}`;
}

/** The share state of `link` (a URL or its hash), upgraded to the format's current version; throws `ShareLinkError`. */
export function decodeShareLink(link: string): Promise<DecodedShareLink>;
export function decodeShareLink<State>(link: string, format: ShareFormat<State>): Promise<DecodedShareLink<State>>;
export async function decodeShareLink(link: string, format: ShareFormat<unknown> = SHARE_FORMAT): Promise<DecodedShareLink<unknown>> {
  const address = shareAddressOf(link);
  const parts = address && /^#s=(\d+)\.(.*)$/s.exec(address);
  if (!parts) throw new ShareLinkError('not-a-share-link', 'This is not a share link: a share link ends in #s=<version>.<data>.');
  const version = Number(parts[1]);
  if (version < 1) throw new ShareLinkError('not-a-share-link', `This is not a share link: there is no share format v${parts[1]}.`);
  checkReadable(format, version); // before looking at data a newer playground wrote
  const json = await unpack(parts[2]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ShareLinkError('bad-state', 'The link holds no experiment this page can open: its contents are not JSON text.');
  }
  return { state: upgradeToCurrent(format, version, parsed), version, id: crc32Hex(json), address };
}

/** The JSON bytes in a link's data, checked against the length and checksum the link records. */
async function unpack(data: string): Promise<Uint8Array> {
  const bytes = fromBase64Url(data);
  if (!bytes) throw new ShareLinkError('corrupt', 'The link is damaged: it contains characters a share link never has (was it changed when copied?).');
  if (bytes.length < HEADER_BYTES) throw new ShareLinkError('corrupt', 'The link is cut off: it is too short to hold an experiment.');
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const flags = header.getUint8(0);
  const length = header.getUint32(1, true);
  const checksum = header.getUint32(5, true);
  if (flags & ~FLAG_DEFLATE_RAW) throw new ShareLinkError('corrupt', `The link is damaged: its encoding flags (0x${flags.toString(16)}) are not ones this page writes.`);
  if (length > MAX_STATE_BYTES) throw new ShareLinkError('wrong-length', `The link is damaged: it claims ${length} bytes of experiment, more than any link holds.`);
  const body = bytes.subarray(HEADER_BYTES);
  const json = flags & FLAG_DEFLATE_RAW ? await inflate(body) : body;
  if (json.length !== length) {
    throw new ShareLinkError('wrong-length', `The link is incomplete: it should hold ${length} bytes of experiment but holds ${json.length} (was it cut off when copied?).`);
  }
  if (crc32(json) !== checksum) throw new ShareLinkError('wrong-checksum', 'The link is damaged: its contents do not match its checksum (was it changed when copied?).');
  return json;
}

async function inflate(body: Uint8Array): Promise<Uint8Array> {
  try {
    return await inflateRaw(body, MAX_STATE_BYTES);
  } catch {
    throw new ShareLinkError('corrupt', 'The link is damaged: its compressed data does not unpack (was it cut off when copied?).');
  }
}
