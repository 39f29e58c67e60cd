/**
 * @fileoverview The kernel's tasks as the tasks panel lists them, `ps`
 * style: id, name, priority, state, saved ESP, EIP → function and source
 * line (the CPU's EIP for the running task, the switch frame's return
 * address for the others, see task-frames.ts), what a waiting task waits in,
 * CPU ticks; and the ready queues per priority with task names.
 *
 * Pipeline place: pure; the tasks panel calls it with the decoded
 * descriptor, the CPU state and physical memory.
 */
import type { KernelDescriptor, TaskInfo } from '../../kernel-abi/descriptor.js';
import { hex, type PhysicalReader } from './cpu-state.js';
import { formatSymbol, type DebugSymbols, type SourceSymbol } from './debug-symbols.js';
import { locateSwitchedOutTask, type WaitContext } from './task-frames.js';

/** eduOS-ts's priorities (src/kernel/config.ts). */
export const PRIORITY_NAMES: readonly string[] = ['idle', 'low', 'normal', 'high'];
/** How far above its saved ESP the unwinder may follow the boot stack (idle's), whose size the descriptor does not give. */
const BOOT_STACK_UNWIND_BYTES = 0x10000;

export interface TaskRow {
  readonly id: number;
  readonly name: string;
  readonly priority: number;
  /** "idle", "low", "normal", "high", or the number. */
  readonly priorityName: string;
  readonly state: string;
  readonly running: boolean;
  /** Address of the Task object. */
  readonly address: number;
  /** ESP saved at the last switch; null if the kernel does not publish it (and stale for the running task). */
  readonly savedEsp: number | null;
  readonly eip: number | null;
  /** "function+0x.. (file:line)" of the EIP; "" when unknown. */
  readonly symbol: string;
  readonly source: SourceSymbol | null;
  /** For a waiting task: the EIP an interrupt preempted, or the kernel code that called into the scheduler. */
  readonly waitingIn: (WaitContext & { readonly text: string }) | null;
  readonly cpuTicks: number;
  readonly stackBase: number;
  readonly stackSize: number;
  /** Not in the table at the last pause. */
  readonly isNew: boolean;
}

export interface ReadyQueue {
  readonly priority: number;
  readonly priorityName: string;
  /** Front first. */
  readonly taskIds: number[];
  readonly taskNames: string[];
}

export function priorityName(priority: number): string {
  return PRIORITY_NAMES[priority] ?? String(priority);
}

interface Where {
  eip: number | null;
  source: SourceSymbol | null;
  waitingIn: TaskRow['waitingIn'];
}

function whereIs(task: TaskInfo, running: boolean, cpuEip: number, read: PhysicalReader, symbols: DebugSymbols | null): Where {
  if (running) return { eip: cpuEip, source: symbols?.symbolize(cpuEip) ?? null, waitingIn: null };
  if (task.savedStackPointer === null || task.state === 'finished') return { eip: null, source: null, waitingIn: null };
  const stackTop = task.stackBase !== 0 ? task.stackBase + task.stackSize : task.savedStackPointer + BOOT_STACK_UNWIND_BYTES;
  const { eip, context } = locateSwitchedOutTask(read, task.savedStackPointer, stackTop, symbols);
  const waitingIn = context ? { ...context, text: `${context.kind} ${formatSymbol(context.symbol) || hex(context.address)}` } : null;
  return { eip: eip.address, source: eip.symbol, waitingIn };
}

/**
 * The task rows, in table order. `knownIds` are the task ids at the last
 * pause (null before the first pause: nothing is marked new).
 */
export function buildTaskRows(
  descriptor: KernelDescriptor,
  cpuEip: number,
  read: PhysicalReader,
  symbols: DebugSymbols | null,
  knownIds: ReadonlySet<number> | null,
): TaskRow[] {
  return descriptor.tasks.map((task) => {
    const running = task.id === descriptor.currentTaskId;
    const where = whereIs(task, running, cpuEip, read, symbols);
    return {
      id: task.id,
      name: task.name,
      priority: task.priority,
      priorityName: priorityName(task.priority),
      state: task.state,
      running,
      address: task.address,
      savedEsp: task.savedStackPointer,
      eip: where.eip,
      symbol: formatSymbol(where.source),
      source: where.source,
      waitingIn: where.waitingIn,
      cpuTicks: task.cpuTicks,
      stackBase: task.stackBase,
      stackSize: task.stackSize,
      isNew: knownIds !== null && !knownIds.has(task.id),
    };
  });
}

export function buildReadyQueues(descriptor: KernelDescriptor): ReadyQueue[] {
  const names = new Map(descriptor.tasks.map((task) => [task.id, task.name]));
  return descriptor.readyQueues.map((taskIds, priority) => ({
    priority,
    priorityName: priorityName(priority),
    taskIds,
    taskNames: taskIds.map((id) => names.get(id) ?? `#${id}`),
  }));
}
