/**
 * @fileoverview The panels' one table: columns (header, cell content,
 * classes, per-row cell attributes, row headers), rows keyed by a stable id
 * with optional attributes (class, title, data-*, click) and an optional
 * detail row under each (the pages tree's expanded tables). Rows are
 * memoized: a row whose values are the same as at the last render (compared
 * member by member) is not rendered again, so a live refresh costs what
 * changed.
 *
 * `fixedRows` is for long live tables (the IDT's 256 rows):
 * each row is one line of fixed height laid out on its own (a grid of the
 * columns' widths, with size and layout containment), and the browser
 * neither lays out nor paints the rows out of view (CSS `content-visibility`),
 * so a refresh costs what the visible rows cost, not a relayout and repaint
 * of the whole table; the body is as high as its rows and contained (CSS
 * `contain: strict`), so what changes in it does not lay out the page
 * again.
 *
 * Pipeline place: used by every panel view that shows a table (registers,
 * idt, gdt, pages, tasks, unsafe, bench); styled in panels.css.
 */
import { memo, type CSSProperties, type HTMLAttributes, type Key, type ReactNode, type TdHTMLAttributes } from 'react';

/** A fixed row's height in px (panels.css sizes the rows from the table's --row-height). */
const FIXED_ROW_HEIGHT_PX = 16;

/** `data-*` attributes: the panels' tests and styles select rows and cells by them. */
type DataAttributes = { readonly [name: `data-${string}`]: string | number | boolean | undefined };

export type RowAttributes = Pick<HTMLAttributes<HTMLTableRowElement>, 'className' | 'title' | 'onClick'> & DataAttributes;
export type CellAttributes = Pick<TdHTMLAttributes<HTMLTableCellElement>, 'className' | 'title'> & DataAttributes;

export interface Column<Row> {
  /** The header cell's content; a table none of whose columns has a header has no header row. */
  readonly header?: ReactNode;
  /** The cell's content for `row`. */
  readonly cell: (row: Row) => ReactNode;
  /** Classes of the header cell and of every cell in the column. */
  readonly className?: string;
  /** Attributes of `row`'s cell: a class that depends on the row (added to `className`), a title, data-*. */
  readonly cellProps?: (row: Row) => CellAttributes;
  /** The column's cells head their rows (`<th>`, as in the registers tables). */
  readonly rowHeader?: boolean;
  /** The column's width in a `fixedRows` table, padding included (a CSS length such as "12ch"; 10ch if not given); longer text ends in "…". */
  readonly width?: string;
}

export interface DataTableProps<Row> {
  /** Keep their identity between renders (module constants, `useMemo`): a new array re-renders every row. */
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  /** A stable id per row (a vector, a task's address), so rows move instead of being rewritten. */
  readonly rowKey: (row: Row) => Key;
  /** Attributes of a row's `<tr>`; like `columns`, keep its identity between renders. */
  readonly rowProps?: (row: Row) => RowAttributes;
  /** Content of a full-width row under `row`, when it returns one; like `columns`, keep its identity. */
  readonly rowDetail?: (row: Row) => ReactNode;
  /** The table's accessible name. */
  readonly label?: string;
  /** Classes besides `panel-table mono`. */
  readonly className?: string;
  /** One-line rows of the columns' widths; rows out of view are skipped by layout and paint (see the file's comment). */
  readonly fixedRows?: boolean;
}

function classes(...names: (string | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

/** Same members, each the same value (`Object.is`): what the dock's structural sharing keeps equal stays identical. */
function sameMembers(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

interface RowViewProps<Row> {
  readonly row: Row;
  readonly columns: readonly Column<Row>[];
  readonly rowProps?: (row: Row) => RowAttributes;
  readonly rowDetail?: (row: Row) => ReactNode;
  readonly fixedRows: boolean;
}

function RowView<Row>({ row, columns, rowProps, rowDetail, fixedRows }: RowViewProps<Row>) {
  const role = fixedRows ? 'row' : undefined;
  const detail = rowDetail?.(row);
  const cells = (
    <tr role={role} {...rowProps?.(row)}>
      {columns.map((column, i) => {
        const props = column.cellProps?.(row);
        const Cell = column.rowHeader ? 'th' : 'td';
        return (
          <Cell key={i} role={fixedRows ? (column.rowHeader ? 'rowheader' : 'cell') : undefined} {...props} className={classes(column.className, props?.className)}>
            {column.cell(row)}
          </Cell>
        );
      })}
    </tr>
  );
  if (detail === undefined || detail === null || detail === false) return cells;
  return (
    <>
      {cells}
      <tr className="row-detail" role={role}>
        <td colSpan={columns.length}>{detail}</td>
      </tr>
    </>
  );
}

const MemoRow = memo(
  RowView,
  (a, b) =>
    a.columns === b.columns &&
    a.rowProps === b.rowProps &&
    a.rowDetail === b.rowDetail &&
    a.fixedRows === b.fixedRows &&
    sameMembers(a.row, b.row),
) as typeof RowView;

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, rowKey, rowProps, rowDetail, label, className, fixedRows = false } = props;
  const widths = columns.map((column) => column.width ?? '10ch');
  // The table as wide as its columns (wider than the panel scrolls), so rows need not size themselves to their content.
  const style = fixedRows
    ? ({ '--columns': widths.join(' '), '--row-height': `${FIXED_ROW_HEIGHT_PX}px`, width: `calc(${widths.join(' + ')})` } as CSSProperties)
    : undefined;
  const groupRole = fixedRows ? 'rowgroup' : undefined;
  return (
    <table className={classes('panel-table mono', fixedRows ? 'fixed-rows' : undefined, className)} aria-label={label} style={style} role={fixedRows ? 'table' : undefined}>
      {columns.some((column) => column.header !== undefined) && (
        <thead role={groupRole}>
          <tr role={fixedRows ? 'row' : undefined}>
            {columns.map((column, i) => (
              <th key={i} className={column.className} role={fixedRows ? 'columnheader' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody role={groupRole} style={fixedRows && !rowDetail ? { height: rows.length * FIXED_ROW_HEIGHT_PX } : undefined}>
        {rows.map((row) => (
          <MemoRow key={rowKey(row)} row={row} columns={columns} rowProps={rowProps} rowDetail={rowDetail} fixedRows={fixedRows} />
        ))}
      </tbody>
    </table>
  );
}
