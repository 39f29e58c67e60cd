/**
 * @fileoverview Small CPU wrappers the rest of the kernel calls instead of the
 * intrinsics: waiting for an interrupt, the time-stamp counter, the software
 * interrupts the kernel raises on purpose, and the stack limit the translator
 * checks in every function prologue. (Turning interrupts off and on is in
 * ./interrupt-flag.ts.)
 */
import { int, rdtsc, stack_limit, sti_hlt } from "./intrinsics";

/** Enables interrupts and halts until one arrives (`sti; hlt`: none can slip in between). */
@unsafe("sti; hlt") export function waitForInterrupt(): void { sti_hlt(); }

/** The time-stamp counter: CPU cycles since reset. */
@unsafe("rdtsc") export function readTimestamp(): u64 { return rdtsc(); }

/** Raises the system-call software interrupt (vector 0x80). */
@unsafe("int 0x80") export function raiseSyscallInterrupt(): void { int(0x80); }

/** Raises a breakpoint exception (vector 3), as a debugger's `int3` would. */
@unsafe("int 3") export function raiseBreakpoint(): void { int(3); }

/** The lowest ESP a function prologue accepts right now (the running task's limit). */
@unsafe("reads the translator's stack limit") export function currentStackLimit(): usize { return stack_limit(); }
