/**
 * @fileoverview The `registers` panel, QEMU `info registers` style: general
 * registers, EIP → function and source line, EFLAGS decoded, CR0/CR2/CR3/CR4
 * with named bits, segment selectors, GDTR/IDTR and the CPL. Registers that
 * changed since the last pause are marked.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `decodeRegisters`.
 */
import type { DecodedBit } from '../decoders/bit-fields.js';
import { hex } from '../decoders/cpu-state.js';
import { decodeRegisters, type RegistersData } from '../decoders/registers.js';
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

function RegistersView({ data }: PanelViewProps<RegistersPanelData>) {
  const changed = new Set(data.changed);
  const mark = (name: string) => (changed.has(name) ? 'changed' : undefined);
  return (
    <div className="registers-panel">
      <p className="panel-summary mono">{data.qemu}</p>
      <table className="panel-table mono" aria-label="General registers">
        <tbody>
          {data.general.map((r) => (
            <tr key={r.name} className={mark(r.name)} data-register={r.name}>
              <th>{r.name.toUpperCase()}</th>
              <td>{r.hex}</td>
              <td className="dim">{r.value}</td>
            </tr>
          ))}
          <tr className={mark('eip')} data-register="eip">
            <th>EIP</th>
            <td>{data.eip.hex}</td>
            <td>
              <SourceLink symbol={data.eip.source} text={data.eip.symbol} />
            </td>
          </tr>
          <tr className={mark('eflags')} data-register="eflags">
            <th>EFLAGS</th>
            <td>{hex(data.eflags.value)}</td>
            <td>
              {data.eflags.qemu} IOPL={data.eflags.iopl} <Bits bits={data.eflags.bits} />
            </td>
          </tr>
        </tbody>
      </table>
      <table className="panel-table mono" aria-label="Control registers">
        <tbody>
          {data.control.map((cr) => (
            <tr key={cr.name} data-register={cr.name}>
              <th>{cr.name.toUpperCase()}</th>
              <td>{hex(cr.value)}</td>
              <td>
                {cr.bits.length > 0 && <Bits bits={cr.bits} />} {cr.note && <span className="dim">{cr.note}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="panel-table mono" aria-label="Segment registers">
        <thead>
          <tr>
            <th />
            <th>selector</th>
            <th>index</th>
            <th>table</th>
            <th>RPL</th>
          </tr>
        </thead>
        <tbody>
          {data.segments.map((s) => (
            <tr key={s.name} data-register={s.name}>
              <th>{s.name.toUpperCase()}</th>
              <td>{hex(s.selector, 4)}</td>
              <td>{s.index}</td>
              <td>{s.table}</td>
              <td>{s.rpl}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
