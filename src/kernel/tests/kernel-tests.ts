/**
 * @fileoverview Unit tests of kernel parts that need no scripted scenario:
 * number formatting, boot options, the PIT divisor, the keyboard map, task
 * queues, semaphores, the virtual address-space free list and the page-table
 * walk of the running kernel.
 */
import { hex, padLeft, padRight } from "../format";
import { parseBootOptions } from "../arch/x86/multiboot";
import { pitDivisor } from "../arch/x86/pit";
import { scancodeToAscii } from "../arch/x86/keyboard";
import { currentTask, Task, TaskQueue } from "../scheduler/index";
import { Semaphore } from "../synch/semaphore";
import { AddressSpace } from "../mm/address-space";
import { directoryEntryFor, tableEntryFor } from "../mm/index";
import { check, checkNumber, checkText, UnitTest } from "./runner";

function hexAndPadding(): void {
  checkText(hex(42), "0x0000002a", "hex(42)");
  checkText(hex(0xabc, 2), "0xbc", "hex with 2 digits");
  checkText(padLeft("7", 3), "  7", "padLeft");
  checkText(padRight("ab", 4) + "|", "ab  |", "padRight");
}

function bootOptionsAreParsed(): void {
  const options = parseBootOptions("kernel.elf hz=250 test=unit exit");
  checkNumber(options.timerHz, 250, "hz");
  checkText(options.test, "unit", "test");
  check(options.exitAfterBoot, "exit");
  checkNumber(parseBootOptions("kernel.elf hz=1").timerHz, 19, "hz clamped to the PIT's lowest rate");
}

function pitDivisorRoundsToNearest(): void {
  checkNumber(pitDivisor(100), 11932, "100 Hz");
  checkNumber(pitDivisor(1000), 1193, "1000 Hz");
}

function keyboardMapHonoursShiftAndCaps(): void {
  checkNumber(scancodeToAscii(0x1e, false, false), 0x61, "a");
  checkNumber(scancodeToAscii(0x1e, true, false), 0x41, "shift a");
  checkNumber(scancodeToAscii(0x1e, false, true), 0x41, "caps a");
  checkNumber(scancodeToAscii(0x02, true, true), 0x21, "caps does not shift digits");
}

function newTask(id: i32): Task {
  const running = currentTask();
  return new Task(id, "t" + id.toString(), 1, running.entry, 0, 0, 0, 0, 0, 0);
}

function taskQueueIsFifoWithRemoval(): void {
  const queue = new TaskQueue();
  const a = newTask(101);
  const b = newTask(102);
  const c = newTask(103);
  queue.push(a);
  queue.push(b);
  queue.push(c);
  queue.remove(b);
  checkNumber(queue.length, 2, "length after remove");
  check(queue.pop() == a && queue.pop() == c && queue.pop() == null, "order a, c, then empty");
  check(queue.isEmpty && b.queue == null, "empty, b in no queue");
}

function semaphoreCountsUnits(): void {
  const semaphore = new Semaphore(2);
  check(semaphore.tryWait() && semaphore.tryWait(), "two units");
  check(!semaphore.tryWait(), "no third unit");
  semaphore.signal();
  checkNumber(semaphore.value, 1, "signal returns a unit");
}

function addressSpaceMergesFreedRanges(): void {
  const space = new AddressSpace(0x4000_0000, 16);
  const first = space.reserve(4);
  const second = space.reserve(4);
  checkNumber(second - first, 4 * 4096, "ranges are adjacent");
  check(space.isReserved(first + 4095) && !space.isReserved(second + 4 * 4096), "reserved ranges");
  space.release(first);
  space.release(second);
  checkNumber(space.freeRangeCount, 1, "freed ranges merge into one");
  checkNumber(space.reserve(16), 0x4000_0000, "the whole space again");
  checkNumber(space.reserve(1), 0, "nothing left");
}

function kernelIsIdentityMapped(): void {
  const address: u32 = 0x0040_0000; // the descriptor page
  check((directoryEntryFor(address) & 1) != 0, "page directory entry present");
  checkNumber(tableEntryFor(address) & 0xffff_f001, address | 1, "page maps to itself");
  checkNumber(tableEntryFor(0) & 1, 0, "page 0 unmapped (null pointers fault)");
}

export const KERNEL_TESTS: UnitTest[] = [
  new UnitTest("format: hex and padding", hexAndPadding),
  new UnitTest("multiboot: boot options are parsed", bootOptionsAreParsed),
  new UnitTest("pit: divisor rounds to the nearest", pitDivisorRoundsToNearest),
  new UnitTest("keyboard: map honours shift and caps lock", keyboardMapHonoursShiftAndCaps),
  new UnitTest("scheduler: task queue is FIFO with removal", taskQueueIsFifoWithRemoval),
  new UnitTest("synch: semaphore counts units", semaphoreCountsUnits),
  new UnitTest("mm: address space merges freed ranges", addressSpaceMergesFreedRanges),
  new UnitTest("mm: the kernel is identity-mapped", kernelIsIdentityMapped),
];
