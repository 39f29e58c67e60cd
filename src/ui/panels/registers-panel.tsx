/**
 * @fileoverview The `registers` panel, QEMU `info registers` style: general
 * registers, EIP → function and source line, EFLAGS decoded, CR0/CR2/CR3/CR4
 * with named bits, segment selectors, GDTR/IDTR and the CPL. Registers that
 * changed since the last pause are marked.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `decodeRegisters`.
 */
import type { ReactNode } from 'react';
import type { DecodedBit } from '../decoders/bit-fields.js';
import type { DecodedControlRegister } from '../decoders/control-registers.js';
import { hex } from '../decoders/cpu-state.js';
import { decodeRegisters, type RegistersData, type SegmentRow } from '../decoders/registers.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
import { SourceLink } from './SourceLink.js';
import type { Panel, PanelViewProps } from './panel.js';

export interface RegistersPanelData extends RegistersData {
  /** Names of the general registers, EIP and EFLAGS whose value differs from the last pause. */
  readonly changed: string[];
}

function changedSince(data: RegistersData, baseline: RegistersData | null): string[] {
  if (!baseline) return [];
  const before = new Map(baseline.general.map((r) => [r.name, r.value]));
  const changed = data.general.filter((r) => before.get(r.name) !== r.value).map((r) => r.name);
  if (data.eip.value !== baseline.eip.value) changed.push('eip');
  if (data.eflags.value !== baseline.eflags.value) changed.push('eflags');
  return changed;
}

function Bits({ bits }: { bits: readonly DecodedBit[] }) {
  return (
    <span className="bits">
      {bits.map((bit) => (
        <span key={bit.name} className={bit.set ? 'bit bit-set' : 'bit'} title={bit.meaning} data-bit={bit.name} data-set={bit.set}>
          {bit.name}
        </span>
      ))}
    </span>
  );
}

/** A line of the general registers' table: the eight registers, EIP and EFLAGS, each with what explains it. */
interface RegisterLine {
  readonly name: string;
  readonly value: string;
  readonly detail: ReactNode;
  /** The detail is secondary (a register's decimal value). */
  readonly dimDetail: boolean;
  readonly changed: boolean;
}

const nameHeader = <Row extends { readonly name: string }>(): Column<Row> => ({ rowHeader: true, cell: (row) => row.name.toUpperCase() });
const registerKey = (row: { readonly name: string }) => row.name;

const GENERAL_COLUMNS: readonly Column<RegisterLine>[] = [
  nameHeader(),
  { cell: (line) => line.value },
  { cell: (line) => line.detail, cellProps: (line) => ({ className: line.dimDetail ? 'dim' : undefined }) },
];
const generalProps = (line: RegisterLine): RowAttributes => ({ className: line.changed ? 'changed' : undefined, 'data-register': line.name });

function generalLines(data: RegistersPanelData): RegisterLine[] {
  const changed = new Set(data.changed);
  const line = (name: string, value: string, detail: ReactNode, dimDetail = false) => ({ name, value, detail, dimDetail, changed: changed.has(name) });
  return [
    ...data.general.map((r) => line(r.name, r.hex, r.value, true)),
    line('eip', data.eip.hex, <SourceLink symbol={data.eip.source} text={data.eip.symbol} />),
    line(
      'eflags',
      hex(data.eflags.value),
      <>
        {data.eflags.qemu} IOPL={data.eflags.iopl} <Bits bits={data.eflags.bits} />
      </>,
    ),
  ];
}

const CONTROL_COLUMNS: readonly Column<DecodedControlRegister>[] = [
  nameHeader(),
  { cell: (cr) => hex(cr.value) },
  {
    cell: (cr) => (
      <>
        {cr.bits.length > 0 && <Bits bits={cr.bits} />} {cr.note && <span className="dim">{cr.note}</span>}
      </>
    ),
  },
];

const SEGMENT_COLUMNS: readonly Column<SegmentRow>[] = [
  { ...nameHeader<SegmentRow>(), header: '' },
  { header: 'selector', cell: (s) => hex(s.selector, 4) },
  { header: 'index', cell: (s) => s.index },
  { header: 'table', cell: (s) => s.table },
  { header: 'RPL', cell: (s) => s.rpl },
];
const registerProps = (row: { readonly name: string }): RowAttributes => ({ 'data-register': row.name });

function RegistersView({ data }: PanelViewProps<RegistersPanelData>) {
  return (
    <div className="registers-panel">
      <p className="panel-summary mono">{data.qemu}</p>
      <DataTable columns={GENERAL_COLUMNS} rows={generalLines(data)} rowKey={registerKey} rowProps={generalProps} label="General registers" />
      <DataTable columns={CONTROL_COLUMNS} rows={data.control} rowKey={registerKey} rowProps={registerProps} label="Control registers" />
      <DataTable columns={SEGMENT_COLUMNS} rows={data.segments} rowKey={registerKey} rowProps={registerProps} label="Segment registers" />
      <p className="mono">
        GDTR base={hex(data.gdtr.base)} limit={hex(data.gdtr.limit, 4)} · IDTR base={hex(data.idtr.base)} limit=
        {hex(data.idtr.limit, 4)} · <span data-testid="cpl">CPL={data.cpl}</span> · {data.protectedMode ? 'protected mode' : 'real mode'} ·{' '}
        {data.instructionCount.toLocaleString('en')} instructions
      </p>
    </div>
  );
}

export const registersPanel: Panel<RegistersPanelData> = {
  id: 'registers',
  title: 'Registers',
  read(source, baseline) {
    const data = decodeRegisters(source.hardware.cpu(), source.symbols);
    return { ...data, changed: changedSince(data, baseline) };
  },
  View: RegistersView,
};
