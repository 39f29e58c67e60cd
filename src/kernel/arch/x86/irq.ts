/**
 * @fileoverview Hardware interrupt lines (IRQ 0–15 through the PICs). A driver
 * registers a handler for its line, which also unmasks it. The PIC gets its
 * end-of-interrupt before the handler runs: the handler may switch tasks
 * (the timer does), and the next task must not find the PIC still waiting.
 * Interrupts stay off meanwhile (interrupt gates), so nothing nests.
 */
import { endOfInterrupt, IRQ_BASE_VECTOR, IRQ_COUNT, unmaskIrq } from "./pic";
import { setInterruptHandler } from "./interrupts";

export type IrqHandler = (irq: i32) => void;

function noHandler(irq: i32): void {}

const handlers = new StaticArray<IrqHandler>(IRQ_COUNT);
for (let irq = 0; irq < IRQ_COUNT; irq++) handlers[irq] = noHandler;

function dispatchIrq(vector: i32, frame: usize): void {
  const irq = vector - IRQ_BASE_VECTOR;
  endOfInterrupt(irq);
  const handler = handlers[irq];
  handler(irq);
}

/** Routes the 16 IRQ vectors through `dispatchIrq` (all lines stay masked until claimed). */
export function irqInit(): void {
  for (let irq = 0; irq < IRQ_COUNT; irq++) setInterruptHandler(IRQ_BASE_VECTOR + irq, dispatchIrq);
}

/** Makes `handler` run on every IRQ `irq` and unmasks the line. */
export function setIrqHandler(irq: i32, handler: IrqHandler): void {
  handlers[irq] = handler;
  unmaskIrq(irq);
}
