/**
 * @fileoverview Where a task is in its code. The running task is at the
 * CPU's EIP. A task that is switched out stopped inside `switch_context`
 * (src/toolchain/runtime/interrupts.ts), which pushed EBP, EBX, ESI and EDI
 * below its return address before saving ESP, so its saved stack reads
 *
 *   saved ESP + 0   edi, esi, ebx, ebp
 *   saved ESP + 16  return address (into switchStacks, or the runtime's
 *                   task_start for a task that never ran)
 *
 * That return address is the task's EIP. Since every waiting task returns
 * into the same scheduler code, its stack is also unwound to find the code
 * that made it wait. Every translated function keeps a frame pointer (its
 * prologue is `push ebp; mov ebp, esp`, src/toolchain/compiler/
 * function-compiler.ts), and the EBP saved in the switch frame is the
 * switching function's, so the chain [EBP] = caller's EBP, [EBP + 4] = return
 * address leads back through the callers. A return address into the
 * runtime's `isr_common` means the task was preempted by an interrupt, whose
 * frame (docs/intrinsics.md) holds the interrupted EIP; otherwise the first
 * return address into kernel code outside the scheduler, the synchronisation
 * code, the interrupt dispatch and the AssemblyScript library names the
 * caller (Linux's wchan, without its guesswork).
 *
 * Pipeline place: pure; the tasks panel calls it for each task.
 */
import type { PhysicalReader } from './cpu-state.js';
import type { DebugSymbols, SourceSymbol } from './debug-symbols.js';

/** EDI, ESI, EBX, EBP pushed by switch_context below its return address. */
export const SWITCH_FRAME_RETURN_OFFSET = 16;
/** Where the switching function's EBP is in the switch frame (the first register pushed, just below the return address). */
export const SWITCH_FRAME_EBP_OFFSET = 12;
/**
 * From a return address into isr_common to the interrupted EIP: the return address, the two arguments it pushed
 * (frame pointer, vector), pushad's 8 registers, the stub's vector and error code.
 */
export const ISR_RETURN_TO_INTERRUPTED_EIP = 4 * (1 + 2 + 8 + 2);
const ISR_COMMON = 'runtime:isr_common';
/**
 * Functions (by module path) on the way from a task's own code to the switch — the scheduler and the switch itself,
 * the synchronisation primitives, the interrupt and IRQ dispatch a timer preemption comes through — and
 * AssemblyScript's library (~lib: allocation, arrays…): the unwinder looks past them. By name, not by source file: the
 * optimizer inlines library code, whose lines then name ~lib files inside scheduler functions.
 */
const PASS_THROUGH = [/^scheduler\//, /^arch\/x86\/context-switch\//, /^synch\//, /^arch\/x86\/(interrupts|irq)\//, /^~lib\//];
/** Frames the unwinder follows at most (a corrupt chain ends there). */
const MAX_FRAMES = 64;

export interface CodeLocation {
  readonly address: number;
  readonly symbol: SourceSymbol | null;
}

export interface WaitContext extends CodeLocation {
  /** "interrupted": the EIP an interrupt preempted; "called from": a return address into kernel code. */
  readonly kind: 'interrupted' | 'called from';
}

export interface SwitchedOutTask {
  readonly eip: CodeLocation;
  readonly context: WaitContext | null;
}

function wordAt(read: PhysicalReader, address: number): number {
  const bytes = read(address, 4);
  return (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
}

/** The return-address slots of the frames above the switch frame, innermost first, within [savedSp, stackTop). */
function returnSlots(read: PhysicalReader, savedSp: number, stackTop: number): number[] {
  const slots: number[] = [];
  let ebp = wordAt(read, savedSp + SWITCH_FRAME_EBP_OFFSET);
  let below = savedSp;
  // A frame lies above the one it called, so EBP must grow; 0 (a new task's first frame) or anything else ends it.
  while (slots.length < MAX_FRAMES && ebp >= below && ebp + 8 <= stackTop) {
    slots.push(ebp + 4);
    below = ebp + 8;
    ebp = wordAt(read, ebp);
  }
  return slots;
}

function isPassThrough(symbol: SourceSymbol): boolean {
  return PASS_THROUGH.some((pattern) => pattern.test(symbol.name));
}

/**
 * The EIP of a switched-out task whose ESP was saved at `savedSp`, on a stack
 * ending below `stackTop`, and (with symbols) what made it wait.
 */
export function locateSwitchedOutTask(read: PhysicalReader, savedSp: number, stackTop: number, symbols: DebugSymbols | null): SwitchedOutTask {
  const address = wordAt(read, savedSp + SWITCH_FRAME_RETURN_OFFSET);
  const eip = { address, symbol: symbols?.symbolize(address) ?? null };
  return { eip, context: symbols ? waitContext(read, savedSp, stackTop, symbols) : null };
}

function waitContext(read: PhysicalReader, savedSp: number, stackTop: number, symbols: DebugSymbols): WaitContext | null {
  for (const slot of returnSlots(read, savedSp, stackTop)) {
    const address = wordAt(read, slot);
    const symbol = symbols.symbolize(address);
    if (!symbol) return null; // not code: the chain went wrong
    if (symbol.name === ISR_COMMON) {
      if (slot + ISR_RETURN_TO_INTERRUPTED_EIP + 4 > stackTop) return null;
      const interrupted = wordAt(read, slot + ISR_RETURN_TO_INTERRUPTED_EIP);
      return { kind: 'interrupted', address: interrupted, symbol: symbols.symbolize(interrupted) };
    }
    if (symbol.file && !isPassThrough(symbol)) return { kind: 'called from', address, symbol };
  }
  return null;
}
