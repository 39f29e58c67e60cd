// DataTable's markup: a header row only when columns have headers, row and cell attributes (classes merged), row
// headers, detail rows across all columns, and the fixed-rows layout's roles and widths.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column, type DataTableProps } from './DataTable.js';

interface Task {
  readonly id: number;
  readonly name: string;
  readonly ticks: number;
}

const TASKS: readonly Task[] = [
  { id: 1, name: 'idle', ticks: 0 },
  { id: 2, name: 'shell', ticks: 12 },
];

const COLUMNS: readonly Column<Task>[] = [
  { header: 'id', cell: (task) => task.id, rowHeader: true, width: '4ch' },
  { header: 'name', cell: (task) => task.name, width: '10ch' },
  { header: 'ticks', className: 'number', cell: (task) => task.ticks, cellProps: (task) => ({ className: task.ticks ? 'changed' : undefined, title: `${task.ticks} ticks` }), width: '8ch' },
];

function render(props: Partial<DataTableProps<Task>>): string {
  return renderToStaticMarkup(createElement(DataTable<Task>, { columns: COLUMNS, rows: TASKS, rowKey: (task) => task.id, ...props }));
}

describe('DataTable', () => {
  it('renders a header row, then a row per item with its attributes and cells', () => {
    const html = render({ rowProps: (task) => ({ 'data-task-name': task.name, className: task.id === 2 ? 'task-running' : undefined }), label: 'Tasks' });
    expect(html).toContain('<table class="panel-table mono" aria-label="Tasks"><thead><tr><th>id</th><th>name</th><th class="number">ticks</th></tr></thead>');
    expect(html).toContain('<tr data-task-name="idle"><th>1</th><td>idle</td><td class="number" title="0 ticks">0</td></tr>');
    expect(html).toContain('<tr data-task-name="shell" class="task-running"><th>2</th><td>shell</td><td class="number changed" title="12 ticks">12</td></tr>');
  });

  it('has no header row when no column has a header', () => {
    const html = renderToStaticMarkup(createElement(DataTable<Task>, { columns: [{ cell: (task) => task.name }], rows: TASKS, rowKey: (task) => task.id }));
    expect(html).toBe('<table class="panel-table mono"><tbody><tr><td>idle</td></tr><tr><td>shell</td></tr></tbody></table>');
  });

  it('adds a full-width detail row under the rows that have one', () => {
    const html = render({ rowDetail: (task) => (task.id === 2 ? `${task.name} details` : null) });
    expect(html).toContain('<td class="number changed" title="12 ticks">12</td></tr><tr class="row-detail"><td colSpan="3">shell details</td></tr></tbody>');
    expect(html.match(/row-detail/g)).toHaveLength(1);
  });

  it('lays fixed rows out as a grid of the columns’ widths, with the table roles spelled out', () => {
    const html = render({ fixedRows: true });
    expect(html).toContain('<table class="panel-table mono fixed-rows" style="--columns:4ch 10ch 8ch;--row-height:16px;width:calc(4ch + 10ch + 8ch)" role="table">');
    expect(html).toContain('<thead role="rowgroup"><tr role="row"><th role="columnheader">id</th>');
    expect(html).toContain('<tr role="row"><th role="rowheader">1</th><td role="cell">idle</td>');
  });
});
