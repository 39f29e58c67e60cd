/**
 * @fileoverview Boots a Multiboot image in QEMU (`qemu-system-i386 -kernel`),
 * headless, with the same interface as `v86-node.ts`: a second, independent
 * machine to check the toolchain's images against.
 *
 * Pipeline place: after the image writer (`../image/elf.ts`); used by the
 * Node tests and `npm run boot -- --qemu`.
 *
 * QEMU specifics: COM1 is QEMU's stdin/stdout (`-serial stdio`); the exit port
 * is the isa-debug-exit device at 0xf4, which ends QEMU with status
 * `(code << 1) | 1`. A process status has 8 bits, so only guest exit codes
 * 0..127 come back intact (v86 reports any value). An even status means QEMU
 * stopped without the port: with `-no-reboot` a guest reset or triple fault
 * ends QEMU with status 0, which we report as a crash with exitCode null.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertBootable,
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_MS,
  EXIT_PORT,
  KERNEL_FILE_NAME,
  type BootOptions,
  type BootResult,
} from './v86-node.js';

const QEMU = 'qemu-system-i386';

let available: boolean | undefined;

/** Whether `qemu-system-i386` can be run here (checked once per process). */
export function qemuAvailable(): boolean {
  available ??= spawnSync(QEMU, ['--version'], { stdio: 'ignore' }).status === 0;
  return available;
}

function qemuArguments(options: BootOptions): string[] {
  return [
    // A relative path, run from the image's directory: the kernel's command line starts with this name.
    ['-kernel', KERNEL_FILE_NAME],
    ['-append', options.cmdline ?? ''],
    ['-m', String(options.memorySizeMB ?? DEFAULT_MEMORY_MB)],
    ['-display', 'none'],
    ['-serial', 'stdio'],
    ['-monitor', 'none'],
    ['-device', `isa-debug-exit,iobase=0x${EXIT_PORT.toString(16)},iosize=0x04`],
    ['-no-reboot'],
  ].flat();
}

/** The guest's exit code from QEMU's exit status, or null when the guest did not use the exit port. */
export function guestExitCode(status: number): number | null {
  return status % 2 === 1 ? status >> 1 : null;
}

/** QEMU's own fatal errors ("qemu-system-i386: …", not warnings); they too end with status 1. */
function qemuErrors(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith(`${QEMU}:`) && !line.includes('warning:'));
}

interface QemuExit {
  status: number | null;
  timedOut: boolean;
  stderr: string;
}

/** Runs QEMU on the image in `directory`; resolves when it exits or, killed, after the timeout. */
function runQemu(directory: string, options: BootOptions, serial: Buffer[]): Promise<QemuExit> {
  return new Promise((resolve, reject) => {
    const qemu = spawn(QEMU, qemuArguments(options), { cwd: directory, stdio: ['pipe', 'pipe', 'pipe'] });
    let timedOut = false;
    let stderr = '';
    const timer = setTimeout(() => {
      timedOut = true;
      qemu.kill('SIGKILL');
    }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    qemu.stdout.on('data', (chunk: Buffer) => {
      serial.push(chunk);
      if (options.onSerial) for (const byte of chunk) options.onSerial(byte);
    });
    qemu.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    qemu.stdin.on('error', () => {}); // QEMU may exit before reading what we typed.
    qemu.stdin.write(Buffer.from(options.serialInput ?? '', 'latin1'));
    qemu.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    qemu.on('close', (status) => {
      clearTimeout(timer);
      qemu.stdin.destroy();
      resolve({ status, timedOut, stderr });
    });
  });
}

export async function bootInQemu(elf: Uint8Array, options: BootOptions = {}): Promise<BootResult> {
  const started = performance.now();
  assertBootable(elf);
  const directory = await mkdtemp(join(tmpdir(), 'eduos-qemu-'));
  try {
    await writeFile(join(directory, KERNEL_FILE_NAME), elf);
    const serial: Buffer[] = [];
    const { status, timedOut, stderr } = await runQemu(directory, options, serial);
    const errors = qemuErrors(stderr);
    if (!timedOut && errors.length > 0) throw new Error(errors.join('\n'));
    const exitCode = timedOut || status === null ? null : guestExitCode(status);
    const crashed = exitCode === null && !timedOut;
    return {
      exitCode,
      serial: Buffer.concat(serial).toString('latin1'),
      timedOut,
      ...(crashed && { crash: `QEMU stopped with status ${status}: the guest reset (a triple fault?)` }),
      wallMs: performance.now() - started,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
