/**
 * @fileoverview The differential test programs: AssemblyScript programs
 * (programs/*.ts, printing through lib/io.ts) whose output under V8 is the
 * reference the x86 translation must reproduce byte for byte. This module
 * lists them with their expected exit codes and compiles them in memory at
 * the optimize levels the suite uses (nothing is cached on disk).
 *
 * Runtime: `incremental`, asc's default, so the programs use Map, String and
 * Array the way a user of the playground would. The `stub` runtime never
 * frees, so string-heavy programs only grow memory, and `minimal` never
 * collects unless the program calls `__collect`; `incremental` runs the real
 * allocator (TLSF), the collector and its shadow stack, which is more of the
 * translated code under test. None of the three uses floating point.
 */
import { readFileSync } from 'node:fs';
import { compileAssemblyScript, type AscResult, type AscSource } from '../../src/toolchain/asc/compile.js';
import { TRAP_EXIT_CODE } from './v8-run.js';

export interface DifferentialProgram {
  /** File name without .ts in programs/, and of its golden output expected/<name>.txt. */
  name: string;
  exitCode: number;
}

export const PROGRAMS: readonly DifferentialProgram[] = [
  { name: 'i64-arith', exitCode: 0 },
  { name: 'i32-arith', exitCode: 0 },
  { name: 'strings', exitCode: 0 },
  { name: 'arrays', exitCode: 0 },
  { name: 'map-set', exitCode: 0 },
  { name: 'classes', exitCode: 0 },
  { name: 'recursion', exitCode: 0 },
  { name: 'switch', exitCode: 0 },
  { name: 'indirect-calls', exitCode: 0 },
  { name: 'memory-ops', exitCode: 0 },
  { name: 'checksums', exitCode: 0 },
  { name: 'trap-divide', exitCode: TRAP_EXIT_CODE },
  { name: 'trap-unreachable', exitCode: TRAP_EXIT_CODE },
  { name: 'abort-assert', exitCode: TRAP_EXIT_CODE },
];

export const OPTIMIZE_LEVELS = [0, 3] as const;
export type OptimizeLevel = (typeof OPTIMIZE_LEVELS)[number];

export const PROGRAM_RUNTIME = 'incremental';

const HERE = new URL('./', import.meta.url);

/** The program and the I/O library, under the paths the programs import each other by. */
export function programSources(name: string): AscSource[] {
  return [`programs/${name}.ts`, 'lib/io.ts'].map((path) => ({ path, text: readFileSync(new URL(path, HERE), 'utf8') }));
}

/** Compiles a program; the result includes the .wat text. */
export function compileProgram(name: string, optimize: OptimizeLevel): Promise<AscResult> {
  return compileAssemblyScript(programSources(name), {
    entry: `programs/${name}.ts`,
    optimize,
    runtime: PROGRAM_RUNTIME,
    emitText: true,
  });
}

/** Absolute path of a program's golden output. */
export function expectedOutputPath(name: string): string {
  return new URL(`expected/${name}.txt`, HERE).pathname;
}
