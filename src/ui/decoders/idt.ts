/**
 * @fileoverview Decodes the Interrupt Descriptor Table read through IDTR
 * into 256 rows: vector, name, gate type, code selector, DPL, present bit and
 * handler address → symbol → source line, plus the Bochs `info idt` line
 * (`IDT[0x0e]=32-Bit Interrupt Gate target=0x0008:0x00101234, DPL=0`).
 *
 * Pipeline place: pure; the IDT panel reads the table's bytes from the
 * machine and hands them here with the image's debug symbols.
 */
import { hex } from './cpu-state.js';
import { formatSymbol, type DebugSymbols, type SourceSymbol } from './debug-symbols.js';
import { rawDescriptor, SYSTEM_TYPE_NAMES } from './descriptor.js';
import { DEFAULT_IRQ_BASE, vectorName, type VectorName } from './vector-names.js';

export const IDT_VECTORS = 256;
export const GATE_BYTES = 8;

/**
 * The translator's interrupt entry stubs all jump to the kernel's exported
 * `interrupt_handler` (src/toolchain/runtime/interrupts.ts), so a handler
 * that is a runtime stub is dispatched there: the row names that function's
 * source as where the handling happens.
 */
const KERNEL_DISPATCHER = 'interrupt_handler';
const RUNTIME_PREFIX = 'runtime:';

export interface IdtRow extends VectorName {
  readonly vector: number;
  /** False for vectors beyond IDTR's limit: the CPU raises #GP for them. */
  readonly inTable: boolean;
  readonly present: boolean;
  /** E.g. "32-Bit Interrupt Gate"; "(invalid type n)" for a descriptor that is not a gate. */
  readonly gateType: string;
  readonly selector: number;
  readonly dpl: number;
  readonly handler: number;
  /** "function+0x.. (file:line)", or "" without debug information. */
  readonly symbol: string;
  readonly handlerSymbol: SourceSymbol | null;
  /** For a runtime entry stub: the kernel function it calls, with its source line. */
  readonly dispatch: SourceSymbol | null;
  /** Bochs's `info idt` line. */
  readonly bochs: string;
  readonly low: number;
  readonly high: number;
}

function gateTypeName(codeOrData: boolean, type: number): string {
  const name = codeOrData ? undefined : SYSTEM_TYPE_NAMES[type];
  return name?.endsWith('Gate') ? name : `(invalid type ${type}${codeOrData ? ', S=1' : ''})`;
}

/**
 * Decodes the IDT `table` (the bytes at IDTR's base; at least `limit + 1`
 * of them, fewer if the read came up short) with IDTR's `limit`.
 */
export function decodeIdt(table: Uint8Array, limit: number, symbols: DebugSymbols | null, irqBase = DEFAULT_IRQ_BASE): IdtRow[] {
  const dispatcher = symbols?.functionNamed(KERNEL_DISPATCHER) ?? null;
  const rows: IdtRow[] = [];
  for (let vector = 0; vector < IDT_VECTORS; vector++) {
    const offset = vector * GATE_BYTES;
    const inTable = offset + GATE_BYTES - 1 <= limit && offset + GATE_BYTES <= table.length;
    const descriptor = inTable ? rawDescriptor(table, offset) : rawDescriptor(new Uint8Array(GATE_BYTES), 0);
    const handler = ((descriptor.high & 0xffff0000) | (descriptor.low & 0xffff)) >>> 0;
    const selector = descriptor.low >>> 16;
    const gateType = gateTypeName(descriptor.codeOrData, descriptor.type);
    const handlerSymbol = inTable && descriptor.present ? (symbols?.symbolize(handler) ?? null) : null;
    const dispatch = handlerSymbol?.name.startsWith(RUNTIME_PREFIX) ? dispatcher : null;
    const target = descriptor.type === 0x5 ? `${hex(selector, 4)}` : `${hex(selector, 4)}:${hex(handler)}`;
    rows.push({
      vector,
      ...vectorName(vector, irqBase),
      inTable,
      present: inTable && descriptor.present,
      gateType,
      selector,
      dpl: descriptor.dpl,
      handler,
      symbol: formatSymbol(handlerSymbol),
      handlerSymbol,
      dispatch,
      bochs: `IDT[${hex(vector, 2)}]=${gateType} target=${target}, DPL=${descriptor.dpl}${descriptor.present ? '' : ', not present'}`,
      low: descriptor.low,
      high: descriptor.high,
    });
  }
  return rows;
}
