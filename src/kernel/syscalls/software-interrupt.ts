/**
 * @fileoverview The same system calls through a software interrupt, `int
 * 0x80`, the way Linux/i386 enters its kernel: the CPU saves state, goes
 * through the IDT gate and the entry stub, and returns with `iretd`. The
 * benchmarks compare this path with the plain call.
 *
 * Transport: the number and arguments travel in `message` (the translator has
 * no intrinsic yet that loads EAX/EBX/ECX/EDX before `int`); the handler also
 * writes the result into the frame's EAX, as the register ABI will. Interrupts
 * stay off from filling the message to reading the result (the gate and the
 * `iretd` keep IF as it was), so no other task's call can overwrite it, even
 * if the call blocks in between.
 */
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";
import { raiseSyscallInterrupt } from "../arch/x86/cpu";
import { FRAME_EAX, setFrameWord } from "../arch/x86/interrupt-frame";
import { setInterruptHandler } from "../arch/x86/interrupts";
import { dispatchSyscall } from "./calls";
import { SYS_GETPID } from "./numbers";

@inline export const SYSCALL_VECTOR: i32 = 0x80;

// message[0] number, [1..3] arguments, [4] result
const message = new StaticArray<i32>(5);

/** Installs the handler of vector 0x80. */
export function syscallsInit(): void {
  setInterruptHandler(SYSCALL_VECTOR, onSyscallInterrupt);
}

/** System call `number(a, b, c)` through `int 0x80`. */
export function syscallByInterrupt(number: i32, a: i32 = 0, b: i32 = 0, c: i32 = 0): i32 {
  const wereEnabled = disableInterrupts();
  message[0] = number;
  message[1] = a;
  message[2] = b;
  message[3] = c;
  raiseSyscallInterrupt();
  const result = message[4];
  restoreInterrupts(wereEnabled);
  return result;
}

/** getpid through `int 0x80` (for the benchmark and the tests). */
export function getpidByInterrupt(): i32 {
  return syscallByInterrupt(SYS_GETPID);
}

function onSyscallInterrupt(vector: i32, frame: usize): void {
  const result = dispatchSyscall(message[0], message[1], message[2], message[3]);
  message[4] = result;
  setFrameWord(frame, FRAME_EAX, <u32>result);
}
