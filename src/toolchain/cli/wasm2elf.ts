/**
 * @fileoverview `npm run wasm2elf -- <in.wasm> <out.elf> [--source-map F] [--bounds-checks]`:
 * translates a bare program (imports env.putc / env.exit / env.abort, exports
 * `_start`) into a bootable Multiboot ELF, and writes the debug information
 * beside it as `<out>.debug.json`.
 *
 * Exit status 0 on success; 1 when the module is malformed or unsupported
 * (one line on stderr naming the offset, function and instruction); 2 on bad
 * usage or an unreadable file.
 *
 * Pipeline place: the command-line end of `../translate.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { translate, WasmError } from '../translate.js';

const USAGE = 'usage: npm run wasm2elf -- <in.wasm> <out.elf> [--source-map FILE] [--bounds-checks]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { 'source-map': { type: 'string' }, 'bounds-checks': { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`wasm2elf: ${(error as Error).message}; ${USAGE}`);
    return 2;
  }
  const [input, output] = parsed.positionals;
  if (!input || !output || parsed.positionals.length !== 2) {
    console.error(`wasm2elf: ${USAGE}`);
    return 2;
  }
  let wasm: Uint8Array;
  let sourceMap: string | undefined;
  try {
    wasm = new Uint8Array(await readFile(input));
    const mapPath = parsed.values['source-map'];
    if (mapPath) sourceMap = await readFile(mapPath, 'utf8');
  } catch (error) {
    console.error(`wasm2elf: cannot read ${(error as NodeJS.ErrnoException).path ?? input}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const result = translate(wasm, { sourceMap, boundsChecks: parsed.values['bounds-checks'] ?? false });
    await writeFile(output, result.elf);
    await writeFile(`${output}.debug.json`, JSON.stringify(result.debug));
    const s = result.stats;
    console.error(`wasm2elf: ${input} (${s.wasmBytes} bytes, ${s.functions} functions) → ${output} (${result.elf.length} bytes, ${s.codeBytes} of code) in ${s.ms.toFixed(1)} ms`);
    return 0;
  } catch (error) {
    if (error instanceof WasmError) {
      console.error(`wasm2elf: ${input}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
