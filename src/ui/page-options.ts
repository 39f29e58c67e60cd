/**
 * @fileoverview What the page's URL asks for: the kernel image to boot, and
 * whether to warm the build worker up in the background.
 *
 * Pipeline place: read once by `App.tsx` before the machine boots. `?image=`
 * lets tests and users boot another file (e.g. `?image=images/other.elf`);
 * relative URLs resolve against the page, so the default works under any
 * base path. `?warmup=off` leaves the build worker cold until the first
 * Build & Run (for grading scripts that open many pages, or a slow laptop).
 */

/** Where `npm run kernel` puts the kernel, relative to the page. */
const DEFAULT_KERNEL_IMAGE = 'images/eduos.elf';

/** The kernel image URL for a page at `pageUrl`: its `?image=` parameter, else the default. */
export function kernelImageUrl(pageUrl: string): string {
  const requested = new URL(pageUrl).searchParams.get('image');
  return new URL(requested || DEFAULT_KERNEL_IMAGE, pageUrl).href;
}

/** Whether the page may build the kernel in the background to warm the build worker up (`?warmup=off` says no). */
export function warmUpWanted(pageUrl: string): boolean {
  return new URL(pageUrl).searchParams.get('warmup') !== 'off';
}

/**
 * Where v86 runs: in the machine worker (the default), so that the panels' rendering on the page's main thread
 * takes no time from it, or on the main thread (`?machine=main`, or a build made with VITE_MACHINE=main), as the
 * page did until 2026-11-28: kept to compare the two (`npm run figures:playground -- --query machine=main`).
 */
export function machineInWorker(pageUrl: string, buildDefault: string | undefined): boolean {
  const requested = new URL(pageUrl).searchParams.get('machine');
  return (requested ?? buildDefault ?? 'worker') !== 'main';
}
