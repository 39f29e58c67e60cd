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
  cli, inb, int, invlpg, lgdt, lidt, ltr, outb, read_cr0, read_cr3, read_cr4, read_eflags, reload_segments, rdtsc,
  isr_address, switch_context, initial_context, stack_pointer, sti, write_cr3,
} from "./intrinsics";

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

// --- GDT: null, code 0x08, data 0x10, TSS 0x18 ---------------------------
const CODE_SELECTOR: u16 = 0x08;
const DATA_SELECTOR: u16 = 0x10;
const TSS_SELECTOR: u16 = 0x18;
const gdt = memory.data(4 * 8, 8);
const gdtDescriptor = memory.data(8, 8);
const tss = memory.data(104, 8);
const idt = memory.data(256 * 8, 8);
const idtDescriptor = memory.data(8, 8);

function setSegment(index: i32, base: u32, limit: u32, access: u8, flags: u8): void {
  const entry = gdt + <usize>(index * 8);
  store<u16>(entry, <u16>(limit & 0xffff));
  store<u16>(entry + 2, <u16>(base & 0xffff));
  store<u8>(entry + 4, <u8>((base >> 16) & 0xff));
  store<u8>(entry + 5, access);
  store<u8>(entry + 6, (flags << 4) | <u8>((limit >> 16) & 0x0f));
  store<u8>(entry + 7, <u8>(base >> 24));
}

function loadGdt(): void {
  setSegment(1, 0, 0xfffff, 0x9a, 0xc); // ring-0 code, 4 KiB granularity, 32-bit
  setSegment(2, 0, 0xfffff, 0x92, 0xc); // ring-0 data
  setSegment(3, <u32>tss, 103, 0x89, 0x0); // available 32-bit TSS
  store<u16>(gdtDescriptor, 4 * 8 - 1);
  store<u32>(gdtDescriptor + 2, <u32>gdt);
  lgdt(gdtDescriptor);
  reload_segments(CODE_SELECTOR, DATA_SELECTOR);
  store<u32>(tss + 8, DATA_SELECTOR); // ss0
  ltr(TSS_SELECTOR);
}

function loadIdt(): void {
  for (let vector = 0; vector < 256; vector++) {
    const handler = <u32>isr_address(vector);
    const gate = idt + <usize>(vector * 8);
    store<u16>(gate, <u16>(handler & 0xffff));
    store<u16>(gate + 2, CODE_SELECTOR);
    store<u8>(gate + 4, 0);
    store<u8>(gate + 5, 0x8e); // present, ring 0, 32-bit interrupt gate
    store<u16>(gate + 6, <u16>(handler >> 16));
  }
  store<u16>(idtDescriptor, 256 * 8 - 1);
  store<u32>(idtDescriptor + 2, <u32>idt);
  lidt(idtDescriptor);
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
