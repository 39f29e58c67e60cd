/**
 * @fileoverview How long a share link may be before handing it out needs
 * care: browsers take links of megabytes in the address bar, but mail and
 * chat tools may cut long ones off; past Chromium's URL limit no browser
 * opens it.
 *
 * Pipeline place: the Share button's popover (`ShareButton.tsx`) shows the
 * warning under the link.
 */

/** From here on, some mail and chat tools cut links off (a typical one-file experiment stays far below). */
export const LONG_LINK_CHARS = 8_000;
/** Chromium's limit on a URL (2 MiB); Firefox and Safari take at least as much. */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;

/** What to tell the user about a link of `length` characters; null when nothing. */
export function linkLengthWarning(length: number): string | null {
  if (length > MAX_LINK_CHARS) return 'Too long for a browser to open: share fewer or smaller changed files.';
  if (length > LONG_LINK_CHARS) return 'A very long link: browsers open it, but some mail and chat tools cut long links off — check that it opens before handing it out.';
  return null;
}
