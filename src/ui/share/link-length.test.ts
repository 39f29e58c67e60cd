// When the Share popover warns about a link's length.
import { describe, expect, it } from 'vitest';
import { LONG_LINK_CHARS, linkLengthWarning, MAX_LINK_CHARS } from './link-length.js';

describe('linkLengthWarning', () => {
  it('says nothing up to the long-link mark, then warns, then refuses past what browsers open', () => {
    expect(linkLengthWarning(2_000)).toBeNull();
    expect(linkLengthWarning(LONG_LINK_CHARS)).toBeNull();
    expect(linkLengthWarning(LONG_LINK_CHARS + 1)).toMatch(/mail and chat tools cut long links off/);
    expect(linkLengthWarning(MAX_LINK_CHARS + 1)).toMatch(/Too long for a browser/);
  });
});
