/**
 * @fileoverview The kernel's sources (src/kernel/**.ts) as Vite bundles them
 * into the page: the starting project of the editor.
 *
 * Pipeline place: imported only dynamically (`kernel-sources.ts`), so the
 * text lands in a chunk of its own that loads after the prebuilt kernel has
 * started booting, not in the page's first bundle.
 */

const FILES = import.meta.glob<string>('../../kernel/**/*.ts', { query: '?raw', import: 'default', eager: true });

/** Glob keys ('../../kernel/arch/x86/vga.ts') as the toolchain names the files ('arch/x86/vga.ts'). */
const GLOB_PREFIX = '../../kernel/';

/** Path relative to src/kernel/ → text, sorted by path. */
export const KERNEL_SOURCES: ReadonlyMap<string, string> = new Map(
  Object.entries(FILES)
    .filter(([key]) => !key.endsWith('.test.ts'))
    .map(([key, text]) => [key.slice(GLOB_PREFIX.length), text] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);
