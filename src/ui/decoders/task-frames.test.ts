// Where a switched-out task is, on hand-built stacks: the switch frame's return address, the EBP chain through the
// scheduler to an interrupt frame (isr_common's return address) or to a caller outside the scheduler, stale code
// addresses in locals that the chain skips, a task that never ran, and no symbols.
import { describe, expect, it } from 'vitest';
import { DebugSymbols, type DebugInfo } from './debug-symbols.js';
import { ISR_RETURN_TO_INTERRUPTED_EIP, locateSwitchedOutTask, SWITCH_FRAME_EBP_OFFSET, SWITCH_FRAME_RETURN_OFFSET } from './task-frames.js';

const INFO = {
  version: 1,
  entry: 0x1000,
  textStart: 0x1000,
  textEnd: 0x2000,
  dataStart: 0x800,
  files: ['arch/x86/context-switch.ts', 'scheduler/scheduler.ts', 'shell/demos.ts', 'synch/semaphore.ts', 'arch/x86/irq.ts', '~lib/rt/tlsf.ts'],
  functions: [
    { index: 0, name: 'arch/x86/context-switch/switchStacks', start: 0x1100, end: 0x1180, file: 0, line: 35 },
    { index: 1, name: 'scheduler/scheduler/reschedule', start: 0x1200, end: 0x1280, file: 1, line: 110 },
    { index: 2, name: 'shell/demos/busy', start: 0x1300, end: 0x1340, file: 2, line: 48 },
    { index: 3, name: 'synch/semaphore/Semaphore#wait', start: 0x1400, end: 0x1440, file: 3, line: 20 },
    { index: 4, name: 'shell/demos/consumer', start: 0x1500, end: 0x1580, file: 2, line: 90 },
    { index: 5, name: 'arch/x86/irq/dispatchIrq', start: 0x1600, end: 0x1640, file: 4, line: 18 },
    { index: 6, name: '~lib/rt/tlsf/allocateBlock', start: 0x1700, end: 0x1740, file: 5, line: 500 },
  ],
  lines: [0x1100, 1, 0, 35, 0x1120, 2, 0, 36, 0x1200, 3, 1, 112, 0x1300, 4, 2, 49, 0x1400, 5, 3, 21, 0x1500, 6, 2, 96, 0x1600, 7, 4, 22, 0x1700, 8, 5, 501],
  globals: [],
  tables: [],
  memory: { base: 0, initialPages: 1, maxPages: 1, sizeVariable: 0x800 },
  data: [],
  runtime: { isr_common: 0x1800, task_start: 0x1900 },
} satisfies DebugInfo;
const symbols = new DebugSymbols(INFO);

const STACK_TOP = 0x11000;
const SAVED_SP = 0x10e00;

/** Stack memory with `words` (address → u32) written; everything else 0. */
function stack(words: Record<number, number>) {
  const memory = new Uint8Array(STACK_TOP);
  const view = new DataView(memory.buffer);
  for (const [address, word] of Object.entries(words)) view.setUint32(Number(address), word, true);
  return (address: number, length: number) => memory.slice(address, address + length);
}

/** switch_context's frame: EDI, ESI, EBX, the switching function's EBP, the return address. */
function switchFrame(ebp: number, returnAddress: number): Record<number, number> {
  return { [SAVED_SP]: 0x11, [SAVED_SP + 4]: 0x22, [SAVED_SP + 8]: 0x33, [SAVED_SP + SWITCH_FRAME_EBP_OFFSET]: ebp, [SAVED_SP + 16]: returnAddress };
}

/** A frame at `ebp`: the caller's EBP, then the return address into the caller. */
function frame(ebp: number, callerEbp: number, returnAddress: number): Record<number, number> {
  return { [ebp]: callerEbp, [ebp + 4]: returnAddress };
}

describe('locateSwitchedOutTask', () => {
  it('reads the EIP from the switch frame, 16 bytes above the saved ESP', () => {
    expect(SWITCH_FRAME_RETURN_OFFSET).toBe(16);
    const read = stack(switchFrame(0, 0x1124));
    const { eip } = locateSwitchedOutTask(read, SAVED_SP, STACK_TOP, symbols);
    expect(eip).toEqual({ address: 0x1124, symbol: { name: 'arch/x86/context-switch/switchStacks', offset: 0x24, file: 'arch/x86/context-switch.ts', line: 36 } });
  });

  it('unwinds a preempted task through the scheduler and the IRQ dispatch to the interrupted EIP', () => {
    const isrReturnSlot = 0x10f24;
    const isrFrame: Record<number, number> = {};
    // isr_common's call: frame pointer, vector; pushad; the stub's vector and error code; then the CPU's EIP, CS, EFLAGS.
    [0x10f80, 32, 1, 2, 3, 4, 5, 6, 7, 8, 32, 0, 0x1310, 8, 0x202].forEach((word, i) => (isrFrame[isrReturnSlot + 4 + 4 * i] = word));
    const read = stack({
      ...switchFrame(0x10e40, 0x1124),
      ...frame(0x10e40, 0x10e80, 0x1210), // switchStacks ← reschedule
      [0x10e70]: 0x1520, // a stale code address in a local of reschedule's frame: not a return address
      ...frame(0x10e80, 0x10f20, 0x1610), // reschedule ← dispatchIrq
      ...frame(0x10f20, 0x10fc0, 0x1805), // dispatchIrq ← isr_common
      ...isrFrame,
    });
    const { context } = locateSwitchedOutTask(read, SAVED_SP, STACK_TOP, symbols);
    expect(ISR_RETURN_TO_INTERRUPTED_EIP).toBe(4 * 13);
    expect(context).toEqual({ kind: 'interrupted', address: 0x1310, symbol: { name: 'shell/demos/busy', offset: 0x10, file: 'shell/demos.ts', line: 49 } });
  });

  it('otherwise names the first caller outside the scheduler, the synchronisation code and ~lib', () => {
    const read = stack({
      ...switchFrame(0x10e40, 0x1124),
      ...frame(0x10e40, 0x10e60, 0x1210), // ← reschedule
      ...frame(0x10e60, 0x10e80, 0x1410), // ← Semaphore#wait
      [0x10e78]: 0x1310, // stale: busy's code, left in a local
      ...frame(0x10e80, 0x10ea0, 0x1710), // ← ~lib code
      ...frame(0x10ea0, 0, 0x1520), // ← consumer
    });
    const { context } = locateSwitchedOutTask(read, SAVED_SP, STACK_TOP, symbols);
    expect(context).toMatchObject({ kind: 'called from', address: 0x1520, symbol: { name: 'shell/demos/consumer', line: 96 } });
    // Inlined library code gives a scheduler function a ~lib source line: names decide, not files.
    const inlined = new DebugSymbols({ ...INFO, lines: [...INFO.lines.slice(0, 8), 0x1200, 3, 5, 77, ...INFO.lines.slice(12)] });
    expect(inlined.symbolize(0x1210)?.file).toBe('~lib/rt/tlsf.ts');
    expect(locateSwitchedOutTask(read, SAVED_SP, STACK_TOP, inlined).context).toMatchObject({ kind: 'called from', address: 0x1520 });
  });

  it('stops at a chain that leaves the stack, goes down, or reaches something that is not code', () => {
    const outside = stack({ ...switchFrame(STACK_TOP, 0x1124) });
    expect(locateSwitchedOutTask(outside, SAVED_SP, STACK_TOP, symbols).context).toBeNull();
    const downwards = stack({ ...switchFrame(0x10e40, 0x1124), ...frame(0x10e40, 0x10e00, 0x1210), ...frame(0x10e00, 0, 0x1520) });
    expect(locateSwitchedOutTask(downwards, SAVED_SP, STACK_TOP, symbols).context).toBeNull();
    const notCode = stack({ ...switchFrame(0x10e40, 0x1124), ...frame(0x10e40, 0x10e60, 0x9999), ...frame(0x10e60, 0, 0x1520) });
    expect(locateSwitchedOutTask(notCode, SAVED_SP, STACK_TOP, symbols).context).toBeNull();
  });

  it('names a task that never ran by the runtime’s task_start (its first frame’s EBP is 0)', () => {
    const read = stack({ ...switchFrame(0, 0x1900), [SAVED_SP + 28]: 7 });
    const located = locateSwitchedOutTask(read, SAVED_SP, STACK_TOP, symbols);
    expect(located.eip.symbol).toEqual({ name: 'runtime:task_start', offset: 0 });
    expect(located.context).toBeNull();
  });

  it('gives the bare address without symbols', () => {
    const read = stack({ ...switchFrame(0x10e40, 0x1124), ...frame(0x10e40, 0, 0x1520) });
    expect(locateSwitchedOutTask(read, SAVED_SP, STACK_TOP, null)).toEqual({ eip: { address: 0x1124, symbol: null }, context: null });
  });
});
