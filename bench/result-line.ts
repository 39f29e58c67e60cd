/**
 * @fileoverview Reads the line every benchmark kernel prints on COM1 when it is done,
 * "<name> cycles=<N> check=0x<8 hex digits>" (bench/c/io.c and bench/kernels/as/report.ts write it).
 */

export interface ResultLine {
  name: string;
  /** Time-stamp-counter ticks around the kernel's work (in v86: emulated time, about 1 GHz of wall time). */
  cycles: number;
  /** The kernel's checksum as printed, e.g. "0x784cdd5e"; C and AssemblyScript must agree. */
  check: string;
}

const RESULT_LINE = /^(\w+) cycles=(\d+) check=(0x[0-9a-f]{8})$/m;

/** The result line in `serial`, or undefined when the kernel printed none (it trapped, or timed out). */
export function parseResultLine(serial: string): ResultLine | undefined {
  const match = RESULT_LINE.exec(serial);
  if (match === null) return undefined;
  return { name: match[1], cycles: Number(match[2]), check: match[3] };
}
