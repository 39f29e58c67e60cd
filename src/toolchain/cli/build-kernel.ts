/**
 * @fileoverview `npm run kernel -- [--optimize N] [--out DIR] [--wat] [--allow-unsafe]`:
 * checks the unsafe rule (src/toolchain/unsafe/: raw memory, port I/O and CPU
 * intrinsics only in `@unsafe("reason")` functions; a violation fails the
 * build unless --allow-unsafe) and writes the unsafe report to
 * public/images/eduos.unsafe.json, then
 * compiles the kernel (src/kernel/) with the AssemblyScript front end, writes
 * DIR/kernel.wasm and DIR/kernel.wasm.map (and DIR/kernel.wat with --wat;
 * DIR defaults to build/), then translates it into the bootable image the
 * playground loads: public/images/eduos.elf and public/images/eduos.debug.json.
 * Diagnostics go to stderr, one per line (file:line:column); the exit status
 * is 1 when there are errors.
 *
 * Pipeline place: the command-line end of the whole toolchain (asc → wasm →
 * translator → ELF).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileAssemblyScript, type AscOptions, type AscSource } from '../asc/compile.js';
import { formatDiagnostic } from '../asc/diagnostics.js';
import { KERNEL_TRANSLATE_OPTIONS, kernelAscOptions } from '../asc/kernel-build.js';
import { translate, WasmError } from '../translate.js';
import { readAscSources } from '../asc/kernel-sources-node.js';
import { checkUnsafe, formatUnsafeDiagnostic, hasUnsafeErrors } from '../unsafe/check.js';

/** Where the playground finds the prebuilt kernel image. */
const IMAGE_DIR = 'public/images';

const USAGE = 'usage: npm run kernel -- [--optimize 0|1|2|3] [--out DIR] [--wat] [--allow-unsafe]';

interface Command {
  optimize: AscOptions['optimize'];
  outDir: string;
  wat: boolean;
  /** Build even when the unsafe rule is broken (while a kernel change is half done); the report is still written. */
  allowUnsafe: boolean;
}

function parseCommand(args: string[]): Command {
  const { values } = parseArgs({
    args,
    options: {
      optimize: { type: 'string', short: 'O' },
      out: { type: 'string' },
      wat: { type: 'boolean' },
      'allow-unsafe': { type: 'boolean' },
    },
  });
  const optimize = Number(values.optimize ?? 3);
  if (![0, 1, 2, 3].includes(optimize)) throw new Error(`--optimize wants 0, 1, 2 or 3, not "${values.optimize}"`);
  return {
    optimize: optimize as AscOptions['optimize'],
    outDir: values.out ?? 'build',
    wat: values.wat ?? false,
    allowUnsafe: values['allow-unsafe'] ?? false,
  };
}

/** Runs the unsafe checker, prints its diagnostics, writes the report; false when the build must stop. */
async function checkUnsafeRule(sources: AscSource[], allowUnsafe: boolean): Promise<boolean> {
  const result = checkUnsafe(new Map(sources.map((source) => [source.path, source.text])));
  for (const diagnostic of result.diagnostics) process.stderr.write(`${formatUnsafeDiagnostic(diagnostic)}\n`);
  await mkdir(IMAGE_DIR, { recursive: true });
  await writeFile(join(IMAGE_DIR, 'eduos.unsafe.json'), JSON.stringify(result.report));
  const { loc, unsafeLoc, sharePct } = result.report.total;
  process.stderr.write(`kernel: unsafe code ${unsafeLoc} of ${loc} lines (${sharePct.toFixed(2)}%) -> ${IMAGE_DIR}/eduos.unsafe.json\n`);
  if (!hasUnsafeErrors(result)) return true;
  const advice = allowUnsafe ? 'building anyway (--allow-unsafe)' : 'fix them (docs/toolchain.md, "Unsafe code"), or build anyway with `npm run kernel -- --allow-unsafe`';
  process.stderr.write(`kernel: the unsafe rule is broken (errors above); ${advice}\n`);
  return allowUnsafe;
}

async function main(command: Command): Promise<number> {
  const sources = readAscSources();
  if (!(await checkUnsafeRule(sources, command.allowUnsafe))) return 1;
  const result = await compileAssemblyScript(sources, { ...kernelAscOptions(command.optimize), emitText: command.wat });
  for (const diagnostic of result.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (!result.wasm) return 1;
  await mkdir(command.outDir, { recursive: true });
  const written: [string, Uint8Array | string | undefined][] = [
    ['kernel.wasm', result.wasm],
    ['kernel.wasm.map', result.sourceMap],
    ['kernel.wat', result.text],
  ];
  for (const [name, contents] of written) {
    if (contents !== undefined) await writeFile(join(command.outDir, name), contents);
  }
  process.stderr.write(`kernel: ${result.wasm.length} bytes of wasm in ${Math.round(result.ms)} ms -> ${command.outDir}/\n`);
  let image;
  try {
    image = translate(result.wasm, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: result.sourceMap });
  } catch (error) {
    if (!(error instanceof WasmError)) throw error;
    process.stderr.write(`kernel: ${error.message}\n`);
    return 1;
  }
  await mkdir(IMAGE_DIR, { recursive: true });
  await writeFile(join(IMAGE_DIR, 'eduos.elf'), image.elf);
  await writeFile(join(IMAGE_DIR, 'eduos.debug.json'), JSON.stringify(image.debug));
  process.stderr.write(`kernel: ${image.elf.length} bytes of image (${image.stats.codeBytes} of code) in ${image.stats.ms.toFixed(1)} ms -> ${IMAGE_DIR}/eduos.elf\n`);
  return 0;
}

try {
  process.exitCode = await main(parseCommand(process.argv.slice(2)));
} catch (error) {
  process.stderr.write(`build-kernel: ${(error as Error).message}\n${USAGE}\n`);
  process.exitCode = 2;
}
