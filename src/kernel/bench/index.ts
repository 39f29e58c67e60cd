/**
 * @fileoverview `bench`: runs the Table 3 micro-benchmarks (micro.ts) and
 * prints them beside the paper's figures (paper-figures.ts), then the ratio
 * of the two getpid paths. The kernel's figures are time-stamp-counter ticks
 * per operation; in v86 the counter follows the host's clock (about 1 GHz),
 * so they are host nanoseconds of emulation, not cycles of a real CPU.
 *
 *   Table 3: cycles per operation (rdtsc), eduOS-ts beside <source>
 *   activity                       runs   eduOS-ts    Linux HermitCore RustyHermit
 *   getpid() function call       200000         14     1962         13          36
 *   …
 *   int 0x80 / function-call getpid: 85.3x (target >= 20x)
 *
 * It runs as a task of PRIORITY_NORMAL (the shell waits for it): thread
 * creation spawns above it, and sched_yield finds nobody else ready when the
 * system is otherwise idle.
 */
import { print } from "../console";
import { padLeft, padRight } from "../format";
import {
  benchGetpidCall, benchGetpidInterrupt, benchPageFault, benchSchedYield, benchThreadCreation, wrongGetpidAnswers,
} from "./micro";
import {
  PAPER_GETPID, PAPER_PAGE_FAULT, PAPER_SCHED_YIELD, PAPER_SOURCE, PAPER_THREAD_CREATION, PaperRow,
} from "./paper-figures";

@inline const GETPID_CALL_RUNS: i32 = 200_000;
@inline const GETPID_INTERRUPT_RUNS: i32 = 20_000;
@inline const SCHED_YIELD_RUNS: i32 = 50_000;
@inline const THREAD_CREATION_RUNS: i32 = 200;
@inline const PAGE_FAULT_ROUNDS: i32 = 4;
@inline const PAGE_FAULT_PAGES: i32 = 256;

/** The first words of every table row, so tests and scripts can find them. */
export const ROW_GETPID_CALL = "getpid() function call";
export const ROW_GETPID_INTERRUPT = "getpid() int 0x80";
export const ROW_SCHED_YIELD = "sched_yield()";
export const ROW_THREAD_CREATION = "thread creation";
export const ROW_PAGE_FAULT = "page fault handling";

/** Task entry (bench's task): measures and prints the table. */
export function runBenchmarks(argument: i32): void {
  print("Table 3: cycles per operation (rdtsc), eduOS-ts beside " + PAPER_SOURCE + "\n"
    + padRight("activity", 24) + padLeft("runs", 9) + padLeft("eduOS-ts", 11) + padLeft("Linux", 9)
    + padLeft("HermitCore", 11) + padLeft("RustyHermit", 12) + "\n");
  const call = warmedUp(benchGetpidCall, GETPID_CALL_RUNS);
  printRow(ROW_GETPID_CALL, GETPID_CALL_RUNS, call, PAPER_GETPID);
  const interrupt = warmedUp(benchGetpidInterrupt, GETPID_INTERRUPT_RUNS);
  printRow(ROW_GETPID_INTERRUPT, GETPID_INTERRUPT_RUNS, interrupt, PAPER_GETPID);
  printRow(ROW_SCHED_YIELD, SCHED_YIELD_RUNS, warmedUp(benchSchedYield, SCHED_YIELD_RUNS), PAPER_SCHED_YIELD);
  printRow(ROW_THREAD_CREATION, THREAD_CREATION_RUNS, benchThreadCreation(THREAD_CREATION_RUNS), PAPER_THREAD_CREATION);
  printRow(ROW_PAGE_FAULT, PAGE_FAULT_ROUNDS * PAGE_FAULT_PAGES, benchPageFault(PAGE_FAULT_ROUNDS, PAGE_FAULT_PAGES),
    PAPER_PAGE_FAULT);
  print("int 0x80 / function-call getpid: " + ratioText(interrupt, call) + "x (target >= 20x); wrong getpid answers: "
    + wrongGetpidAnswers().toString() + "\n");
}

/**
 * Runs `benchmark` once untimed, then timed. An emulator with a JIT (v86)
 * interprets code until it is hot, then compiles it, which takes longer than
 * these short loops: without the warm-up they would time the interpreter and
 * the compile. On real hardware it warms the caches, as benchmarks do.
 */
function warmedUp(benchmark: (runs: i32) => u64, runs: i32): u64 {
  benchmark(runs);
  return benchmark(runs);
}

function printRow(activity: string, runs: i32, cycles: u64, paper: PaperRow): void {
  print(padRight(activity, 24) + padLeft(runs.toString(), 9) + padLeft(cycles.toString(), 11)
    + padLeft(paper.linux.toString(), 9) + padLeft(paper.hermitCore.toString(), 11)
    + padLeft(paper.rustyHermit.toString(), 12) + "\n");
}

/** `numerator / denominator` with one decimal ("85.3"); "inf" when the denominator is 0. */
export function ratioText(numerator: u64, denominator: u64): string {
  if (denominator == 0) return "inf";
  const tenths = (numerator * 10 + denominator / 2) / denominator;
  return (tenths / 10).toString() + "." + (tenths % 10).toString();
}
