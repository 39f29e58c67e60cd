import { describe, expect, it } from 'vitest';
import { formatFiguresTable, formatSummaryLine, sameImage, type EngineFigures } from './report.js';
import type { ImageFingerprint, ToolchainFigures } from './toolchain-figures.js';

const IMAGE: ImageFingerprint = { bytes: 11744, sha256: 'ab'.repeat(32), elfMagic: true };

function engine(name: string, image: ImageFingerprint = IMAGE): EngineFigures {
  const figures: ToolchainFigures = {
    kernelCompileMs: [200.4, 250.6, 300],
    translationMBps: 2.345,
    corpusModules: 35,
    corpusBytes: 402_432,
    coldRebuildMs: 900,
    rebuildMs: 150,
    image,
  };
  return { engine: name, figures };
}

describe('sameImage', () => {
  it('needs the same length and the same hash', () => {
    expect(sameImage(IMAGE, { ...IMAGE })).toBe(true);
    expect(sameImage(IMAGE, { ...IMAGE, bytes: 11745 })).toBe(false);
    expect(sameImage(IMAGE, { ...IMAGE, sha256: 'cd'.repeat(32) })).toBe(false);
  });
});

describe('formatSummaryLine', () => {
  it('gives every figure of the browser side', () => {
    expect(formatSummaryLine(engine('Chromium 1.2'), engine('Node v20'))).toBe(
      "Chromium 1.2: asc kernel -O0 200 ms, -O1 251 ms, -O3 300 ms; translation 2.35 MB/s (corpus 393 KiB); " +
        "kernel rebuild 150 ms (first one 900 ms); image identical to Node's: yes",
    );
  });

  it("says NO when the images differ or the browser's is no ELF", () => {
    const node = engine('Node v20');
    expect(formatSummaryLine(engine('Chromium', { ...IMAGE, sha256: 'cd'.repeat(32) }), node)).toMatch(/Node's: NO$/);
    expect(formatSummaryLine(engine('Chromium', { ...IMAGE, elfMagic: false }), engine('Node', { ...IMAGE, elfMagic: false }))).toMatch(
      /Node's: NO$/,
    );
  });
});

describe('formatFiguresTable', () => {
  it('has one column per engine and one row per measurement', () => {
    const lines = formatFiguresTable([engine('Node v20'), engine('Chromium 1.2')]).split('\n');
    expect(lines[0]).toBe('| measurement | Node v20 | Chromium 1.2 |');
    expect(lines).toHaveLength(2 + 3 + 1 + 2 + 1);
    expect(lines).toContain('| translation throughput (median of 5 passes over 35 modules, 393 KiB) | 2.35 MB/s | 2.35 MB/s |');
  });
});
