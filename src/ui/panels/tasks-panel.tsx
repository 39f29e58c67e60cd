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

function TaskRowView({ row }: { row: TaskRow }) {
  const classes = [row.running ? 'task-running' : '', row.isNew ? 'changed' : '', row.state === 'finished' ? 'dim' : ''].filter(Boolean);
  return (
    <tr data-task-id={row.id} data-task-name={row.name} data-state={row.state} className={classes.join(' ') || undefined} onClick={(event) => openRowSource(row, event)}>
      <td>{row.id}</td>
      <td>{row.name}</td>
      <td data-priority={row.priority}>
        {row.priority} <span className="dim">{row.priorityName}</span>
      </td>
      <td>{row.running ? '▶ running' : row.state}</td>
      <td>{row.savedEsp === null ? '' : hex(row.savedEsp)}</td>
      <td>{row.eip === null ? '' : hex(row.eip)}</td>
      <td>
        <SourceLink symbol={row.source} text={row.symbol} />
      </td>
      <td>{row.waitingIn && <SourceLink symbol={row.waitingIn.symbol} text={row.waitingIn.text} />}</td>
      <td className="number">{row.cpuTicks.toLocaleString('en')}</td>
    </tr>
  );
}

function TasksView({ data }: PanelViewProps<TasksPanelData>) {
  if (!data.available) return <p className="panel-missing">{data.reason}</p>;
  const running = data.tasks.find((task) => task.running);
  return (
    <div className="tasks-panel">
      <p className="panel-summary mono">
        {data.tasks.length} tasks · running {running ? `${running.id} ${running.name}` : '?'} · tick {data.tick.toLocaleString('en')} ({data.timerHz} Hz) ·{' '}
        {data.contextSwitches.toLocaleString('en')} context switches
      </p>
      <table className="panel-table mono" aria-label="Tasks">
        <thead>
          <tr>
            <th>id</th>
            <th>name</th>
            <th>priority</th>
            <th>state</th>
            <th>saved ESP</th>
            <th>EIP</th>
            <th>function (source)</th>
            <th>waiting in</th>
            <th>CPU ticks</th>
          </tr>
        </thead>
        <tbody>
          {data.tasks.map((row) => (
            <TaskRowView key={row.address} row={row} />
          ))}
        </tbody>
      </table>
      <h3>Ready queues (highest priority first; front of the queue first)</h3>
      <table className="panel-table mono" aria-label="Ready queues">
        <tbody>
          {[...data.readyQueues].reverse().map((queue) => (
            <tr key={queue.priority} data-ready-queue={queue.priority}>
              <th>
                {queue.priority} {queue.priorityName}
              </th>
              <td>{queue.taskNames.length ? queue.taskIds.map((id, i) => `${id} ${queue.taskNames[i]}`).join(' → ') : <span className="dim">empty</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
