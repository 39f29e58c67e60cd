/**
 * @fileoverview Reads the kernel's AssemblyScript sources (src/kernel/**.ts)
 * from disk for Node callers (the build-kernel CLI, tests). The browser
 * bundles the same files instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import type { AscSource } from './compile.js';

/** Absolute path of src/kernel/. */
export const KERNEL_DIRECTORY = fileURLToPath(new URL('../../kernel/', import.meta.url));

/** Every .ts file under `directory`, with paths relative to it ('arch/x86/vga.ts'). */
export function readAscSources(directory: string = KERNEL_DIRECTORY): AscSource[] {
  const entries = readdirSync(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => {
      const absolute = join(entry.parentPath, entry.name);
      return { path: relative(directory, absolute).split('\\').join('/'), text: readFileSync(absolute, 'utf8') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
