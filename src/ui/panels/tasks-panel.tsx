/**
 * @fileoverview The `tasks` panel: eduOS-ts's task table read from the
 * kernel's introspection descriptor — id, name, priority, state, saved ESP,
 * EIP → function and source line (a row click opens it), what a waiting task
 * waits in, CPU ticks — with the running task highlighted, tasks new since
 * the last pause marked, and the ready queues per priority. For a kernel
 * without the descriptor it says so.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `readKernelDescriptor`
 * and `buildTaskRows` / `buildReadyQueues`.
 */
import type { MouseEvent } from 'react';
import { hex } from '../decoders/cpu-state.js';
import { readKernelDescriptor } from '../decoders/kernel-descriptor.js';
import { buildReadyQueues, buildTaskRows, type ReadyQueue, type TaskRow } from '../decoders/task-table.js';
import { requestOpenSource } from './open-source.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
import { SourceLink } from './SourceLink.js';
import type { Panel, PanelViewProps } from './panel.js';

export type TasksPanelData =
  | {
      readonly available: true;
      readonly timerHz: number;
      readonly currentTaskId: number | null;
      readonly tasks: TaskRow[];
      readonly readyQueues: ReadyQueue[];
      /** Context switches since boot (low 32 bits), from the statistics snapshot. */
      readonly contextSwitches: number;
      /** Uptime in timer ticks (low 32 bits). */
      readonly tick: number;
    }
  | { readonly available: false; readonly reason: string };

/** A click anywhere on a row opens its code; links inside the row open their own. */
function openRowSource(row: TaskRow, event: MouseEvent<HTMLTableRowElement>): void {
  if ((event.target as Element).closest('button')) return;
  const source = row.waitingIn?.symbol?.file ? row.waitingIn.symbol : row.source;
  if (source?.file && source.line) requestOpenSource({ file: source.file, line: source.line });
}

const TASK_COLUMNS: readonly Column<TaskRow>[] = [
  { header: 'id', cell: (row) => row.id },
  { header: 'name', cell: (row) => row.name },
  {
    header: 'priority',
    cell: (row) => (
      <>
        {row.priority} <span className="dim">{row.priorityName}</span>
      </>
    ),
    cellProps: (row) => ({ 'data-priority': row.priority }),
  },
  { header: 'state', cell: (row) => (row.running ? '▶ running' : row.state) },
  { header: 'saved ESP', cell: (row) => (row.savedEsp === null ? '' : hex(row.savedEsp)) },
  { header: 'EIP', cell: (row) => (row.eip === null ? '' : hex(row.eip)) },
  { header: 'function (source)', cell: (row) => <SourceLink symbol={row.source} text={row.symbol} /> },
  { header: 'waiting in', cell: (row) => row.waitingIn && <SourceLink symbol={row.waitingIn.symbol} text={row.waitingIn.text} /> },
  { header: 'CPU ticks', className: 'number', cell: (row) => row.cpuTicks.toLocaleString('en') },
];

const taskKey = (row: TaskRow) => row.address;
const taskProps = (row: TaskRow): RowAttributes => ({
  'data-task-id': row.id,
  'data-task-name': row.name,
  'data-state': row.state,
  className: [row.running ? 'task-running' : '', row.isNew ? 'changed' : '', row.state === 'finished' ? 'dim' : ''].filter(Boolean).join(' ') || undefined,
  onClick: (event) => openRowSource(row, event),
});

const QUEUE_COLUMNS: readonly Column<ReadyQueue>[] = [
  { rowHeader: true, cell: (queue) => `${queue.priority} ${queue.priorityName}` },
  {
    cell: (queue) =>
      queue.taskNames.length ? queue.taskIds.map((id, i) => `${id} ${queue.taskNames[i]}`).join(' → ') : <span className="dim">empty</span>,
  },
];

const queueKey = (queue: ReadyQueue) => queue.priority;
const queueProps = (queue: ReadyQueue): RowAttributes => ({ 'data-ready-queue': queue.priority });

function TasksView({ data }: PanelViewProps<TasksPanelData>) {
  if (!data.available) return <p className="panel-missing">{data.reason}</p>;
  const running = data.tasks.find((task) => task.running);
  return (
    <div className="tasks-panel">
      <p className="panel-summary mono">
        {data.tasks.length} tasks · running {running ? `${running.id} ${running.name}` : '?'} · tick {data.tick.toLocaleString('en')} ({data.timerHz} Hz) ·{' '}
        {data.contextSwitches.toLocaleString('en')} context switches
      </p>
      <DataTable columns={TASK_COLUMNS} rows={data.tasks} rowKey={taskKey} rowProps={taskProps} label="Tasks" />
      <h3>Ready queues (highest priority first; front of the queue first)</h3>
      <DataTable columns={QUEUE_COLUMNS} rows={[...data.readyQueues].reverse()} rowKey={queueKey} rowProps={queueProps} label="Ready queues" />
    </div>
  );
}

export const tasksPanel: Panel<TasksPanelData> = {
  id: 'tasks',
  title: 'Tasks',
  read({ hardware, symbols }, baseline) {
    const kernel = readKernelDescriptor(hardware.readPhysical);
    if ('missing' in kernel) return { available: false, reason: kernel.missing };
    const { descriptor } = kernel;
    const knownIds = baseline?.available ? new Set(baseline.tasks.map((task) => task.id)) : null;
    return {
      available: true,
      timerHz: descriptor.timerHz,
      currentTaskId: descriptor.currentTaskId,
      tasks: buildTaskRows(descriptor, hardware.cpu().eip, hardware.readPhysical, symbols, knownIds),
      readyQueues: buildReadyQueues(descriptor),
      contextSwitches: descriptor.statistics.contextSwitches,
      tick: descriptor.statistics.tick,
    };
  },
  View: TasksView,
};
