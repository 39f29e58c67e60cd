/**
 * @fileoverview eduOS-ts kernel entry: the boot in order, one line per step
 * (xv6's main.c). The translator's kernel mode sets up a stack at 1..4 MiB and
 * calls the exported `_start` with the Multiboot information address (EBX at
 * boot). The boot flow ends as the idle task; the shell is the first task.
 *
 * The other exports are the kernel's side of the translator's ABI: every
 * interrupt enters `interrupt_handler`, every wasm trap `trap_handler`.
 */
import { KERNEL_VERSION } from "./config";
import { print } from "./console";
import { consoleInputInit } from "./console-input";
import { readBootOptions } from "./arch/x86/multiboot";
import { serialInit } from "./arch/x86/serial";
import { vgaInit } from "./arch/x86/vga";
import { gdtInit } from "./arch/x86/gdt";
import { idtInit } from "./arch/x86/idt";
import { exceptionsInit } from "./arch/x86/exceptions";
import { picInit } from "./arch/x86/pic";
import { irqInit } from "./arch/x86/irq";
import { restoreInterrupts } from "./arch/x86/interrupt-flag";
import { exitEmulator } from "./arch/x86/power";
import { memoryInit } from "./mm/index";
import { clockInit, idleLoop, tasksInit } from "./scheduler/index";
import { syscallsInit } from "./syscalls/software-interrupt";
import { runScenario } from "./scenarios/index";
import { startShell } from "./shell/shell";
import { introspectionInit } from "./introspection/index";
import "./arch/x86/panic"; // kernelAbort: asc's `abort` (--use abort=… in kernel-build.ts)

export { interrupt_handler } from "./arch/x86/interrupts";
export { trap_handler } from "./arch/x86/traps";

export function _start(multibootInfo: usize): void {
  serialInit();                      // COM1 for the log
  vgaInit();                         // VGA text mode, blank screen
  print("eduOS-ts " + KERNEL_VERSION + " booting\n");
  print("Hello from eduOS-ts!\n");
  const options = readBootOptions(multibootInfo);
  gdtInit();                         // flat segments and the TSS
  idtInit();                         // 256 gates, all into interrupt_handler
  exceptionsInit();                  // vectors 0-31: report, kill the task
  picInit();                         // IRQs on vectors 32-47, all masked
  irqInit();
  memoryInit(multibootInfo);         // frames, paging, the heap
  tasksInit();                       // this flow becomes task 0, idle
  clockInit(options.timerHz);        // PIT: the scheduler's tick
  introspectionInit();               // the descriptor debuggers and the playground read
  syscallsInit();                    // int 0x80
  consoleInputInit();                // COM1 and keyboard input
  restoreInterrupts(true);           // from here on, tasks preempt each other
  if (options.exitAfterBoot) exitEmulator(0);
  if (options.test.length > 0) runScenario(options.test);
  else startShell();                 // the first task: the shell (shell/shell.ts)
  idleLoop();                        // the boot flow lives on as the idle task
}
