/**
 * @fileoverview The kernel image for the Node tests in test/kernel/, built as
 * `npm run kernel` builds it (asc → translator → Multiboot ELF) and cached on
 * disk under build/test-images/, keyed by a hash of every kernel source and
 * every toolchain source: each test file runs in its own worker, and without
 * the cache each would spend half a minute compiling the same kernel.
 *
 * EDUOS_KERNEL_SOURCES may name another kernel source tree to build instead
 * of src/kernel/ (an experiment, or a change not yet in the tree).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileAssemblyScript } from '../../src/toolchain/asc/compile.js';
import { KERNEL_TRANSLATE_OPTIONS, kernelAscOptions } from '../../src/toolchain/asc/kernel-build.js';
import { KERNEL_DIRECTORY, readAscSources } from '../../src/toolchain/asc/kernel-sources-node.js';
import { translate } from '../../src/toolchain/translate.js';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const TOOLCHAIN_DIRECTORY = join(REPOSITORY, 'src/toolchain');
const CACHE_DIRECTORY = join(REPOSITORY, 'build/test-images');

/** Every .ts file under `directory`, sorted, as "path\0contents" records. */
function sourceRecords(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => `${path}\0${readFileSync(path, 'utf8')}`);
}

async function buildImage(kernelDirectory: string): Promise<Uint8Array> {
  const compiled = await compileAssemblyScript(readAscSources(kernelDirectory), kernelAscOptions(3));
  if (!compiled.wasm) throw new Error(`the kernel does not compile:\n${compiled.diagnostics.map((d) => d.message).join('\n')}`);
  return translate(compiled.wasm, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: compiled.sourceMap }).elf;
}

/** The kernel image (-O3), from the cache when neither the kernel nor the toolchain changed since it was built. */
export async function kernelImage(): Promise<Uint8Array> {
  const kernelDirectory = process.env.EDUOS_KERNEL_SOURCES ?? KERNEL_DIRECTORY;
  const hash = createHash('sha256');
  for (const record of [...sourceRecords(kernelDirectory), ...sourceRecords(TOOLCHAIN_DIRECTORY)]) hash.update(record);
  const path = join(CACHE_DIRECTORY, `eduos-${hash.digest('hex').slice(0, 16)}.elf`);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const image = await buildImage(kernelDirectory);
  mkdirSync(CACHE_DIRECTORY, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, image);
  renameSync(temporary, path); // atomic: a parallel worker never reads half an image
  return image;
}
