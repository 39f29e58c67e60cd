/**
 * @fileoverview The descriptor's event ring: interrupts, exceptions, page
 * faults and context switches, each with the time-stamp counter, in a
 * fixed ring of RING_CAPACITY entries inside the descriptor page. The write
 * index counts every event ever recorded; entry `index % RING_CAPACITY` is
 * the newest when `index` = write index - 1, so a reader sees what it
 * missed. The kernel calls the `record…` functions from the interrupt
 * dispatch, the page-fault handler and the scheduler's switch (all with
 * interrupts off); recording costs a few stores, never an allocation.
 */
import { readTimestamp } from "../arch/x86/cpu";
import { FRAME_EIP, frameWord } from "../arch/x86/interrupt-frame";
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { writeDescriptorU16, writeDescriptorU32, writeDescriptorU64, writeDescriptorU8 } from "./descriptor-memory";
import {
  ENTRY_ARGUMENT, ENTRY_DETAIL, ENTRY_KIND, ENTRY_TASK, ENTRY_TIMESTAMP, EVENT_CONTEXT_SWITCH, EVENT_EXCEPTION,
  EVENT_INTERRUPT, EVENT_PAGE_FAULT, NO_TASK, OFFSET_CURRENT_TASK, OFFSET_RING_WRITE_INDEX, RING_CAPACITY,
  RING_ENTRY_SIZE, RING_OFFSET,
} from "./layout";

/** Vectors below this are CPU exceptions. */
@inline const FIRST_INTERRUPT_VECTOR: i32 = 32;

/** Id of the running task as the events name it (the scheduler tells us at every switch). */
let runningTaskId: u16 = NO_TASK;
/** Events recorded since boot. */
let writeIndex: u32 = 0;

/** Events recorded since boot (the ring keeps the last RING_CAPACITY). */
export function eventCount(): u32 {
  return writeIndex;
}

/** Appends one event to the ring. */
export function recordEvent(kind: u8, argument: u8, detail: u32): void {
  const wereEnabled = disableInterrupts();
  const entry = RING_OFFSET + <usize>(writeIndex % RING_CAPACITY) * RING_ENTRY_SIZE;
  writeDescriptorU64(entry + ENTRY_TIMESTAMP, readTimestamp());
  writeDescriptorU8(entry + ENTRY_KIND, kind);
  writeDescriptorU8(entry + ENTRY_ARGUMENT, argument);
  writeDescriptorU16(entry + ENTRY_TASK, runningTaskId);
  writeDescriptorU32(entry + ENTRY_DETAIL, detail);
  writeIndex++;
  writeDescriptorU32(OFFSET_RING_WRITE_INDEX, writeIndex); // after the entry: a reader never sees half an event
  restoreInterrupts(wereEnabled);
}

/** An interrupt or exception entering `interrupt_handler`: argument = vector, detail = interrupted EIP. */
export function recordInterrupt(vector: i32, frame: usize): void {
  const kind = vector < FIRST_INTERRUPT_VECTOR ? EVENT_EXCEPTION : EVENT_INTERRUPT;
  recordEvent(kind, <u8>vector, frameWord(frame, FRAME_EIP));
}

/** A page fault: argument 1 when it was resolved by mapping a page on demand, 0 for a bad access; detail = CR2. */
export function recordPageFault(address: usize, mapped: bool): void {
  recordEvent(EVENT_PAGE_FAULT, mapped ? 1 : 0, <u32>address);
}

/**
 * The scheduler switches from task `previousId` to `next` (its id and
 * address): the event names both, and the descriptor's current-task pointer
 * moves on.
 */
export function recordContextSwitch(previousId: i32, nextId: i32, nextAddress: usize): void {
  runningTaskId = <u16>previousId;
  recordEvent(EVENT_CONTEXT_SWITCH, 0, <u32>nextId);
  setRunningTask(nextId, nextAddress);
}

/** The task that runs from now on, for the events and the descriptor's current-task field. */
export function setRunningTask(id: i32, address: usize): void {
  runningTaskId = <u16>id;
  writeDescriptorU32(OFFSET_CURRENT_TASK, <u32>address);
}
