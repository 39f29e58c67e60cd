/**
 * @fileoverview eduOS-ts kernel entry: the boot in order, one line per step.
 * The translator's kernel mode sets up a stack at 1..4 MiB and calls the
 * exported `_start` with the Multiboot information address (EBX at boot).
 *
 * For now the kernel only says hello; it exits the emulator when the boot
 * command line contains the word EXIT_COMMAND_WORD (tests) and otherwise
 * halts (a person reading the screen).
 */
import { EXIT_COMMAND_WORD, KERNEL_VERSION } from "./config";
import { print } from "./console";
import { commandLineHasWord } from "./arch/x86/multiboot";
import { exitEmulator, haltForever } from "./arch/x86/power";
import { serialInit } from "./arch/x86/serial";
import { vgaInit } from "./arch/x86/vga";

export function _start(multibootInfo: usize): void {
  serialInit();                      // COM1 for the log
  vgaInit();                         // VGA text mode, blank screen
  print("eduOS-ts ");
  print(KERNEL_VERSION);
  print(" booting\n");
  print("Hello from eduOS-ts!\n");
  if (commandLineHasWord(multibootInfo, EXIT_COMMAND_WORD)) exitEmulator(0);
  haltForever();
}
