/**
 * The descriptor decoder against hand-built guest memory: a version-1
 * descriptor at 4 MiB with a task table of three tasks, a ready queue, the
 * statistics, an event ring that has wrapped, and the later additions (saved
 * stack pointers, per-vector counters) with and without their feature bits.
 */
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_ADDRESS, DESCRIPTOR_MAGIC, DescriptorError, decodeDescriptor, decodeVectorCountsOnly, readString } from './descriptor.js';

/** Sparse little-endian guest memory; unwritten bytes read as 0. */
class FixtureMemory {
  private readonly bytes = new Map<number, number>();
  u8(address: number, value: number): void { this.bytes.set(address, value & 0xff); }
  u16(address: number, value: number): void { for (let i = 0; i < 2; i++) this.u8(address + i, value >>> (8 * i)); }
  u32(address: number, value: number): void { for (let i = 0; i < 4; i++) this.u8(address + i, value >>> (8 * i)); }
  u64(address: number, value: bigint): void { this.u32(address, Number(value & 0xffffffffn)); this.u32(address + 4, Number(value >> 32n)); }
  /** An AssemblyScript string: byte length at address - 4, UTF-16LE characters. */
  string(address: number, text: string): void {
    this.u32(address - 4, text.length * 2);
    for (let i = 0; i < text.length; i++) this.u16(address + 2 * i, text.charCodeAt(i));
  }
  read = (address: number, length: number): Uint8Array =>
    Uint8Array.from({ length }, (_, i) => this.bytes.get(address + i) ?? 0);
}

const D = DESCRIPTOR_ADDRESS;
const TABLE = 0x0050_0000;
const QUEUES = [0x0050_1000, 0x0050_1010, 0x0050_1020, 0x0050_1030];
// Task field offsets as a kernel build might lay them out.
const F = { id: 40, name: 44, priority: 48, state: 8, cpuTicks: 16, wakeTick: 24, exitCode: 32, queue: 60, stackBase: 64, stackSize: 68, next: 56, saved: 0 };
/** SavedStacks.machineSp inside a task's SavedStacks object. */
const MACHINE_SP = 0;
const TASKS = [
  { address: 0x0051_0000, id: 0, name: 'idle', priority: 0, state: 0, ticks: 7n, next: 0, savedSp: 0x0060_0fe0 },
  { address: 0x0051_0100, id: 1, name: 'shell', priority: 3, state: 1, ticks: 2n, next: 0, savedSp: 0x0061_0fc0 },
  { address: 0x0051_0200, id: 5, name: 'busy-a', priority: 2, state: 0, ticks: 0x1_0000_0002n, next: 0, savedSp: 0x0062_0fa0 },
];
const VECTOR_COUNTS = 0x0040_0400;

/** Bits of the descriptor's features word. */
const FEATURES = { vectorCounts: 1, savedStacks: 2 };

function fixture(writeIndex: number, features = FEATURES.vectorCounts | FEATURES.savedStacks): FixtureMemory {
  const memory = new FixtureMemory();
  memory.u32(D + 0x000, DESCRIPTOR_MAGIC);
  memory.u32(D + 0x004, 1);
  memory.u32(D + 0x008, 4096);
  memory.u32(D + 0x00c, 100);
  memory.u32(D + 0x010, TABLE);
  memory.u32(D + 0x014, 64);
  memory.u32(D + 0x018, TASKS[1].address);
  memory.u32(D + 0x01c, 4);
  QUEUES.forEach((queue, priority) => memory.u32(D + 0x020 + 4 * priority, queue));
  const offsets = [F.id, F.name, F.priority, F.state, F.cpuTicks, F.wakeTick, F.exitCode, F.queue, F.stackBase, F.stackSize, F.next, 0, 4, 8, F.saved, MACHINE_SP];
  offsets.forEach((offset, index) => memory.u32(D + 0x040 + 4 * index, offset));
  [12, 24575, 24542, 33, 4390912, 96784, 365, 2, 1000, 77, 3].forEach((value, index) => memory.u32(D + 0x080 + 4 * index, value));
  TASKS.forEach((task, slot) => {
    memory.u32(TABLE + 4 * (slot * 3), task.address); // slots 0, 3 and 6: the table has holes
    memory.u32(task.address + F.id, task.id);
    memory.u32(task.address + F.name, task.address + 0x80);
    memory.string(task.address + 0x80, task.name);
    memory.u32(task.address + F.priority, task.priority);
    memory.u32(task.address + F.state, task.state);
    memory.u64(task.address + F.cpuTicks, task.ticks);
    memory.u32(task.address + F.exitCode, -1 >>> 0);
    memory.u32(task.address + F.stackSize, 0x10000);
    memory.u32(task.address + F.saved, task.address + 0xc0); // the task's SavedStacks object
    memory.u32(task.address + 0xc0 + MACHINE_SP, task.savedSp);
  });
  memory.u32(QUEUES[0], TASKS[0].address); // priority 0: idle
  memory.u32(QUEUES[2], TASKS[2].address); // priority 2: busy-a
  memory.u32(D + 0x0c0, 0x800);
  memory.u32(D + 0x0c4, 16);
  memory.u32(D + 0x0c8, 128);
  memory.u32(D + 0x0cc, writeIndex);
  memory.u32(D + 0x0d0, features);
  memory.u32(D + 0x0d4, VECTOR_COUNTS);
  memory.u32(D + 0x0d8, 256);
  memory.u32(VECTOR_COUNTS + 4 * 14, 3);
  memory.u32(VECTOR_COUNTS + 4 * 32, 0xffff_fffe);
  memory.u32(VECTOR_COUNTS + 4 * 0x80, 42);
  for (let index = Math.max(0, writeIndex - 128); index < writeIndex; index++) {
    const entry = D + 0x800 + (index % 128) * 16;
    memory.u64(entry, 1000n + BigInt(index));
    memory.u8(entry + 8, (index % 4) + 1);
    memory.u8(entry + 9, index % 4 === 0 ? 32 : 0);
    memory.u16(entry + 10, index === 0 ? 0xffff : 1);
    memory.u32(entry + 12, 0x1000 + index);
  }
  return memory;
}

describe('decodeDescriptor', () => {
  it('reads the header and statistics', () => {
    const descriptor = decodeDescriptor(fixture(3).read);
    expect(descriptor).toMatchObject({ version: 1, size: 4096, timerHz: 100, currentTaskId: 1, eventCount: 3 });
    expect(descriptor.statistics).toEqual({
      tick: 12, framesTotal: 24575, framesFree: 24542, framesUsed: 33, heapTotal: 4390912, heapUsed: 96784,
      heapObjects: 365, heapCollections: 2, pageFaultsHandled: 1000, contextSwitches: 77, taskCount: 3,
    });
  });

  it('finds every task through the table and the field offsets', () => {
    const { tasks } = decodeDescriptor(fixture(0).read);
    expect(tasks.map(({ id, name, priority, state, cpuTicks, exitCode, stackSize }) => ({ id, name, priority, state, cpuTicks, exitCode, stackSize }))).toEqual([
      { id: 0, name: 'idle', priority: 0, state: 'ready', cpuTicks: 7, exitCode: -1, stackSize: 0x10000 },
      { id: 1, name: 'shell', priority: 3, state: 'running', cpuTicks: 2, exitCode: -1, stackSize: 0x10000 },
      { id: 5, name: 'busy-a', priority: 2, state: 'ready', cpuTicks: 0x1_0000_0002, exitCode: -1, stackSize: 0x10000 },
    ]);
  });

  it('follows the ready queues from their heads', () => {
    expect(decodeDescriptor(fixture(0).read).readyQueues).toEqual([[0], [], [5], []]);
  });

  it('returns the events oldest first, before and after the ring wraps', () => {
    const few = decodeDescriptor(fixture(3).read).events;
    expect(few.map((event) => [event.index, event.kind, event.taskId, event.detail])).toEqual([
      [0, 'interrupt', null, 0x1000], [1, 'exception', 1, 0x1001], [2, 'page fault', 1, 0x1002],
    ]);
    expect(few[0]).toMatchObject({ timestamp: 1000n, argument: 32 });
    const wrapped = decodeDescriptor(fixture(300).read).events;
    expect(wrapped).toHaveLength(128);
    expect(wrapped[0]).toMatchObject({ index: 172, timestamp: 1172n, kind: 'interrupt', detail: 0x1000 + 172 });
    expect(wrapped[127]).toMatchObject({ index: 299, kind: 'context switch', detail: 0x1000 + 299 });
  });

  it('reads the per-vector interrupt counters', () => {
    const counts = decodeDescriptor(fixture(0).read).vectorCounts!;
    expect(counts).toHaveLength(256);
    expect([counts[0], counts[14], counts[32], counts[0x80], counts[255]]).toEqual([0, 3, 0xffff_fffe, 42, 0]);
  });

  it('reads the counters alone as the whole descriptor has them, or none, and checks the header as it does', () => {
    expect(decodeVectorCountsOnly(fixture(0).read)).toEqual(decodeDescriptor(fixture(0).read).vectorCounts);
    expect(decodeVectorCountsOnly(fixture(0, FEATURES.savedStacks).read)).toBeNull();
    expect(() => decodeVectorCountsOnly(new FixtureMemory().read)).toThrow(DescriptorError);
  });

  it('reads each task’s saved stack pointer through its SavedStacks object', () => {
    expect(decodeDescriptor(fixture(0).read).tasks.map((task) => task.savedStackPointer)).toEqual(TASKS.map((task) => task.savedSp));
  });

  it('leaves out what the features word does not announce (a kernel from before the additions)', () => {
    const descriptor = decodeDescriptor(fixture(0, 0).read);
    expect(descriptor.vectorCounts).toBeNull();
    expect(descriptor.tasks.map((task) => task.savedStackPointer)).toEqual([null, null, null]);
    expect(decodeDescriptor(fixture(0, FEATURES.savedStacks).read).vectorCounts).toBeNull();
    expect(decodeDescriptor(fixture(0, FEATURES.vectorCounts).read).tasks[0].savedStackPointer).toBeNull();
  });

  it('rejects memory without the magic, and other versions', () => {
    const empty = new FixtureMemory();
    expect(() => decodeDescriptor(empty.read)).toThrow(DescriptorError);
    const memory = fixture(0);
    memory.u32(D + 4, 2);
    expect(() => decodeDescriptor(memory.read)).toThrow(/version 2/);
  });

  it('reads AssemblyScript strings as UTF-16', () => {
    const memory = new FixtureMemory();
    memory.string(0x100, 'pf-storm \u00e9');
    expect(readString(memory.read, 0x100)).toBe('pf-storm \u00e9');
    expect(readString(memory.read, 0)).toBe('');
  });
});
