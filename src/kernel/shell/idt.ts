/**
 * @fileoverview `idt [all]`: the interrupt descriptor table as the CPU sees
 * it — for each vector its name, the address of the entry stub its gate
 * points at, and the kernel handler `interrupt_handler` dispatches it to
 * (a function-table index). Without `all`, only the vectors the kernel
 * claims: exceptions 0–31, IRQs 32–47 and the system call 0x80.
 */
import { print } from "../console";
import { hex, padLeft, padRight } from "../format";
import { exceptionName, EXCEPTION_COUNT } from "../arch/x86/exceptions";
import { gateAddress, VECTOR_COUNT } from "../arch/x86/idt";
import { handlerIndex } from "../arch/x86/interrupts";
import { IRQ_BASE_VECTOR, IRQ_COUNT } from "../arch/x86/pic";
import { SYSCALL_VECTOR } from "../syscalls/software-interrupt";

const IRQ_NAMES: StaticArray<string> = [
  "timer (PIT)", "keyboard", "cascade", "COM2", "COM1", "LPT2", "floppy", "LPT1",
  "RTC", "free", "free", "free", "PS/2 mouse", "FPU", "primary ATA", "secondary ATA",
];

export function idtCommand(args: string[]): void {
  const all = args.length > 0 && args[0] == "all";
  let text = "vector name                             gate        handler\n";
  let hidden = 0;
  for (let vector = 0; vector < VECTOR_COUNT; vector++) {
    if (!all && !isClaimed(vector)) {
      hidden++;
      continue;
    }
    text += padLeft(vector.toString(), 4) + " " + hex(<u32>vector, 2) + " " + padRight(vectorName(vector), 28)
      + " " + hex(gateAddress(vector)) + "  fn #" + handlerIndex(vector).toString() + "\n";
  }
  if (hidden > 0) text += hidden.toString() + " unused vectors not shown (`idt all` lists them)\n";
  print(text);
}

function isClaimed(vector: i32): bool {
  return vector < IRQ_BASE_VECTOR + IRQ_COUNT || vector == SYSCALL_VECTOR;
}

/** The Intel name of an exception, the device of an IRQ, or what else uses the vector. */
export function vectorName(vector: i32): string {
  if (vector < EXCEPTION_COUNT) return exceptionName(vector);
  if (vector < IRQ_BASE_VECTOR + IRQ_COUNT) return "IRQ " + (vector - IRQ_BASE_VECTOR).toString() + " " + IRQ_NAMES[vector - IRQ_BASE_VECTOR];
  if (vector == SYSCALL_VECTOR) return "system call (int 0x80)";
  return "unused";
}
