// kernelImageUrl: the page boots ?image= if given, images/eduos.elf otherwise, relative to the page's own path;
// warmUpWanted: background builds unless ?warmup=off.
import { describe, expect, it } from 'vitest';
import { kernelImageUrl, machineInWorker, warmUpWanted } from './page-options.js';

describe('kernelImageUrl', () => {
  it('defaults to images/eduos.elf beside the page, under any base path', () => {
    expect(kernelImageUrl('https://example.org/courses/os/index.html')).toBe('https://example.org/courses/os/images/eduos.elf');
    expect(kernelImageUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/images/eduos.elf');
  });

  it('takes ?image= relative to the page', () => {
    expect(kernelImageUrl('http://h/sub/?image=images/missing.elf')).toBe('http://h/sub/images/missing.elf');
  });

  it('takes an absolute ?image= as is', () => {
    expect(kernelImageUrl('http://h/sub/?image=http%3A%2F%2Fother%2Fk.elf')).toBe('http://other/k.elf');
  });
});

describe('warmUpWanted', () => {
  it('is on unless the URL says ?warmup=off', () => {
    expect(warmUpWanted('http://h/sub/')).toBe(true);
    expect(warmUpWanted('http://h/sub/?image=images/k.elf&warmup=on')).toBe(true);
    expect(warmUpWanted('http://h/sub/?warmup=off')).toBe(false);
  });
});

describe('machineInWorker', () => {
  it('runs v86 in the machine worker unless the address or the build asks for the main thread, the address first', () => {
    expect(machineInWorker('https://x.test/p/', undefined)).toBe(true);
    expect(machineInWorker('https://x.test/p/?machine=main', undefined)).toBe(false);
    expect(machineInWorker('https://x.test/p/', 'main')).toBe(false);
    expect(machineInWorker('https://x.test/p/?machine=worker', 'main')).toBe(true);
  });
});
