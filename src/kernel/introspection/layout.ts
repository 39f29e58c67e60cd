/**
 * @fileoverview The byte layout of the introspection descriptor, version 1
 * (docs/kernel-abi.md documents every byte; src/kernel-abi/descriptor.ts is
 * the host-side decoder and mirrors these numbers). The descriptor is one
 * page at a fixed physical address, so a debugger, the playground or a test
 * finds the kernel's tasks and events in guest memory without symbols.
 *
 * Change a number here only together with the decoder, the document and
 * DESCRIPTOR_VERSION. New fields go into space that was reserved, with a
 * bit in OFFSET_FEATURES saying they are there (older kernels leave it 0):
 * adding one keeps the version.
 */

/** Physical address of the descriptor: the page at 4 MiB (the kernel's static data starts one page above). */
@inline export const DESCRIPTOR_ADDRESS: usize = 0x0040_0000;
/** "EDUS" as a little-endian u32: the bytes 'E' 'D' 'U' 'S' in memory order. */
@inline export const DESCRIPTOR_MAGIC: u32 = 0x5355_4445;
@inline export const DESCRIPTOR_VERSION: u32 = 1;
/** Bytes of the descriptor, event ring included: one page. */
@inline export const DESCRIPTOR_SIZE: usize = 4096;

// Header.
@inline export const OFFSET_MAGIC: usize = 0x000;
@inline export const OFFSET_VERSION: usize = 0x004;
@inline export const OFFSET_SIZE: usize = 0x008;
@inline export const OFFSET_TIMER_HZ: usize = 0x00c;

// Tasks: where the task table, the running task and the ready queues are.
@inline export const OFFSET_TASK_TABLE: usize = 0x010;
@inline export const OFFSET_TASK_TABLE_LENGTH: usize = 0x014;
@inline export const OFFSET_CURRENT_TASK: usize = 0x018;
@inline export const OFFSET_READY_QUEUE_COUNT: usize = 0x01c;
/** READY_QUEUE_SLOTS u32 addresses of TaskQueue objects, index = priority. */
@inline export const OFFSET_READY_QUEUES: usize = 0x020;
@inline export const READY_QUEUE_SLOTS: i32 = 8;

// Field offsets inside a Task object (u32 each), then inside a TaskQueue object.
@inline export const OFFSET_TASK_FIELD_ID: usize = 0x040;
@inline export const OFFSET_TASK_FIELD_NAME: usize = 0x044;
@inline export const OFFSET_TASK_FIELD_PRIORITY: usize = 0x048;
@inline export const OFFSET_TASK_FIELD_STATE: usize = 0x04c;
@inline export const OFFSET_TASK_FIELD_CPU_TICKS: usize = 0x050;
@inline export const OFFSET_TASK_FIELD_WAKE_TICK: usize = 0x054;
@inline export const OFFSET_TASK_FIELD_EXIT_CODE: usize = 0x058;
@inline export const OFFSET_TASK_FIELD_QUEUE: usize = 0x05c;
@inline export const OFFSET_TASK_FIELD_STACK_BASE: usize = 0x060;
@inline export const OFFSET_TASK_FIELD_STACK_SIZE: usize = 0x064;
@inline export const OFFSET_TASK_FIELD_NEXT: usize = 0x068;
@inline export const OFFSET_QUEUE_FIELD_HEAD: usize = 0x06c;
@inline export const OFFSET_QUEUE_FIELD_TAIL: usize = 0x070;
@inline export const OFFSET_QUEUE_FIELD_LENGTH: usize = 0x074;
/** Task.saved (the address of the task's SavedStacks), then SavedStacks.machineSp: where a switched-out task's ESP is. */
@inline export const OFFSET_TASK_FIELD_SAVED_STACKS: usize = 0x078;
@inline export const OFFSET_SAVED_FIELD_MACHINE_SP: usize = 0x07c;

// Statistics, a snapshot refreshed at every timer interrupt (u32 each).
@inline export const OFFSET_STATS_TICK: usize = 0x080;
@inline export const OFFSET_FRAMES_TOTAL: usize = 0x084;
@inline export const OFFSET_FRAMES_FREE: usize = 0x088;
@inline export const OFFSET_FRAMES_USED: usize = 0x08c;
@inline export const OFFSET_HEAP_TOTAL: usize = 0x090;
@inline export const OFFSET_HEAP_USED: usize = 0x094;
@inline export const OFFSET_HEAP_OBJECTS: usize = 0x098;
@inline export const OFFSET_HEAP_COLLECTIONS: usize = 0x09c;
@inline export const OFFSET_PAGE_FAULTS_HANDLED: usize = 0x0a0;
@inline export const OFFSET_CONTEXT_SWITCHES: usize = 0x0a4;
@inline export const OFFSET_TASK_COUNT: usize = 0x0a8;

// The event ring.
@inline export const OFFSET_RING_OFFSET: usize = 0x0c0;
@inline export const OFFSET_RING_ENTRY_SIZE: usize = 0x0c4;
@inline export const OFFSET_RING_CAPACITY: usize = 0x0c8;
@inline export const OFFSET_RING_WRITE_INDEX: usize = 0x0cc;

/**
 * Which of the fields added after the first release this kernel fills in (a
 * bit mask of FEATURE_…): a field offset can be 0, so 0 cannot mean "absent".
 */
@inline export const OFFSET_FEATURES: usize = 0x0d0;
@inline export const FEATURE_VECTOR_COUNTS: u32 = 1 << 0;
@inline export const FEATURE_SAVED_STACKS: u32 = 1 << 1;

// Per-vector interrupt counters: where they are and how many.
@inline export const OFFSET_VECTOR_COUNTS: usize = 0x0d4;
@inline export const OFFSET_VECTOR_COUNT_LENGTH: usize = 0x0d8;

/** The counters themselves: VECTOR_COUNTERS u32, one per IDT vector, inside the descriptor page just below the ring. */
@inline export const VECTOR_COUNTS_OFFSET: usize = 0x400;
@inline export const VECTOR_COUNTERS: u32 = 256;

/** The ring's entries start here (from the descriptor's start) and run to its end. */
@inline export const RING_OFFSET: usize = 0x800;
@inline export const RING_ENTRY_SIZE: usize = 16;
@inline export const RING_CAPACITY: u32 = 128;

// One ring entry: u64 timestamp, u8 kind, u8 argument, u16 task id, u32 detail.
@inline export const ENTRY_TIMESTAMP: usize = 0;
@inline export const ENTRY_KIND: usize = 8;
@inline export const ENTRY_ARGUMENT: usize = 9;
@inline export const ENTRY_TASK: usize = 10;
@inline export const ENTRY_DETAIL: usize = 12;

/** Event kinds (ENTRY_KIND). */
@inline export const EVENT_INTERRUPT: u8 = 1;
@inline export const EVENT_EXCEPTION: u8 = 2;
@inline export const EVENT_PAGE_FAULT: u8 = 3;
@inline export const EVENT_CONTEXT_SWITCH: u8 = 4;

/** ENTRY_TASK when no task runs yet (the boot before tasksInit). */
@inline export const NO_TASK: u16 = 0xffff;
