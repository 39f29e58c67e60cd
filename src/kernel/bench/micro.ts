/**
 * @fileoverview The Table 3 micro-benchmarks, each the average of many runs
 * timed with the time-stamp counter (rdtsc):
 *  - getpid as a plain function call (the library-OS system call) and through
 *    `int 0x80` (IDT gate, entry stub, interrupt_handler, iretd: the
 *    Linux-style path);
 *  - sched_yield with no other task of the caller's priority ready;
 *  - thread creation: from the call to spawn to the first instruction of the
 *    new thread (spawned above the caller's priority, so it runs at once);
 *  - page-fault handling: the first write to a page of a vmAlloc'd range.
 * The caller must run below PRIORITY_HIGH (bench/index.ts uses a task of
 * PRIORITY_NORMAL) and, for a fair sched_yield, alone at its priority.
 */
import { PRIORITY_HIGH } from "../config";
import { readTimestamp } from "../arch/x86/cpu";
import { join, spawn } from "../scheduler/index";
import { sys_getpid, sys_yield } from "../syscalls/calls";
import { getpidByInterrupt } from "../syscalls/software-interrupt";
import { PAGE_SIZE, vmAlloc, vmFree } from "../mm/index";
import { touchPage } from "./touch";

/** getpid answers that were not the caller's id, over every run so far: 0 unless a path is broken. */
let wrongAnswers: i32 = 0;

export function wrongGetpidAnswers(): i32 {
  return wrongAnswers;
}

/** Average cycles of one plain-call getpid over `runs` calls. */
export function benchGetpidCall(runs: i32): u64 {
  const expected = sys_getpid();
  let wrong = 0;
  const start = readTimestamp();
  for (let run = 0; run < runs; run++) if (sys_getpid() != expected) wrong++;
  const cycles = (readTimestamp() - start) / <u64>runs;
  wrongAnswers += wrong;
  return cycles;
}

/** Average cycles of one getpid through `int 0x80` over `runs` calls. */
export function benchGetpidInterrupt(runs: i32): u64 {
  const expected = sys_getpid();
  let wrong = 0;
  const start = readTimestamp();
  for (let run = 0; run < runs; run++) if (getpidByInterrupt() != expected) wrong++;
  const cycles = (readTimestamp() - start) / <u64>runs;
  wrongAnswers += wrong;
  return cycles;
}

/** Average cycles of one sched_yield over `runs` calls. */
export function benchSchedYield(runs: i32): u64 {
  const start = readTimestamp();
  for (let run = 0; run < runs; run++) sys_yield();
  return (readTimestamp() - start) / <u64>runs;
}

/** When the thread being measured ran its first instruction. */
let firstInstructionAt: u64 = 0;

function markFirstInstruction(argument: i32): void {
  firstInstructionAt = readTimestamp();
}

/** Average cycles from calling spawn to the new thread's first instruction, over `runs` threads. */
export function benchThreadCreation(runs: i32): u64 {
  let total: u64 = 0;
  for (let run = 0; run < runs; run++) {
    const start = readTimestamp();
    const id = spawn("bench-thread", markFirstInstruction, run, PRIORITY_HIGH); // outranks us: runs before spawn returns
    total += firstInstructionAt - start;
    join(id);
  }
  return total / <u64>runs;
}

/**
 * Average cycles of a demand page fault: `rounds` times, a range of `pages`
 * fresh pages is written once per page (each write faults and maps a zeroed
 * frame), then freed.
 */
export function benchPageFault(rounds: i32, pages: i32): u64 {
  let total: u64 = 0;
  for (let round = 0; round < rounds; round++) {
    const start = vmAlloc(pages);
    if (start == 0) return 0;
    const before = readTimestamp();
    for (let page = 0; page < pages; page++) touchPage(start + <usize>page * PAGE_SIZE);
    total += readTimestamp() - before;
    vmFree(start);
  }
  return total / <u64>(rounds * pages);
}

