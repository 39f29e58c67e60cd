/**
 * @fileoverview Interrupt dispatch. Every one of the 256 entry stubs calls the
 * exported `interrupt_handler(vector, frame)`; it looks the vector up in a
 * table of handlers that the other parts fill at boot (exceptions.ts for 0–31,
 * irq.ts for the PIC lines, the system-call vector). A vector nobody claimed
 * is reported and otherwise ignored. Every interrupt is first logged in the
 * introspection descriptor's event ring.
 */
import { VECTOR_COUNT } from "./idt";
import { print } from "../../console";
import { hex } from "../../format";
import { introspectInterrupt } from "../../introspection/index";

/** Handles interrupt `vector`; `frame` is the address of the saved state (./interrupt-frame.ts). */
export type InterruptHandler = (vector: i32, frame: usize) => void;

function unexpectedInterrupt(vector: i32, frame: usize): void {
  print("interrupt: unexpected vector " + hex(<u32>vector, 2) + "\n");
}

const handlers = new StaticArray<InterruptHandler>(VECTOR_COUNT);
for (let vector = 0; vector < VECTOR_COUNT; vector++) handlers[vector] = unexpectedInterrupt;

/** Makes `handler` the one for `vector`. */
export function setInterruptHandler(vector: i32, handler: InterruptHandler): void {
  handlers[vector] = handler;
}

/** The kernel's entry for every interrupt and exception (called by the translator's stubs, interrupts off). */
export function interrupt_handler(vector: i32, frame: usize): void {
  introspectInterrupt(vector, frame);
  const handler = handlers[vector & (VECTOR_COUNT - 1)];
  handler(vector, frame);
}

/** The function-table index of the handler `vector` dispatches to (for the shell's `idt`). */
export function handlerIndex(vector: i32): i32 {
  return handlers[vector & (VECTOR_COUNT - 1)].index;
}
