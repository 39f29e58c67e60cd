/**
 * @fileoverview The paper's Table 3, printed beside the kernel's own
 * measurements: average CPU cycles per operation in Linux, HermitCore and
 * RustyHermit. Source: S. Lankes, J. Breitbart, S. Pickartz, "Exploring Rust
 * for Unikernel Development", PLOS'19, Table 3 (copied from
 * shared/reference/rustyhermit-plos19.json, `table3_cycles`): Intel Xeon Gold
 * 6132 @ 2.6 GHz; getpid and sched_yield called 10,000,000 times.
 */

export class PaperRow {
  constructor(
    readonly activity: string,
    readonly linux: i32,
    readonly hermitCore: i32,
    readonly rustyHermit: i32,
  ) {}
}

export const PAPER_SOURCE = "Lankes et al., PLOS'19, Table 3 (Xeon Gold 6132 @2.6 GHz)";

export const PAPER_GETPID = new PaperRow("getpid()", 1962, 13, 36);
export const PAPER_SCHED_YIELD = new PaperRow("sched_yield()", 2428, 108, 233);
export const PAPER_THREAD_CREATION = new PaperRow("Thread creation", 9782, 8785, 7790);
export const PAPER_PAGE_FAULT = new PaperRow("page fault handling", 6969, 7718, 9061);
