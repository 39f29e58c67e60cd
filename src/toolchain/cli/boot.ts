/**
 * @fileoverview `npm run boot -- <image.elf> [--timeout-ms N] [--qemu] [--cmdline TEXT]`:
 * boots a Multiboot image headless in v86 (or QEMU) and behaves like the guest
 * were a program: stdout carries exactly the bytes the guest wrote to COM1, as
 * it writes them, and the exit status is the guest's exit code (port 0xf4).
 *
 * Exit statuses besides the guest's own: 124 timed out (as `timeout(1)`),
 * 125 the machine stopped without an exit code (v86 panicked, QEMU's guest
 * reset: a triple fault, usually), 2 bad usage or an image that cannot boot.
 * Diagnostics are single lines on stderr, starting with "boot:".
 *
 * Pipeline place: the command-line end of `../emulator/` (v86-node, qemu-node).
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { hasElfMagic } from '../image/elf.js';
import { findMultibootHeader } from '../image/multiboot.js';
import { bootInQemu, qemuAvailable } from '../emulator/qemu-node.js';
import { bootInV86, DEFAULT_TIMEOUT_MS, type BootOptions, type BootResult } from '../emulator/v86-node.js';

const USAGE = 'usage: npm run boot -- <image.elf> [--timeout-ms N] [--qemu] [--cmdline TEXT]';
const EXIT_USAGE = 2;
const EXIT_TIMEOUT = 124;
const EXIT_CRASH = 125;

interface Command {
  imagePath: string;
  timeoutMs: number;
  useQemu: boolean;
  cmdline?: string;
}

function parseCommand(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'timeout-ms': { type: 'string' }, qemu: { type: 'boolean' }, cmdline: { type: 'string' } },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; ${USAGE}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new Error(USAGE);
  const timeoutMs = Number(values['timeout-ms'] ?? DEFAULT_TIMEOUT_MS);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`--timeout-ms wants a positive whole number of milliseconds, not "${values['timeout-ms']}"`);
  }
  return { imagePath: positionals[0], timeoutMs, useQemu: values.qemu ?? false, cmdline: values.cmdline };
}

async function readImage(path: string): Promise<Uint8Array> {
  let image: Uint8Array;
  try {
    image = new Uint8Array(await readFile(path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new Error(`cannot read ${path}: ${reason}`);
  }
  if (!hasElfMagic(image)) throw new Error(`${path} is not an ELF file`);
  if (findMultibootHeader(image) < 0) throw new Error(`${path} has no Multiboot header in its first 8 KiB`);
  return image;
}

/** Passes guest bytes to stdout in batches: v86 hands them over one at a time. */
function serialToStdout(): { onSerial: (byte: number) => void; flush: () => void } {
  let pending: number[] = [];
  const flush = (): void => {
    if (pending.length > 0) process.stdout.write(Uint8Array.from(pending));
    pending = [];
  };
  const onSerial = (byte: number): void => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(byte);
  };
  return { onSerial, flush };
}

/** The process exit status that tells the caller what `result` was (see the file comment). */
function exitStatus(result: BootResult, command: Command): number {
  if (result.timedOut) {
    console.error(`boot: timed out after ${command.timeoutMs} ms`);
    return EXIT_TIMEOUT;
  }
  if (result.exitCode === null) {
    console.error(`boot: ${result.crash ?? 'the machine stopped without an exit code'}`);
    return EXIT_CRASH;
  }
  return result.exitCode & 0xff;
}

async function main(args: string[]): Promise<number> {
  const command = parseCommand(args);
  const image = await readImage(command.imagePath);
  if (command.useQemu && !qemuAvailable()) throw new Error('--qemu: qemu-system-i386 is not installed');
  const { onSerial, flush } = serialToStdout();
  const options: BootOptions = { timeoutMs: command.timeoutMs, cmdline: command.cmdline, onSerial };
  const result = await (command.useQemu ? bootInQemu : bootInV86)(image, options);
  flush();
  return exitStatus(result, command);
}

main(process.argv.slice(2)).then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    console.error(`boot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = EXIT_USAGE;
  },
);
