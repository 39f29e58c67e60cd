// Where the prebuilt image's unsafe report is: beside the .elf, under any base path; none for data: URLs or other files.
import { describe, expect, it } from 'vitest';
import { unsafeReportUrl } from './useUnsafeReport.js';

describe('unsafeReportUrl', () => {
  it('puts eduos.unsafe.json beside eduos.elf, keeping the base path', () => {
    expect(unsafeReportUrl('http://127.0.0.1:4173/eduos-playground/images/eduos.elf')).toBe('http://127.0.0.1:4173/eduos-playground/images/eduos.unsafe.json');
    expect(unsafeReportUrl('https://example.org/images/other.elf?x=1')).toBe('https://example.org/images/other.unsafe.json?x=1');
  });

  it('has none for images that are not served .elf files', () => {
    expect(unsafeReportUrl('data:application/octet-stream;base64,AAAA')).toBeNull();
    expect(unsafeReportUrl('http://127.0.0.1/images/kernel.bin')).toBeNull();
  });
});
