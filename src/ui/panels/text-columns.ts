/**
 * @fileoverview Lines of fixed-width text columns, as a debugger's log
 * prints them (QEMU's `info` commands, Bochs): each value padded to its
 * column's width in characters, or cut with "…" when it is longer, so that
 * in a monospace font the columns line up without a table.
 *
 * Pipeline place: the events panel's list (`EventLog.tsx`), whose every row
 * changes on each live refresh: one text per row costs the browser far less
 * layout than a cell per value.
 */

/** A column: its width in characters, the space before the next column included. */
export type ColumnWidths = readonly number[];

/** `value` in a column `width` characters wide: at least one space after it, unless it is the last column. */
function fit(value: string, width: number, last: boolean): string {
  const room = last ? width : width - 1;
  const text = value.length > room ? `${value.slice(0, room - 1)}…` : value;
  return last ? text : text.padEnd(width);
}

/** One line: the values in columns of `widths` (as many values as widths). */
export function textColumns(values: readonly string[], widths: ColumnWidths): string {
  return values.map((value, i) => fit(value, widths[i], i === values.length - 1)).join('');
}
