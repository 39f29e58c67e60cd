// Share links: state → '#s=1.…' → state, compressed only when shorter; links of an older format version open after
// the format has moved on; and every way a link breaks on its way gives its own clear error.
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.js';
import { crc32 } from './crc32.js';
import { ShareLinkError, type ShareLinkProblem } from './share-error.js';
import { decodeShareLink, encodeShareLink, shareAddressOf } from './share-link.js';
import { SHARE_FORMAT, type ShareState } from './share-state.js';
import type { ShareFormat } from './share-versions.js';

const ONE_LINE: ShareState = {
  files: { 'config.ts': 'export const KERNEL_VERSION = "0.1.0-alice";\n' },
  commandLine: 'hz=100',
  optimize: 0,
  open: { path: 'config.ts', line: 1 },
  kernel: '89abcdef',
};

/** A file long enough (and repetitive enough, like code) that deflate wins. */
const WHOLE_FILE: ShareState = {
  ...ONE_LINE,
  files: { 'main.ts': Array.from({ length: 80 }, (_, i) => `  print("step ${i}: " + format(${i}));\n`).join('') },
};

/** The envelope's flag byte of a link (bit 0: deflate-raw). */
function flagsOf(address: string): number {
  return fromBase64Url(address.slice(address.indexOf('.') + 1))![0];
}

/** A link whose envelope holds `json` as it is (uncompressed, right length and checksum), for states the page never writes. */
function linkHolding(json: string, version = 1): string {
  const body = new TextEncoder().encode(json);
  const bytes = new Uint8Array(9 + body.length);
  const header = new DataView(bytes.buffer);
  header.setUint32(1, body.length, true);
  header.setUint32(5, crc32(body), true);
  bytes.set(body, 9);
  return `#s=${version}.${toBase64Url(bytes)}`;
}

/** Rewrites a link's envelope bytes. */
function tampered(address: string, change: (bytes: Uint8Array) => Uint8Array): string {
  const dot = address.indexOf('.');
  return address.slice(0, dot + 1) + toBase64Url(change(fromBase64Url(address.slice(dot + 1))!));
}

async function problemOf(link: string): Promise<[ShareLinkProblem, string]> {
  const error = await decodeShareLink(link).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, `decoding ${link.slice(0, 40)}… should fail`).toBeInstanceOf(ShareLinkError);
  return [(error as ShareLinkError).problem, (error as Error).message];
}

/** Takes any JSON: for the envelope alone. */
const ANY_JSON: ShareFormat<unknown> = { version: 1, upgrades: {}, parse: (json) => json };

describe('share links', () => {
  it('round-trip a one-line change, never longer than its uncompressed envelope', async () => {
    const address = await encodeShareLink(ONE_LINE);
    expect(address).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    expect(address.length).toBeLessThanOrEqual(linkHolding(JSON.stringify(ONE_LINE)).length);
    const decoded = await decodeShareLink(address);
    expect(decoded).toMatchObject({ state: ONE_LINE, version: 1, address });
    expect(decoded.id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('leave data uncompressed where deflate would make it longer', async () => {
    const address = await encodeShareLink({ n: 1 }, ANY_JSON);
    expect(flagsOf(address)).toBe(0);
    expect(address).toBe(linkHolding('{"n":1}'));
    expect((await decodeShareLink(address, ANY_JSON)).state).toEqual({ n: 1 });
  });

  it('compress a whole file with deflate-raw, and the link is shorter for it', async () => {
    const address = await encodeShareLink(WHOLE_FILE);
    expect(flagsOf(address)).toBe(1);
    const uncompressedLength = linkHolding(JSON.stringify(WHOLE_FILE)).length;
    expect(address.length).toBeLessThan(uncompressedLength / 2);
    expect((await decodeShareLink(address)).state).toEqual(WHOLE_FILE);
  });

  it('round-trip text beyond ASCII, and empty files', async () => {
    const state = { ...ONE_LINE, files: { 'main.ts': '// Grüße, 日本語, emoji 🚀\n', 'demo/empty.ts': '' }, commandLine: 'test=ünï' };
    expect((await decodeShareLink(await encodeShareLink(state))).state).toEqual(state);
  });

  it('are found in a whole URL, a query and other hash parameters beside them', async () => {
    const address = await encodeShareLink(ONE_LINE);
    const url = `https://example.org/eduos-playground/?image=images/eduos.elf${address}`;
    expect(shareAddressOf(url)).toBe(address);
    expect(shareAddressOf(`https://example.org/#panel=idt&${address.slice(1)}`)).toBe(address);
    expect(shareAddressOf('https://example.org/?s=1.abc')).toBeNull();
    expect((await decodeShareLink(url)).state).toEqual(ONE_LINE);
  });

  it('give the same experiment the same id, and another one another', async () => {
    const first = await decodeShareLink(await encodeShareLink(ONE_LINE));
    const again = await decodeShareLink(await encodeShareLink({ ...ONE_LINE }));
    const other = await decodeShareLink(await encodeShareLink({ ...ONE_LINE, commandLine: 'hz=10' }));
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });
});

describe('share format versions', () => {
  /** What a v2 might look like: v1 plus the editor's colour theme. The upgrade from v1 is all an old link needs. */
  interface FutureState extends ShareState {
    readonly theme: string | null;
  }
  const FUTURE_FORMAT: ShareFormat<FutureState> = {
    version: 2,
    upgrades: { 1: (v1) => ({ ...(v1 as object), theme: null }) },
    parse: (json) => {
      const { theme, ...v1 } = json as FutureState;
      if (theme !== null && typeof theme !== 'string') throw new ShareLinkError('bad-state', 'theme');
      return { ...SHARE_FORMAT.parse(v1), theme };
    },
  };

  it('open a link written in v1 after v2 exists, upgraded', async () => {
    const v1Link = await encodeShareLink(ONE_LINE);
    const decoded = await decodeShareLink(v1Link, FUTURE_FORMAT);
    expect(decoded.version).toBe(1);
    expect(decoded.state).toEqual({ ...ONE_LINE, theme: null });
  });

  it('write the current version, and a v1 page says a v2 link is from a newer playground', async () => {
    const v2Link = await encodeShareLink({ ...ONE_LINE, theme: 'light' }, FUTURE_FORMAT);
    expect(v2Link).toMatch(/^#s=2\./);
    expect((await decodeShareLink(v2Link, FUTURE_FORMAT)).state.theme).toBe('light');
    const [problem, message] = await problemOf(v2Link);
    expect(problem).toBe('unknown-version');
    expect(message).toMatch(/newer playground \(share format v2; this page reads v1 to v1\)/);
  });

  it('refuse a format without the upgrade a link needs (a programming error, not a broken link)', async () => {
    const broken: ShareFormat<ShareState> = { ...SHARE_FORMAT, version: 2 };
    await expect(decodeShareLink(await encodeShareLink(ONE_LINE), broken)).rejects.toThrow('no upgrade from v1 to v2');
  });
});

describe('broken share links', () => {
  it('without a share parameter, version or data', async () => {
    expect(await problemOf('https://example.org/')).toEqual(['not-a-share-link', expect.stringMatching(/#s=<version>\.<data>/)]);
    expect((await problemOf('#s=abc'))[0]).toBe('not-a-share-link');
    expect((await problemOf('#s=1'))[0]).toBe('not-a-share-link');
    expect((await problemOf('#s=0.AAAA'))[0]).toBe('not-a-share-link');
  });

  it('from a newer playground, before reading data it cannot know', async () => {
    expect(await problemOf('#s=7.this-is-not-even-base64!')).toEqual(['unknown-version', expect.stringMatching(/v7/)]);
  });

  it('with characters a link never has, or too short for its header', async () => {
    const address = await encodeShareLink(ONE_LINE);
    expect(await problemOf(address.replace(/.$/, '*'))).toEqual(['corrupt', expect.stringMatching(/characters a share link never has/)]);
    expect(await problemOf('#s=1.AAAA')).toEqual(['corrupt', expect.stringMatching(/cut off/)]);
  });

  it('cut off: compressed data that does not unpack, or uncompressed data shorter than recorded', async () => {
    const compressed = await encodeShareLink(WHOLE_FILE);
    expect(await problemOf(compressed.slice(0, compressed.length - 40))).toEqual(['corrupt', expect.stringMatching(/does not unpack/)]);
    const plain = linkHolding(JSON.stringify(ONE_LINE));
    expect(await problemOf(plain.slice(0, plain.length - 8))).toEqual(['wrong-length', expect.stringMatching(/should hold \d+ bytes .* holds \d+/)]);
  });

  it('changed: a checksum that does not match, a length beyond any link, flags the page never writes', async () => {
    const plain = linkHolding(JSON.stringify(ONE_LINE));
    expect((await decodeShareLink(plain)).state).toEqual(ONE_LINE);
    const changedText = tampered(plain, (bytes) => bytes.map((byte, i) => (i === 20 ? byte ^ 0x01 : byte)));
    expect(await problemOf(changedText)).toEqual(['wrong-checksum', expect.stringMatching(/do not match its checksum/)]);
    const huge = tampered(plain, (bytes) => {
      new DataView(bytes.buffer).setUint32(1, 0xffffffff, true);
      return bytes;
    });
    expect((await problemOf(huge))[0]).toBe('wrong-length');
    expect((await problemOf(tampered(plain, (bytes) => bytes.map((byte, i) => (i === 0 ? 0x80 : byte)))))[0]).toBe('corrupt');
  });

  it('holding something else than an experiment', async () => {
    expect(await problemOf(linkHolding('{"files": '))).toEqual(['bad-state', expect.stringMatching(/not JSON text/)]);
    expect((await problemOf(linkHolding('"just a string"')))[0]).toBe('bad-state');
    const escaping = await encodeShareLink({ ...ONE_LINE, files: { '../../../.bashrc.ts': 'x' } }, SHARE_FORMAT as ShareFormat<unknown>);
    expect(await problemOf(escaping)).toEqual(['bad-path', expect.stringMatching(/"\.\.\/\.\.\/\.\.\/\.bashrc\.ts", which is not a kernel file/)]);
  });

  it("carrying the dock's tab (an optional v1 field), which must be a string", async () => {
    expect((await decodeShareLink(await encodeShareLink({ ...ONE_LINE, panel: 'tasks' }))).state).toEqual({ ...ONE_LINE, panel: 'tasks' });
    expect((await decodeShareLink(await encodeShareLink(ONE_LINE))).state).not.toHaveProperty('panel');
    const numbered = await encodeShareLink({ ...ONE_LINE, panel: 7 }, SHARE_FORMAT as ShareFormat<unknown>);
    expect(await problemOf(numbered)).toEqual(['bad-state', expect.stringMatching(/"panel" is not a string/)]);
  });
});
