/**
 * @fileoverview Kernel settings in one place (like xv6's param.h). Hardware
 * constants (port numbers, buffer addresses) live with their device under
 * arch/x86/; this file holds the choices.
 */

/** Printed in the boot banner. */
export const KERNEL_VERSION = "0.1.0";

/** A word on the Multiboot command line that makes the kernel exit the emulator after booting. */
export const EXIT_COMMAND_WORD = "exit";

/** COM1 baud-rate divisor of the 115200 Hz UART clock: 3 -> 38400 baud. */
@inline export const SERIAL_BAUD_DIVISOR: u16 = 3;

/** VGA text attribute: background in the high nibble, foreground in the low one; 0x07 is light grey on black. */
@inline export const VGA_TEXT_ATTRIBUTE: u16 = 0x07;

/** Timer interrupts per second (the scheduler's tick) unless the command line says `hz=N`. */
export const DEFAULT_TIMER_HZ: u32 = 100;

/** Ticks a task may run before another ready task of its priority gets the CPU. */
@inline export const QUANTUM_TICKS: i32 = 2;

/** Maximum number of tasks alive at once, the idle task included (xv6's NPROC). */
@inline export const MAX_TASKS: i32 = 64;

/** Task priorities: IDLE runs only when nothing else can; HIGH preempts everything below it. */
@inline export const PRIORITY_IDLE: i32 = 0;
@inline export const PRIORITY_LOW: i32 = 1;
@inline export const PRIORITY_NORMAL: i32 = 2;
@inline export const PRIORITY_HIGH: i32 = 3;
@inline export const PRIORITY_COUNT: i32 = 4;

/** Bytes of machine stack per task (from the heap). */
@inline export const TASK_STACK_SIZE: usize = 64 << 10;
/**
 * The lowest STACK_MARGIN bytes of every machine stack are off limits to
 * ordinary calls: a prologue that would go below traps as "call stack
 * exhausted" while there is still room to report it.
 */
@inline export const STACK_MARGIN: usize = 16 << 10;
/**
 * Bytes of AssemblyScript shadow stack (the garbage collector's roots) per
 * task. Nothing checks it (asc's check only knows the boot shadow stack), so
 * it is sized so that the machine stack's limit is reached first.
 */
@inline export const SHADOW_STACK_SIZE: usize = 32 << 10;

/** Bytes the console's input ring holds before further typed bytes are dropped. */
@inline export const INPUT_RING_SIZE: i32 = 256;
