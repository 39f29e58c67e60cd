/**
 * @fileoverview The engine under test: compiles a job (its modules linked) into a Multiboot ELF with our translator
 * (`buildSpecImage`) and boots it in v86, returning the guest's COM1 output.
 *
 * Pipeline place: runs inside a worker thread (`spec-worker.ts`); `spec-verdict.ts` judges the output.
 * A builder or boot exception becomes the job's error, so it fails that module's checks, not the run.
 */
import { bootInV86 } from '../../src/toolchain/emulator/v86-node.js';
import type { ModuleJob } from './spec-plan.js';
import { buildSpecImage } from './spec-image.js';
import type { BootResult } from './spec-verdict.js';

export async function runInV86(job: ModuleJob, timeoutMs: number): Promise<BootResult> {
  let elf: Uint8Array;
  try {
    elf = buildSpecImage(job);
  } catch (error) {
    return failedBoot(`builder: ${messageOf(error)}`);
  }
  try {
    return await bootInV86(elf, { timeoutMs });
  } catch (error) {
    return failedBoot(`boot: ${messageOf(error)}`);
  }
}

function failedBoot(error: string): BootResult {
  return { serial: '', exitCode: null, timedOut: false, wallMs: 0, error };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
