/**
 * @fileoverview Decodes eduOS-ts's introspection descriptor (docs/kernel-abi.md)
 * from guest physical memory: the tasks with their fields, the running task,
 * the ready queues, the memory statistics, the event ring and the per-vector
 * interrupt counters. Pure functions over a `read(address, length)` callback,
 * no Node built-ins: the Node tests read v86's memory with it, the
 * playground's tasks, events and IDT panels do the same in the browser.
 *
 * The layout constants mirror src/kernel/introspection/layout.ts; both change
 * together with DESCRIPTOR_VERSION.
 */

/** Reads `length` bytes of guest physical memory at `address`. */
export type ReadMemory = (address: number, length: number) => Uint8Array;

export const DESCRIPTOR_ADDRESS = 0x0040_0000;
/** The bytes "EDUS" read as a little-endian u32. */
export const DESCRIPTOR_MAGIC = 0x5355_4445;
export const DESCRIPTOR_VERSION = 1;

const HEADER_BYTES = 0x100;
const OFFSET = {
  magic: 0x000, version: 0x004, size: 0x008, timerHz: 0x00c,
  taskTable: 0x010, taskTableLength: 0x014, currentTask: 0x018, readyQueueCount: 0x01c, readyQueues: 0x020,
  taskId: 0x040, taskName: 0x044, taskPriority: 0x048, taskState: 0x04c, taskCpuTicks: 0x050, taskWakeTick: 0x054,
  taskExitCode: 0x058, taskQueue: 0x05c, taskStackBase: 0x060, taskStackSize: 0x064, taskNext: 0x068,
  queueHead: 0x06c, queueTail: 0x070, queueLength: 0x074, taskSavedStacks: 0x078, savedMachineSp: 0x07c,
  statsTick: 0x080, framesTotal: 0x084, framesFree: 0x088, framesUsed: 0x08c, heapTotal: 0x090, heapUsed: 0x094,
  heapObjects: 0x098, heapCollections: 0x09c, pageFaultsHandled: 0x0a0, contextSwitches: 0x0a4, taskCount: 0x0a8,
  ringOffset: 0x0c0, ringEntrySize: 0x0c4, ringCapacity: 0x0c8, ringWriteIndex: 0x0cc,
  features: 0x0d0, vectorCounts: 0x0d4, vectorCountLength: 0x0d8,
} as const;
/** Bits of the `features` word: which fields added after the first release the kernel fills in. */
const FEATURE_VECTOR_COUNTS = 1 << 0;
const FEATURE_SAVED_STACKS = 1 << 1;
/** More counters than the IDT has vectors would be a corrupt descriptor. */
const MAX_VECTOR_COUNTERS = 256;
const READY_QUEUE_SLOTS = 8;
/** An AssemblyScript string's byte length is the u32 just before its first character (the object header's rtSize). */
const STRING_LENGTH_BEFORE = 4;
const MAX_NAME_BYTES = 256;

export const TASK_STATES = ['ready', 'running', 'blocked', 'sleeping', 'finished'] as const;
export type TaskStateName = (typeof TASK_STATES)[number] | `state ${number}`;

export interface TaskInfo {
  /** Address of the Task object. */
  address: number;
  id: number;
  name: string;
  priority: number;
  state: TaskStateName;
  cpuTicks: number;
  wakeTick: number;
  exitCode: number;
  stackBase: number;
  stackSize: number;
  /**
   * ESP saved when the task was last switched out (its callee-saved registers and return address are there);
   * stale for the running task; null if the kernel does not publish it.
   */
  savedStackPointer: number | null;
}

export type EventKind = 'interrupt' | 'exception' | 'page fault' | 'context switch' | `kind ${number}`;
const EVENT_KINDS: Record<number, EventKind> = { 1: 'interrupt', 2: 'exception', 3: 'page fault', 4: 'context switch' };
const NO_TASK = 0xffff;

export interface KernelEvent {
  /** Position in the stream of all events since boot (the ring keeps the last `capacity`). */
  index: number;
  /** Time-stamp counter when it happened. */
  timestamp: bigint;
  kind: EventKind;
  /** Interrupt/exception: the vector; page fault: 1 if mapped on demand, 0 if a bad access; switch: 0. */
  argument: number;
  /** The task running when it happened (for a switch: the one switched from); null before the first task. */
  taskId: number | null;
  /** Interrupt/exception: the interrupted EIP; page fault: the address (CR2); switch: the id switched to. */
  detail: number;
}

export interface MemoryStatistics {
  /** Timer tick of the snapshot (low 32 bits). */
  tick: number;
  framesTotal: number;
  framesFree: number;
  framesUsed: number;
  heapTotal: number;
  heapUsed: number;
  heapObjects: number;
  heapCollections: number;
  pageFaultsHandled: number;
  contextSwitches: number;
  taskCount: number;
}

export interface KernelDescriptor {
  version: number;
  size: number;
  timerHz: number;
  tasks: TaskInfo[];
  /** Id of the running task, or null if its pointer matches no task in the table. */
  currentTaskId: number | null;
  /** Task ids waiting in each ready queue, index = priority, front first. */
  readyQueues: number[][];
  statistics: MemoryStatistics;
  /** Events since boot (the ring's write index). */
  eventCount: number;
  /** The events still in the ring, oldest first. */
  events: KernelEvent[];
  /** Entries into the interrupt handler since boot, per vector (index = vector; each wraps at 2³²); null if the kernel has no counters. */
  vectorCounts: number[] | null;
}

export class DescriptorError extends Error {}

/** A little-endian view of `length` bytes at `address`. */
function view(read: ReadMemory, address: number, length: number): DataView {
  const bytes = read(address, length);
  if (bytes.length < length) throw new DescriptorError(`read ${bytes.length} of ${length} bytes at 0x${address.toString(16)}`);
  return new DataView(bytes.buffer, bytes.byteOffset, length);
}

/** The header's words at `address`; throws DescriptorError if the magic or version is not what this decoder knows. */
function readHeader(read: ReadMemory, address: number): (offset: number) => number {
  const header = view(read, address, HEADER_BYTES);
  const word = (offset: number): number => header.getUint32(offset, true);
  if (word(OFFSET.magic) !== DESCRIPTOR_MAGIC) {
    throw new DescriptorError(`no eduOS-ts descriptor at 0x${address.toString(16)} (magic 0x${word(OFFSET.magic).toString(16)})`);
  }
  if (word(OFFSET.version) !== DESCRIPTOR_VERSION) {
    throw new DescriptorError(`descriptor version ${word(OFFSET.version)}, this decoder reads version ${DESCRIPTOR_VERSION}`);
  }
  return word;
}

/** Decodes the descriptor at `address`; throws DescriptorError if the magic or version is not what this decoder knows. */
export function decodeDescriptor(read: ReadMemory, address: number = DESCRIPTOR_ADDRESS): KernelDescriptor {
  const word = readHeader(read, address);
  const tasks = decodeTasks(read, word);
  const current = word(OFFSET.currentTask);
  const ring = decodeEvents(read, address, word);
  return {
    version: word(OFFSET.version),
    size: word(OFFSET.size),
    timerHz: word(OFFSET.timerHz),
    tasks,
    currentTaskId: tasks.find((task) => task.address === current)?.id ?? null,
    readyQueues: decodeReadyQueues(read, word, tasks),
    statistics: decodeStatistics(word),
    eventCount: word(OFFSET.ringWriteIndex),
    events: ring,
    vectorCounts: decodeVectorCounts(read, word),
  };
}

function decodeTasks(read: ReadMemory, word: (offset: number) => number): TaskInfo[] {
  const length = word(OFFSET.taskTableLength);
  const table = view(read, word(OFFSET.taskTable), length * 4);
  const tasks: TaskInfo[] = [];
  for (let slot = 0; slot < length; slot++) {
    const address = table.getUint32(slot * 4, true);
    if (address !== 0) tasks.push(decodeTask(read, word, address));
  }
  return tasks;
}

/** Bytes of a Task object that cover every field the descriptor names. */
function taskExtent(word: (offset: number) => number): number {
  const fields: number[] = [OFFSET.taskId, OFFSET.taskName, OFFSET.taskPriority, OFFSET.taskState, OFFSET.taskExitCode,
    OFFSET.taskStackBase, OFFSET.taskStackSize, OFFSET.taskNext];
  if (hasFeature(word, FEATURE_SAVED_STACKS)) fields.push(OFFSET.taskSavedStacks);
  return Math.max(...fields.map((offset) => word(offset) + 4), word(OFFSET.taskCpuTicks) + 8, word(OFFSET.taskWakeTick) + 8);
}

function decodeTask(read: ReadMemory, word: (offset: number) => number, address: number): TaskInfo {
  const task = view(read, address, taskExtent(word));
  const field = (offset: number): number => task.getUint32(word(offset), true);
  const state = field(OFFSET.taskState);
  const savedStacks = hasFeature(word, FEATURE_SAVED_STACKS) ? field(OFFSET.taskSavedStacks) : 0;
  return {
    address,
    id: task.getInt32(word(OFFSET.taskId), true),
    name: readString(read, field(OFFSET.taskName)),
    priority: task.getInt32(word(OFFSET.taskPriority), true),
    state: TASK_STATES[state] ?? `state ${state}`,
    cpuTicks: Number(task.getBigUint64(word(OFFSET.taskCpuTicks), true)),
    wakeTick: Number(task.getBigUint64(word(OFFSET.taskWakeTick), true)),
    exitCode: task.getInt32(word(OFFSET.taskExitCode), true),
    stackBase: field(OFFSET.taskStackBase),
    stackSize: field(OFFSET.taskStackSize),
    savedStackPointer: savedStacks === 0 ? null : view(read, savedStacks + word(OFFSET.savedMachineSp), 4).getUint32(0, true),
  };
}

function hasFeature(word: (offset: number) => number, feature: number): boolean {
  return (word(OFFSET.features) & feature) !== 0;
}

/** An AssemblyScript string (UTF-16LE) at `address`; "" for a null pointer. */
export function readString(read: ReadMemory, address: number): string {
  if (address === 0) return '';
  const byteLength = view(read, address - STRING_LENGTH_BEFORE, 4).getUint32(0, true);
  const bytes = read(address, Math.min(byteLength, MAX_NAME_BYTES) & ~1);
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2) text += String.fromCharCode(bytes[index] | (bytes[index + 1] << 8));
  return text;
}

/** Follows each ready queue from its head through the tasks' `next` fields. */
function decodeReadyQueues(read: ReadMemory, word: (offset: number) => number, tasks: TaskInfo[]): number[][] {
  const count = Math.min(word(OFFSET.readyQueueCount), READY_QUEUE_SLOTS);
  const byAddress = new Map(tasks.map((task) => [task.address, task]));
  const queues: number[][] = [];
  for (let priority = 0; priority < count; priority++) {
    const queue = view(read, word(OFFSET.readyQueues + priority * 4), word(OFFSET.queueHead) + 4);
    const ids: number[] = [];
    let address = queue.getUint32(word(OFFSET.queueHead), true);
    while (address !== 0 && ids.length < tasks.length) {
      const task = byAddress.get(address);
      if (!task) break; // a task not in the table: the kernel changed the queue while we read
      ids.push(task.id);
      address = view(read, address + word(OFFSET.taskNext), 4).getUint32(0, true);
    }
    queues.push(ids);
  }
  return queues;
}

function decodeStatistics(word: (offset: number) => number): MemoryStatistics {
  return {
    tick: word(OFFSET.statsTick),
    framesTotal: word(OFFSET.framesTotal),
    framesFree: word(OFFSET.framesFree),
    framesUsed: word(OFFSET.framesUsed),
    heapTotal: word(OFFSET.heapTotal),
    heapUsed: word(OFFSET.heapUsed),
    heapObjects: word(OFFSET.heapObjects),
    heapCollections: word(OFFSET.heapCollections),
    pageFaultsHandled: word(OFFSET.pageFaultsHandled),
    contextSwitches: word(OFFSET.contextSwitches),
    taskCount: word(OFFSET.taskCount),
  };
}

/** The ring's entries still held, oldest first. */
function decodeEvents(read: ReadMemory, address: number, word: (offset: number) => number): KernelEvent[] {
  const capacity = word(OFFSET.ringCapacity);
  const entrySize = word(OFFSET.ringEntrySize);
  const writeIndex = word(OFFSET.ringWriteIndex);
  if (capacity === 0 || entrySize < 16) return [];
  const ring = view(read, address + word(OFFSET.ringOffset), capacity * entrySize);
  const events: KernelEvent[] = [];
  for (let index = Math.max(0, writeIndex - capacity); index < writeIndex; index++) {
    const at = (index % capacity) * entrySize;
    const kind = ring.getUint8(at + 8);
    const task = ring.getUint16(at + 10, true);
    events.push({
      index,
      timestamp: ring.getBigUint64(at, true),
      kind: EVENT_KINDS[kind] ?? `kind ${kind}`,
      argument: ring.getUint8(at + 9),
      taskId: task === NO_TASK ? null : task,
      detail: ring.getUint32(at + 12, true),
    });
  }
  return events;
}

/**
 * Only the descriptor's per-vector interrupt counters (`KernelDescriptor.vectorCounts`), for a reader that needs no
 * more: the IDT panel, ten times a second, without the tasks and the event ring. Throws as `decodeDescriptor` does.
 */
export function decodeVectorCountsOnly(read: ReadMemory, address: number = DESCRIPTOR_ADDRESS): number[] | null {
  return decodeVectorCounts(read, readHeader(read, address));
}

/** The per-vector interrupt counters, or null when the kernel does not keep them. */
function decodeVectorCounts(read: ReadMemory, word: (offset: number) => number): number[] | null {
  if (!hasFeature(word, FEATURE_VECTOR_COUNTS)) return null;
  const length = Math.min(word(OFFSET.vectorCountLength), MAX_VECTOR_COUNTERS);
  const counters = view(read, word(OFFSET.vectorCounts), length * 4);
  return Array.from({ length }, (_, vector) => counters.getUint32(vector * 4, true));
}
