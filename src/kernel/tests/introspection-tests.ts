/**
 * @fileoverview Unit tests of the introspection descriptor in the running
 * kernel: the header at 4 MiB, the task-field offsets, the current task, and
 * the event ring's write index moving with recorded events.
 */
import { currentTask, Task } from "../scheduler/index";
import { readDescriptorU32 } from "../introspection/descriptor-memory";
import { eventCount, recordPageFault } from "../introspection/index";
import {
  DESCRIPTOR_MAGIC, ENTRY_DETAIL, ENTRY_KIND, OFFSET_CURRENT_TASK, OFFSET_MAGIC, OFFSET_RING_WRITE_INDEX,
  OFFSET_TASK_FIELD_ID, OFFSET_VERSION, RING_CAPACITY, RING_ENTRY_SIZE, RING_OFFSET,
} from "../introspection/layout";
import { check, checkNumber, UnitTest } from "./runner";

function headerIsInPlace(): void {
  checkNumber(readDescriptorU32(OFFSET_MAGIC), DESCRIPTOR_MAGIC, "magic EDUS");
  checkNumber(readDescriptorU32(OFFSET_VERSION), 1, "version");
  checkNumber(readDescriptorU32(OFFSET_TASK_FIELD_ID), offsetof<Task>("id"), "offset of Task.id");
}

function currentTaskIsTheRunningOne(): void {
  checkNumber(readDescriptorU32(OFFSET_CURRENT_TASK), changetype<usize>(currentTask()), "current task address");
}

function eventsAdvanceTheWriteIndex(): void {
  const before = eventCount();
  recordPageFault(0x1234_5000, false);
  checkNumber(eventCount(), before + 1, "event count");
  checkNumber(readDescriptorU32(OFFSET_RING_WRITE_INDEX), eventCount(), "write index in the descriptor");
  const entry = RING_OFFSET + <usize>(before % RING_CAPACITY) * RING_ENTRY_SIZE;
  checkNumber(readDescriptorU32(entry + ENTRY_DETAIL), 0x1234_5000, "detail = address");
  checkNumber(readDescriptorU32(entry + ENTRY_KIND) & 0xff, 3, "kind = page fault");
  check(readDescriptorU32(entry) != 0 || readDescriptorU32(entry + 4) != 0, "timestamp set");
}

export const INTROSPECTION_TESTS: UnitTest[] = [
  new UnitTest("introspection: header is in place", headerIsInPlace),
  new UnitTest("introspection: current task is the running one", currentTaskIsTheRunningOne),
  new UnitTest("introspection: events advance the write index", eventsAdvanceTheWriteIndex),
];
