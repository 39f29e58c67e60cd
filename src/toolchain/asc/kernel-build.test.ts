/**
 * Compiles the real kernel (src/kernel/) with the kernel build options and
 * runs its hello path in V8, with the x86 intrinsics played by JavaScript
 * (a UART that is always ready, a debug-exit port, `hlt` ending the run).
 * This checks the kernel's logic before the translator boots it for real.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAssemblyScript, type AscResult } from './compile.js';
import { KERNEL_MEMORY_BASE, kernelAscOptions } from './kernel-build.js';
import { readAscSources } from './kernel-sources-node.js';

const COM1 = 0x3f8;
const COM1_LINE_CONTROL = COM1 + 3;
const COM1_LINE_STATUS = COM1 + 5;
const DLAB = 0x80; // while set, COM1+0 is the divisor latch, not the transmitter
const THR_EMPTY = 0x20;
const DEBUG_EXIT_PORT = 0xf4;
const VGA_TEXT_BUFFER = 0xb8000;
const MULTIBOOT_INFO = 0x9000;
const COMMAND_LINE = 0x9100;

const BANNER = 'eduOS-ts 0.1.0 booting\nHello from eduOS-ts!\n';

class Halted extends Error {}
class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

interface KernelRun {
  serial: string;
  ending: 'halted' | { exitCode: number };
  memory: DataView;
}

/** Runs `_start` with a Multiboot info block carrying `commandLine` (none when undefined). */
async function runKernel(wasm: Uint8Array<ArrayBuffer>, commandLine: string | undefined): Promise<KernelRun> {
  let serial = '';
  let lineControl = 0;
  const x86 = {
    inb: (port: number) => (port === COM1_LINE_STATUS ? THR_EMPTY : 0),
    outb: (port: number, value: number) => {
      if (port === COM1_LINE_CONTROL) lineControl = value;
      if (port === COM1 && (lineControl & DLAB) === 0) serial += String.fromCharCode(value);
      if (port === DEBUG_EXIT_PORT) throw new Exited(value);
    },
    outw: () => {}, // VGA register set-up: no visible effect here
    cli: () => {},
    hlt: () => {
      throw new Halted();
    },
  };
  const { instance } = await WebAssembly.instantiate(wasm, { x86 });
  const memory = instance.exports.memory as WebAssembly.Memory;
  const info = commandLine === undefined ? 0 : writeMultibootInfo(memory, commandLine);
  let ending: KernelRun['ending'];
  try {
    (instance.exports._start as (info: number) => void)(info);
    throw new Error('_start returned instead of halting or exiting');
  } catch (error) {
    if (error instanceof Halted) ending = 'halted';
    else if (error instanceof Exited) ending = { exitCode: error.code };
    else throw error;
  }
  return { serial, ending, memory: new DataView(memory.buffer) };
}

function writeMultibootInfo(memory: WebAssembly.Memory, commandLine: string): number {
  const view = new DataView(memory.buffer);
  view.setUint32(MULTIBOOT_INFO, 1 << 2, true); // flags: cmdline valid
  view.setUint32(MULTIBOOT_INFO + 16, COMMAND_LINE, true);
  new Uint8Array(memory.buffer).set([...new TextEncoder().encode(commandLine), 0], COMMAND_LINE);
  return MULTIBOOT_INFO;
}

/** The characters of one 80-column VGA text row, trailing blanks removed. */
function vgaRow(memory: DataView, row: number): string {
  let text = '';
  for (let column = 0; column < 80; column++) {
    text += String.fromCharCode(memory.getUint16(VGA_TEXT_BUFFER + (row * 80 + column) * 2, true) & 0xff);
  }
  return text.trimEnd();
}

describe('kernel build', () => {
  for (const optimize of [0, 3] as const) {
    describe(`at -O${optimize}`, () => {
      let result: AscResult;
      beforeAll(async () => {
        result = await compileAssemblyScript(readAscSources(), { ...kernelAscOptions(optimize), emitText: true });
      });

      it('compiles without diagnostics, importing only CPU intrinsics and using no floats', () => {
        expect(result.diagnostics).toEqual([]);
        const module = new WebAssembly.Module(result.wasm!);
        const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
        expect(imports.sort()).toEqual(['x86.cli', 'x86.hlt', 'x86.inb', 'x86.outb', 'x86.outw']);
        expect(WebAssembly.Module.exports(module).map((e) => e.name)).toContain('_start');
        expect(result.text).not.toMatch(/\bf(32|64)\b/);
      });

      it('places static data from 4 MiB', () => {
        const addresses = [...result.text!.matchAll(/\(data \S+ \(i32\.const (\d+)\)/g)].map((m) => Number(m[1]));
        expect(addresses.length).toBeGreaterThan(0);
        expect(Math.min(...addresses)).toBeGreaterThanOrEqual(KERNEL_MEMORY_BASE);
      });

      it('prints the banner on COM1 and the VGA screen, then exits with 0 when asked', async () => {
        const run = await runKernel(result.wasm!, 'console=ttyS0 exit');
        expect(run.serial).toBe(BANNER);
        expect(vgaRow(run.memory, 0)).toBe('eduOS-ts 0.1.0 booting');
        expect(vgaRow(run.memory, 1)).toBe('Hello from eduOS-ts!');
        expect(run.memory.getUint8(VGA_TEXT_BUFFER + 1)).toBe(0x07); // light grey on black
        expect(run.ending).toEqual({ exitCode: 0 });
      });

      it('halts when the command line lacks the word exit', async () => {
        for (const commandLine of [undefined, '', 'noexit exits', 'quiet']) {
          const run = await runKernel(result.wasm!, commandLine);
          expect(run.serial).toBe(BANNER);
          expect(run.ending, `command line ${JSON.stringify(commandLine)}`).toBe('halted');
        }
      });
    });
  }
});
