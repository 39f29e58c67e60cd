/**
 * @fileoverview What each interrupt vector is for: the Intel exception names
 * for 0–31, the hardware IRQ lines after the kernel's PIC remap, and the
 * system-call vector.
 *
 * Pipeline place: used by the IDT decoder (`idt.ts`) to name its rows.
 */

/** Intel SDM vol. 3, table 6-1; vectors 15 and 22–31 are reserved. */
const EXCEPTION_NAMES: readonly string[] = [
  'Divide Error',
  'Debug',
  'NMI Interrupt',
  'Breakpoint',
  'Overflow',
  'BOUND Range Exceeded',
  'Invalid Opcode',
  'Device Not Available',
  'Double Fault',
  'Coprocessor Segment Overrun',
  'Invalid TSS',
  'Segment Not Present',
  'Stack-Segment Fault',
  'General Protection',
  'Page Fault',
  'Reserved',
  'x87 FPU Floating-Point Error',
  'Alignment Check',
  'Machine Check',
  'SIMD Floating-Point Exception',
  'Virtualization Exception',
  'Control Protection Exception',
];

/** The PC's ISA interrupt lines, master PIC first. */
const IRQ_DEVICES: readonly string[] = [
  'PIT timer',
  'keyboard',
  'cascade',
  'COM2',
  'COM1',
  'LPT2',
  'floppy',
  'LPT1',
  'RTC',
  'ACPI',
  '',
  '',
  'PS/2 mouse',
  'FPU',
  'primary ATA',
  'secondary ATA',
];

/** Where eduOS-ts (like eduOS-rs) remaps the PICs: IRQ 0–15 arrive as vectors 32–47. */
export const DEFAULT_IRQ_BASE = 32;
export const SYSCALL_VECTOR = 0x80;

export interface VectorName {
  readonly name: string;
  readonly kind: 'exception' | 'irq' | 'syscall' | 'software';
  /** The device on an IRQ line, e.g. "PIT timer". */
  readonly device?: string;
}

export function vectorName(vector: number, irqBase = DEFAULT_IRQ_BASE): VectorName {
  if (vector < 32) return { name: EXCEPTION_NAMES[vector] ?? 'Reserved', kind: 'exception' };
  const irq = vector - irqBase;
  if (irq >= 0 && irq < 16) return { name: `IRQ ${irq}`, kind: 'irq', ...(IRQ_DEVICES[irq] ? { device: IRQ_DEVICES[irq] } : {}) };
  if (vector === SYSCALL_VECTOR) return { name: 'System Call', kind: 'syscall' };
  return { name: '', kind: 'software' };
}
