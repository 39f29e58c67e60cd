/**
 * @fileoverview Decodes the CPU state for the registers panel, QEMU
 * `info registers` style: general registers, EIP → function and source
 * line, EFLAGS (`[DOSZAPC]` and every named flag), CR0/CR2/CR3/CR4 with
 * their bits named, segment selectors, GDTR/IDTR and the CPL.
 *
 * Pipeline place: pure; the registers panel calls it with the machine's
 * `CpuState` and the image's debug symbols.
 */
import { decodeControlRegisters, type DecodedControlRegister } from './control-registers.js';
import { GENERAL_REGISTER_NAMES, hex, SEGMENT_REGISTER_NAMES, type CpuState, type TableRegister } from './cpu-state.js';
import { formatSymbol, type DebugSymbols, type SourceSymbol } from './debug-symbols.js';
import { decodeEflags, type DecodedEflags } from './eflags.js';
import { decodeSelector, type DecodedSelector } from './segment-selector.js';

export interface RegisterRow {
  readonly name: string;
  readonly value: number;
  readonly hex: string;
}

export interface SegmentRow extends DecodedSelector {
  readonly name: string;
}

export interface RegistersData {
  readonly general: RegisterRow[];
  readonly eip: RegisterRow & { readonly symbol: string; readonly source: SourceSymbol | null };
  readonly eflags: DecodedEflags;
  readonly control: DecodedControlRegister[];
  readonly segments: SegmentRow[];
  readonly gdtr: TableRegister;
  readonly idtr: TableRegister;
  readonly cpl: number;
  readonly protectedMode: boolean;
  readonly instructionCount: number;
  /** QEMU's summary line, e.g. "EIP=00101234 EFL=00000246 [---Z-P-] CPL=0". */
  readonly qemu: string;
}

function row(name: string, value: number): RegisterRow {
  return { name, value: value >>> 0, hex: hex(value) };
}

export function decodeRegisters(cpu: CpuState, symbols: DebugSymbols | null): RegistersData {
  const eflags = decodeEflags(cpu.eflags);
  const source = symbols?.symbolize(cpu.eip) ?? null;
  const segments: SegmentRow[] = [
    ...SEGMENT_REGISTER_NAMES.map((name) => ({ name, ...decodeSelector(cpu.segments[name]) })),
    { name: 'tr', ...decodeSelector(cpu.tr) },
    { name: 'ldtr', ...decodeSelector(cpu.ldtr) },
  ];
  const eipHex = (cpu.eip >>> 0).toString(16).padStart(8, '0');
  const eflHex = eflags.value.toString(16).padStart(8, '0');
  return {
    general: GENERAL_REGISTER_NAMES.map((name) => row(name, cpu.general[name])),
    eip: { ...row('eip', cpu.eip), symbol: formatSymbol(source), source },
    eflags,
    control: decodeControlRegisters(cpu.cr0, cpu.cr2, cpu.cr3, cpu.cr4),
    segments,
    gdtr: cpu.gdtr,
    idtr: cpu.idtr,
    cpl: cpu.cpl,
    protectedMode: cpu.protectedMode,
    instructionCount: cpu.instructionCount,
    qemu: `EIP=${eipHex} EFL=${eflHex} ${eflags.qemu} CPL=${cpu.cpl}`,
  };
}
