// The task rows and ready queues over a hand-made descriptor: the running task at the CPU's EIP, a waiting task at
// its switch frame's return address, a finished one without a location, priorities named, new tasks marked.
import { describe, expect, it } from 'vitest';
import type { KernelDescriptor, TaskInfo } from '../../kernel-abi/descriptor.js';
import { buildReadyQueues, buildTaskRows } from './task-table.js';

function taskInfo(id: number, name: string, priority: number, state: TaskInfo['state'], savedStackPointer: number | null): TaskInfo {
  return { address: 0x500000 + id * 0x100, id, name, priority, state, cpuTicks: id * 10, wakeTick: 0, exitCode: 0, stackBase: 0x600000, stackSize: 0x1000, savedStackPointer };
}

const DESCRIPTOR = {
  currentTaskId: 1,
  tasks: [taskInfo(0, 'idle', 0, 'ready', 0x600f00), taskInfo(1, 'shell', 3, 'running', 0x600e00), taskInfo(4, 'done', 2, 'finished', 0x600d00)],
  readyQueues: [[0], [], [], []],
} as unknown as KernelDescriptor;

/** Memory where the u32 at 0x600f10 (idle's return address) is 0x2000 and everything else 0. */
function read(address: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const at = 0x600f10 - address;
  if (at >= 0 && at + 4 <= length) new DataView(bytes.buffer).setUint32(at, 0x2000, true);
  return bytes;
}

describe('buildTaskRows', () => {
  it('locates the running task at the CPU’s EIP and the others through their saved stacks', () => {
    const rows = buildTaskRows(DESCRIPTOR, 0x3000, read, null, null);
    expect(rows.map(({ id, running, eip, savedEsp, priorityName }) => ({ id, running, eip, savedEsp, priorityName }))).toEqual([
      { id: 0, running: false, eip: 0x2000, savedEsp: 0x600f00, priorityName: 'idle' },
      { id: 1, running: true, eip: 0x3000, savedEsp: 0x600e00, priorityName: 'high' },
      { id: 4, running: false, eip: null, savedEsp: 0x600d00, priorityName: 'normal' },
    ]);
    expect(rows.every((row) => !row.isNew && row.symbol === '' && row.waitingIn === null)).toBe(true);
  });

  it('marks tasks that were not there at the last pause', () => {
    expect(buildTaskRows(DESCRIPTOR, 0, read, null, new Set([0, 1])).map((row) => row.isNew)).toEqual([false, false, true]);
  });
});

describe('buildReadyQueues', () => {
  it('names each priority and the tasks waiting in it, front first', () => {
    expect(buildReadyQueues(DESCRIPTOR)).toEqual([
      { priority: 0, priorityName: 'idle', taskIds: [0], taskNames: ['idle'] },
      { priority: 1, priorityName: 'low', taskIds: [], taskNames: [] },
      { priority: 2, priorityName: 'normal', taskIds: [], taskNames: [] },
      { priority: 3, priorityName: 'high', taskIds: [], taskNames: [] },
    ]);
  });
});
