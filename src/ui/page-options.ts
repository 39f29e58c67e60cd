/**
 * @fileoverview What the page's URL asks for: the kernel image to boot.
 *
 * Pipeline place: read once by `App.tsx` before the machine boots. `?image=`
 * lets tests and users boot another file (e.g. `?image=images/other.elf`);
 * relative URLs resolve against the page, so the default works under any
 * base path.
 */

/** Where `npm run kernel` puts the kernel, relative to the page. */
const DEFAULT_KERNEL_IMAGE = 'images/eduos.elf';

/** The kernel image URL for a page at `pageUrl`: its `?image=` parameter, else the default. */
export function kernelImageUrl(pageUrl: string): string {
  const requested = new URL(pageUrl).searchParams.get('image');
  return new URL(requested || DEFAULT_KERNEL_IMAGE, pageUrl).href;
}
