/**
 * @fileoverview CPU exceptions, vectors 0–31, with the Intel manual's names.
 * A page fault goes to the memory manager first (demand paging); everything
 * else, and a page fault it cannot resolve, is reported and kills the
 * faulting task (the kernel goes on):
 *
 *   !!! exception 14 Page Fault (error 0x0002: write, not-present, supervisor)
 *       at 0x00123456 in demos/crash/badPointer (shell/demos.ts:57)
 *       cr2 0xdeadb000   task 5 "crash-ptr" killed
 */
import { frameWord, FRAME_EIP, FRAME_ERROR_CODE } from "./interrupt-frame";
import { setInterruptHandler } from "./interrupts";
import { faultingAddress } from "./paging-registers";
import { describeCodeAddress } from "./source-lines";
import { hex } from "../../format";
import { handlePageFault } from "../../mm/index";
import { killFaultingTask } from "../../scheduler/fault";
import { recordPageFault } from "../../introspection/index";

@inline export const EXCEPTION_COUNT: i32 = 32;
@inline export const PAGE_FAULT: i32 = 14;
/** A task killed by exception N exits with FAULT_EXIT_CODE_BASE + N (as a shell reports signals). */
@inline export const FAULT_EXIT_CODE_BASE: i32 = 128;

const NAMES: StaticArray<string> = [
  "Divide Error", "Debug", "NMI", "Breakpoint", "Overflow", "BOUND Range Exceeded", "Invalid Opcode",
  "Device Not Available", "Double Fault", "Coprocessor Segment Overrun", "Invalid TSS", "Segment Not Present",
  "Stack-Segment Fault", "General Protection", "Page Fault", "Reserved", "x87 FPU Error", "Alignment Check",
  "Machine Check", "SIMD Floating-Point", "Virtualization", "Control Protection",
];

/** Bit mask of the vectors for which the CPU pushes an error code (8, 10–14, 17, 21). */
@inline const HAS_ERROR_CODE: u32 = (1 << 8) | (0x1f << 10) | (1 << 17) | (1 << 21);

// Page-fault error code bits (Intel SDM vol. 3, 4.7).
@inline const PF_PRESENT: u32 = 1 << 0;
@inline const PF_WRITE: u32 = 1 << 1;
@inline const PF_USER: u32 = 1 << 2;

export function exceptionName(vector: i32): string {
  return vector < NAMES.length ? NAMES[vector] : "Reserved";
}

/** Claims vectors 0–31. */
export function exceptionsInit(): void {
  for (let vector = 0; vector < EXCEPTION_COUNT; vector++) setInterruptHandler(vector, onException);
}

function onException(vector: i32, frame: usize): void {
  const errorCode = frameWord(frame, FRAME_ERROR_CODE);
  if (vector == PAGE_FAULT && resolvePageFault(errorCode)) return;
  killFaultingTask(exceptionReport(vector, errorCode, frameWord(frame, FRAME_EIP)), FAULT_EXIT_CODE_BASE + vector);
}

/** Demand paging: whether the memory manager mapped the page (the access is retried). */
function resolvePageFault(errorCode: u32): bool {
  const address = faultingAddress();
  const mapped = handlePageFault(address, errorCode);
  recordPageFault(address, mapped);
  return mapped;
}

/** The report's lines; the last one is left open for the task's fate. */
export function exceptionReport(vector: i32, errorCode: u32, eip: u32): string {
  let report = "!!! exception " + vector.toString() + " " + exceptionName(vector);
  if (vector == PAGE_FAULT) report += " (error " + hex(errorCode, 4) + ": " + pageFaultCause(errorCode) + ")";
  else if ((HAS_ERROR_CODE & (1 << <u32>vector)) != 0) report += " (error " + hex(errorCode, 4) + ")";
  report += "\n    at " + hex(eip) + " in " + describeCodeAddress(eip) + "\n    ";
  if (vector == PAGE_FAULT) report += "cr2 " + hex(<u32>faultingAddress()) + "   ";
  return report;
}

/** "write, not-present, supervisor" and the like. */
function pageFaultCause(errorCode: u32): string {
  return ((errorCode & PF_WRITE) != 0 ? "write" : "read")
    + ((errorCode & PF_PRESENT) != 0 ? ", protection" : ", not-present")
    + ((errorCode & PF_USER) != 0 ? ", user" : ", supervisor");
}
