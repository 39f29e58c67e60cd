/**
 * @fileoverview A test kernel for the CPU intrinsics and the runtime's
 * interrupt and task-switch code (AssemblyScript, translated in kernel mode:
 * wasm address = physical address). It loads its own GDT (with a TSS) and
 * IDT, takes software interrupts and PIT timer interrupts through the 256
 * entry stubs, checks the interrupt frame, checks that interrupted code keeps
 * its registers, switches to a second task's stack and back, and prints what
 * it saw on COM1. intrinsics.test.ts compares that with the expected lines.
 */
import {
  cli, inb, int, invlpg, outb, read_cr0, read_cr3, read_cr4, read_eflags, rdtsc, switch_context, initial_context,
  stack_pointer, sti, write_cr3,
} from "./intrinsics";
import { loadGdt, loadIdt } from "./descriptor-tables";

@external("env", "putc") declare function putc(c: i32): void;
@external("env", "exit") declare function exit(code: i32): void;

function print(text: string): void {
  for (let i = 0; i < text.length; i++) putc(text.charCodeAt(i));
}

function line(text: string): void {
  print(text);
  putc(10);
}

function yesNo(ok: bool): string {
  return ok ? "yes" : "no";
}

// --- interrupts ---------------------------------------------------------------
const TIMER_VECTOR = 32;
let lastVector: i32 = -1;
let lastErrorCode: u32 = 0xffff;
let lastCs: u32 = 0;
let lastEipNonZero: bool = false;
let ticks: i32 = 0;

export function interrupt_handler(vector: i32, frame: usize): void {
  if (vector == TIMER_VECTOR) {
    ticks++;
    outb(0x20, 0x20); // end of interrupt to the master PIC
    return;
  }
  lastVector = load<i32>(frame + 32);
  lastErrorCode = load<u32>(frame + 36);
  lastEipNonZero = load<u32>(frame + 40) != 0;
  lastCs = load<u32>(frame + 44);
}

function remapPicAndStartTimer(): void {
  outb(0x20, 0x11); outb(0xa0, 0x11); // ICW1: initialise, ICW4 follows
  outb(0x21, 0x20); outb(0xa1, 0x28); // ICW2: vectors 32..47
  outb(0x21, 0x04); outb(0xa1, 0x02); // ICW3: cascade on IRQ2
  outb(0x21, 0x01); outb(0xa1, 0x01); // ICW4: 8086 mode
  outb(0x21, 0xfe); outb(0xa1, 0xff); // only IRQ0 (the PIT)
  const divisor: u32 = 1193; // ~1 kHz
  outb(0x43, 0x36);
  outb(0x40, <u8>(divisor & 0xff));
  outb(0x40, <u8>(divisor >> 8));
}

/** A register-heavy computation that must come out the same however often the timer interrupts it. */
function mix(rounds: i32): u32 {
  let a: u32 = 1, b: u32 = 2, c: u32 = 3, d: u32 = 4, e: u32 = 5;
  for (let i = 0; i < rounds; i++) {
    a = a * 31 + b; b = (b ^ c) + <u32>i; c = c + (d << 3); d = d ^ (e >> 1); e = e + a;
  }
  return a ^ b ^ c ^ d ^ e;
}

// --- tasks ---------------------------------------------------------------------
const taskStack = memory.data(8192, 16);
const mainSp = memory.data(4, 4);
const taskSp = memory.data(4, 4);
let taskArgument: i32 = 0;

function task(argument: i32): void {
  taskArgument = argument;
  const sp = stack_pointer();
  line("task running on its own stack: " + yesNo(sp > <usize>taskStack && sp <= <usize>taskStack + 8192));
  switch_context(taskSp, load<usize>(mainSp));
}

export function _start(): void {
  line("cr0.PE " + (read_cr0() & 1).toString());
  const before = rdtsc();
  const after = rdtsc();
  line("rdtsc advances " + yesNo(after > before));
  line("cr4 readable " + yesNo(read_cr4() != 0xffffffff));
  write_cr3(read_cr3());
  invlpg(0x1000);

  loadGdt();
  line("gdt loaded");
  loadIdt();
  int(0x30);
  line("int 0x30: vector " + lastVector.toString() + " error " + lastErrorCode.toString() + " cs " + lastCs.toString() + " eip " + yesNo(lastEipNonZero));
  int(3);
  line("int 3: vector " + lastVector.toString());

  const expected = mix(300000);
  remapPicAndStartTimer();
  sti();
  line("interrupts on " + yesNo((read_eflags() & 0x200) != 0));
  const interrupted = mix(300000);
  while (ticks < 5) {}
  cli();
  line("timer ticked " + yesNo(ticks >= 5) + ", registers kept " + yesNo(interrupted == expected));
  line("interrupts off " + yesNo((read_eflags() & 0x200) == 0));
  line("keyboard status port " + yesNo(inb(0x64) != 0xff));

  const sp = initial_context(taskStack + 8192, task.index, 42);
  switch_context(mainSp, sp);
  line("back in main, task got " + taskArgument.toString());
  exit(0);
}
