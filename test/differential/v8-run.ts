/**
 * @fileoverview The reference side of the differential test: runs a bare
 * program's wasm in Node's own WebAssembly engine (V8) with the `env` imports
 * behaving exactly as docs/intrinsics.md says the translated program's do.
 * The output and exit code are what the x86 translation must reproduce.
 *
 * - `putc(c)` appends the byte to the output.
 * - `exit(code)` ends the run with `code`.
 * - `abort(msg, file, line, column)` prints
 *   `abort: <msg> in <file>:<line>:<column>` and ends the run with 101.
 * - A trap prints `trap: <kind> in <function> (<file>:<line>)` (the location
 *   from the source map, left out without one) and ends the run with 101.
 * - Returning from `_start` ends the run with 0.
 */
import { SourceMapLookup } from '../../src/toolchain/asc/source-map.js';

/** Exit code of a trap or an abort, as a Rust panic's. */
export const TRAP_EXIT_CODE = 101;

export interface V8Run {
  output: string;
  exitCode: number;
}

/** Thrown by `env.exit` (and after an abort) to unwind out of the wasm code. */
class ProgramExit {
  constructor(readonly code: number) {}
}

/** V8's trap messages and the trap kinds of docs/intrinsics.md they stand for. */
const TRAP_KINDS: readonly [RegExp, string][] = [
  [/^unreachable$/, 'unreachable'],
  [/^divide by zero$|^remainder by zero$/, 'integer divide by zero'],
  [/^divide result unrepresentable$/, 'integer overflow'],
  [/^float unrepresentable in integer range$/, 'integer overflow'],
  [/^memory access out of bounds$/, 'out of bounds memory access'],
  [/^table index is out of bounds$/, 'out of bounds table access'],
  [/^null function or function signature mismatch$/, 'indirect call type mismatch'],
  [/^Maximum call stack size exceeded$/, 'call stack exhausted'],
];

export async function runInV8(wasm: Uint8Array, sourceMap?: string): Promise<V8Run> {
  const bytes: number[] = [];
  const write = (text: string): void => {
    bytes.push(...new TextEncoder().encode(text));
  };
  let memory: WebAssembly.Memory | undefined;
  const env = {
    putc: (byte: number) => {
      bytes.push(byte & 0xff);
    },
    exit: (code: number) => {
      throw new ProgramExit(code);
    },
    abort: (message: number, file: number, line: number, column: number) => {
      const text = (pointer: number) => readAscString(memory!, pointer);
      write(`abort: ${text(message)} in ${text(file)}:${line}:${column}\n`);
      throw new ProgramExit(TRAP_EXIT_CODE);
    },
  };
  const exitCode = await runToEnd(async () => {
    // Instantiation runs the wasm start function (top-level statements), which may exit or trap too.
    const { instance } = await WebAssembly.instantiate(new Uint8Array(wasm), { env });
    memory = instance.exports.memory as WebAssembly.Memory;
    const start = instance.exports._start as (() => void) | undefined;
    start?.();
  }, (trap) => write(`${trapMessage(trap, sourceMap)}\n`));
  return { output: new TextDecoder().decode(new Uint8Array(bytes)), exitCode };
}

/** Runs the program; returns its exit code, reporting a trap through `onTrap`. */
async function runToEnd(program: () => Promise<void>, onTrap: (error: Error) => void): Promise<number> {
  try {
    await program();
    return 0;
  } catch (error) {
    if (error instanceof ProgramExit) return error.code;
    if (!isTrap(error)) throw error;
    onTrap(error);
    return TRAP_EXIT_CODE;
  }
}

function isTrap(error: unknown): error is Error {
  return error instanceof WebAssembly.RuntimeError || (error instanceof RangeError && /call stack/.test(error.message));
}

/**
 * `trap: <kind> in <function> (<file>:<line>)`: the function and the
 * module-relative byte offset come from the innermost wasm frame of V8's
 * stack trace, e.g. `at main/f (wasm://wasm/1a2b:wasm-function[3]:0x1a4)`.
 */
export function trapMessage(trap: Error, sourceMap?: string): string {
  const kind = TRAP_KINDS.find(([pattern]) => pattern.test(trap.message))?.[1] ?? trap.message;
  const frame = /at (\S+) \(wasm:\/\/wasm\/[^:]*:wasm-function\[\d+\]:0x([0-9a-f]+)\)/.exec(trap.stack ?? '');
  if (!frame) return `trap: ${kind}`;
  const [, functionName, offset] = frame;
  const position = sourceMap ? SourceMapLookup.parse(sourceMap).lookup(parseInt(offset, 16)) : undefined;
  return position
    ? `trap: ${kind} in ${functionName} (${position.file}:${position.line})`
    : `trap: ${kind} in ${functionName}`;
}

/**
 * Reads an AssemblyScript string: UTF-16LE code units at `pointer`, their
 * byte length in the object header's rtSize field just before it. A null
 * pointer reads as "null", as AssemblyScript prints it.
 */
export function readAscString(memory: WebAssembly.Memory, pointer: number): string {
  if (pointer === 0) return 'null';
  const view = new DataView(memory.buffer);
  const byteLength = view.getUint32(pointer - 4, true);
  let text = '';
  for (let offset = 0; offset + 1 < byteLength; offset += 2) text += String.fromCharCode(view.getUint16(pointer + offset, true));
  return text;
}
