/**
 * @fileoverview Reads the Multiboot (version 1) information block the boot
 * loader (v86, QEMU, GRUB) leaves in memory; its address arrives in EBX and
 * the translator's kernel mode passes it to `_start`. This file reads the
 * command line (multiboot-memory.ts reads the memory map) and parses it into
 * boot options: space-separated words after the image's own name,
 *
 *   exit          exit the emulator once booted (port 0xf4)
 *   test=NAME     run scripted scenario NAME instead of the shell, then exit
 *   hz=N          timer interrupts per second
 */
import { DEFAULT_TIMER_HZ, EXIT_COMMAND_WORD } from "../../config";

/** `flags` bit 2: the `cmdline` field is valid (Multiboot 0.6.96, section 3.3). */
@inline const MULTIBOOT_INFO_CMDLINE: u32 = 1 << 2;
@inline const FLAGS_OFFSET: usize = 0;
@inline const CMDLINE_OFFSET: usize = 16;
@inline const MAX_COMMAND_LINE: i32 = 1024;
@inline const MIN_TIMER_HZ: u32 = 19;   // the PIT's divisor fits in 16 bits from here
@inline const MAX_TIMER_HZ: u32 = 10000;

export class BootOptions {
  /** The command line as given. */
  commandLine: string = "";
  exitAfterBoot: bool = false;
  /** Scenario to run (`test=NAME`); empty for a normal boot. */
  test: string = "";
  timerHz: u32 = DEFAULT_TIMER_HZ;
}

/** The boot options on the Multiboot command line at `multibootInfo` (defaults without one). */
export function readBootOptions(multibootInfo: usize): BootOptions {
  return parseBootOptions(commandLine(multibootInfo));
}

/** Parses a command line (see the file comment); unknown words are ignored. */
export function parseBootOptions(text: string): BootOptions {
  const options = new BootOptions();
  options.commandLine = text;
  const words = text.split(" ");
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (word == EXIT_COMMAND_WORD) options.exitAfterBoot = true;
    else if (word.startsWith("test=")) options.test = word.substring(5);
    else if (word.startsWith("hz=")) options.timerHz = clampHz(<u32>I32.parseInt(word.substring(3)));
  }
  return options;
}

function clampHz(hz: u32): u32 {
  return hz < MIN_TIMER_HZ ? MIN_TIMER_HZ : hz > MAX_TIMER_HZ ? MAX_TIMER_HZ : hz;
}

/** The command line, or "" when the boot loader gave none. */
function commandLine(multibootInfo: usize): string {
  if (multibootInfo == 0) return "";
  if ((readInfoWord(multibootInfo + FLAGS_OFFSET) & MULTIBOOT_INFO_CMDLINE) == 0) return "";
  return readCString(<usize>readInfoWord(multibootInfo + CMDLINE_OFFSET));
}

function readCString(address: usize): string {
  let text = "";
  for (let index = 0; index < MAX_COMMAND_LINE; index++) {
    const byte = readInfoByte(address + <usize>index);
    if (byte == 0) break;
    text += String.fromCharCode(byte);
  }
  return text;
}

@unsafe("reads the boot loader's Multiboot block") function readInfoWord(address: usize): u32 { return load<u32>(address); }
@unsafe("reads the boot loader's command-line string") function readInfoByte(address: usize): u8 { return load<u8>(address); }
