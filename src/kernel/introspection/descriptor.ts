/**
 * @fileoverview Fills in the introspection descriptor (layout.ts,
 * docs/kernel-abi.md) at boot and keeps it current cheaply: the task table
 * and the ready queues are found through addresses written once (the
 * objects never move: the collector does not compact), the running task's
 * address changes at every switch (events.ts), and the statistics are a
 * snapshot of a few counters taken at every timer interrupt, without
 * allocating (interrupt context must not allocate: a collection there could
 * free what the interrupted code holds only in registers).
 */
import { MAX_TASKS, PRIORITY_COUNT } from "../config";
import { SavedStacks } from "../arch/x86/context-switch";
import { contextSwitchCount, currentTask, readyQueue, Task, TaskQueue, taskCount, timerHz, uptimeTicks } from "../scheduler/index";
import { taskTableAddress } from "../scheduler/task-table";
import {
  demandFaultCount, freeFrameCount, gcCollections, heapObjectCount, heapUsedBytes, totalFrameCount,
} from "../mm/index";
import { clearDescriptor, writeDescriptorU32 } from "./descriptor-memory";
import { setRunningTask } from "./events";
import {
  DESCRIPTOR_MAGIC, DESCRIPTOR_SIZE, DESCRIPTOR_VERSION, OFFSET_CONTEXT_SWITCHES, OFFSET_FRAMES_FREE,
  OFFSET_FRAMES_TOTAL, OFFSET_FRAMES_USED, OFFSET_HEAP_COLLECTIONS, OFFSET_HEAP_OBJECTS, OFFSET_HEAP_TOTAL,
  OFFSET_HEAP_USED, OFFSET_MAGIC, OFFSET_PAGE_FAULTS_HANDLED, OFFSET_QUEUE_FIELD_HEAD, OFFSET_QUEUE_FIELD_LENGTH,
  OFFSET_QUEUE_FIELD_TAIL, OFFSET_READY_QUEUE_COUNT, OFFSET_READY_QUEUES, OFFSET_RING_CAPACITY,
  OFFSET_RING_ENTRY_SIZE, OFFSET_RING_OFFSET, OFFSET_SIZE, OFFSET_STATS_TICK, OFFSET_TASK_COUNT,
  OFFSET_TASK_FIELD_CPU_TICKS, OFFSET_TASK_FIELD_EXIT_CODE, OFFSET_TASK_FIELD_ID, OFFSET_TASK_FIELD_NAME,
  OFFSET_TASK_FIELD_NEXT, OFFSET_TASK_FIELD_PRIORITY, OFFSET_TASK_FIELD_QUEUE, OFFSET_TASK_FIELD_STACK_BASE,
  OFFSET_TASK_FIELD_STACK_SIZE, OFFSET_TASK_FIELD_STATE, OFFSET_TASK_FIELD_WAKE_TICK, OFFSET_TASK_TABLE,
  OFFSET_TASK_TABLE_LENGTH, OFFSET_TIMER_HZ, OFFSET_VERSION, RING_CAPACITY, RING_ENTRY_SIZE, RING_OFFSET,
  OFFSET_TASK_FIELD_SAVED_STACKS, OFFSET_SAVED_FIELD_MACHINE_SP, OFFSET_VECTOR_COUNTS, OFFSET_VECTOR_COUNT_LENGTH,
  DESCRIPTOR_ADDRESS, VECTOR_COUNTERS, VECTOR_COUNTS_OFFSET, OFFSET_FEATURES, FEATURE_SAVED_STACKS,
  FEATURE_VECTOR_COUNTS,
} from "./layout";

/** Writes the whole descriptor; call once the tasks and the clock exist. */
export function introspectionInit(): void {
  clearDescriptor();
  writeDescriptorU32(OFFSET_SIZE, <u32>DESCRIPTOR_SIZE);
  writeDescriptorU32(OFFSET_TIMER_HZ, timerHz());
  writeTaskLocations();
  writeFieldOffsets();
  writeDescriptorU32(OFFSET_RING_OFFSET, <u32>RING_OFFSET);
  writeDescriptorU32(OFFSET_RING_ENTRY_SIZE, <u32>RING_ENTRY_SIZE);
  writeDescriptorU32(OFFSET_RING_CAPACITY, RING_CAPACITY);
  writeDescriptorU32(OFFSET_VECTOR_COUNTS, <u32>(DESCRIPTOR_ADDRESS + VECTOR_COUNTS_OFFSET));
  writeDescriptorU32(OFFSET_VECTOR_COUNT_LENGTH, VECTOR_COUNTERS);
  writeDescriptorU32(OFFSET_FEATURES, FEATURE_VECTOR_COUNTS | FEATURE_SAVED_STACKS);
  const running = currentTask();
  setRunningTask(running.id, changetype<usize>(running));
  refreshStatistics();
  // Version and magic last: a reader that sees the magic finds everything else in place.
  writeDescriptorU32(OFFSET_VERSION, DESCRIPTOR_VERSION);
  writeDescriptorU32(OFFSET_MAGIC, DESCRIPTOR_MAGIC);
}

function writeTaskLocations(): void {
  writeDescriptorU32(OFFSET_TASK_TABLE, <u32>taskTableAddress());
  writeDescriptorU32(OFFSET_TASK_TABLE_LENGTH, <u32>MAX_TASKS);
  writeDescriptorU32(OFFSET_READY_QUEUE_COUNT, <u32>PRIORITY_COUNT);
  for (let priority = 0; priority < PRIORITY_COUNT; priority++) {
    writeDescriptorU32(OFFSET_READY_QUEUES + <usize>priority * 4, <u32>changetype<usize>(readyQueue(priority)));
  }
}

function writeFieldOffsets(): void {
  writeDescriptorU32(OFFSET_TASK_FIELD_ID, <u32>offsetof<Task>("id"));
  writeDescriptorU32(OFFSET_TASK_FIELD_NAME, <u32>offsetof<Task>("name"));
  writeDescriptorU32(OFFSET_TASK_FIELD_PRIORITY, <u32>offsetof<Task>("priority"));
  writeDescriptorU32(OFFSET_TASK_FIELD_STATE, <u32>offsetof<Task>("state"));
  writeDescriptorU32(OFFSET_TASK_FIELD_CPU_TICKS, <u32>offsetof<Task>("cpuTicks"));
  writeDescriptorU32(OFFSET_TASK_FIELD_WAKE_TICK, <u32>offsetof<Task>("wakeTick"));
  writeDescriptorU32(OFFSET_TASK_FIELD_EXIT_CODE, <u32>offsetof<Task>("exitCode"));
  writeDescriptorU32(OFFSET_TASK_FIELD_QUEUE, <u32>offsetof<Task>("queue"));
  writeDescriptorU32(OFFSET_TASK_FIELD_STACK_BASE, <u32>offsetof<Task>("stackBase"));
  writeDescriptorU32(OFFSET_TASK_FIELD_STACK_SIZE, <u32>offsetof<Task>("stackSize"));
  writeDescriptorU32(OFFSET_TASK_FIELD_NEXT, <u32>offsetof<Task>("next"));
  writeDescriptorU32(OFFSET_TASK_FIELD_SAVED_STACKS, <u32>offsetof<Task>("saved"));
  writeDescriptorU32(OFFSET_SAVED_FIELD_MACHINE_SP, <u32>offsetof<SavedStacks>("machineSp"));
  writeDescriptorU32(OFFSET_QUEUE_FIELD_HEAD, <u32>offsetof<TaskQueue>("head"));
  writeDescriptorU32(OFFSET_QUEUE_FIELD_TAIL, <u32>offsetof<TaskQueue>("tail"));
  writeDescriptorU32(OFFSET_QUEUE_FIELD_LENGTH, <u32>offsetof<TaskQueue>("length"));
}

/**
 * Copies the counters into the statistics block (the timer interrupt calls
 * this through events.ts; `mem` too). Only counter reads: no allocation.
 */
export function refreshStatistics(): void {
  writeDescriptorU32(OFFSET_STATS_TICK, <u32>uptimeTicks());
  const total = totalFrameCount();
  const free = freeFrameCount();
  writeDescriptorU32(OFFSET_FRAMES_TOTAL, <u32>total);
  writeDescriptorU32(OFFSET_FRAMES_FREE, <u32>free);
  writeDescriptorU32(OFFSET_FRAMES_USED, <u32>(total - free));
  writeDescriptorU32(OFFSET_HEAP_TOTAL, <u32>heapTotalBytes());
  writeDescriptorU32(OFFSET_HEAP_USED, <u32>heapUsedBytes());
  writeDescriptorU32(OFFSET_HEAP_OBJECTS, <u32>heapObjectCount());
  writeDescriptorU32(OFFSET_HEAP_COLLECTIONS, gcCollections());
  writeDescriptorU32(OFFSET_PAGE_FAULTS_HANDLED, demandFaultCount());
  writeDescriptorU32(OFFSET_CONTEXT_SWITCHES, <u32>contextSwitchCount());
  writeDescriptorU32(OFFSET_TASK_COUNT, <u32>taskCount());
}

/** The heap's current size, as HeapStats.total computes it (mm/heap.ts), without the object. */
function heapTotalBytes(): usize {
  return (<usize>memory.size() << 16) - __heap_base;
}
