/**
 * @fileoverview A hardware debugger's view of the running v86 machine: CPU
 * registers (general, EIP, EFLAGS, control, segment, descriptor-table
 * registers) and physical memory, read between two of v86's emulation
 * slices, so every snapshot is consistent.
 *
 * Pipeline place: `Machine.hardware()` creates it for the current emulator;
 * the panels' decoders (`src/ui/decoders/`) turn what it returns into rows.
 * Nothing here writes to the machine.
 *
 * v86 keeps its CPU state in typed arrays over its wasm memory and exposes
 * them on `emulator.v86.cpu` under names that survive minification (checked
 * against v86 0.5.462's libv86.mjs): `reg32` (EAX…EDI), `sreg` (ES, CS, SS,
 * DS, FS, GS, TR, LDTR), `cr` (CR0…CR7), `gdtr_offset`/`gdtr_size`,
 * `idtr_offset`/`idtr_size` (the size is IDTR's limit), `cpl`,
 * `protected_mode`, `mem8` (guest RAM) and the wasm exports `get_eflags`
 * (EFLAGS with the lazily computed arithmetic flags folded in) and
 * `get_real_eip` (EIP relative to CS's base).
 */
import type { V86 } from 'v86';
import { GENERAL_REGISTER_NAMES, SEGMENT_REGISTER_NAMES, type CpuState, type PhysicalReader } from '../decoders/cpu-state.js';

/** The parts of v86's CPU object read here. */
interface V86Cpu {
  readonly reg32: Int32Array;
  readonly sreg: Uint16Array;
  readonly cr: Int32Array;
  readonly gdtr_offset: Int32Array;
  readonly gdtr_size: Int32Array;
  readonly idtr_offset: Int32Array;
  readonly idtr_size: Int32Array;
  readonly cpl: Uint8Array;
  readonly protected_mode: Int32Array;
  readonly instruction_counter: Uint32Array;
  readonly mem8: Uint8Array;
  get_eflags(): number;
  get_real_eip(): number;
}

/** v86's `sreg` slots for the task and LDT registers, after the six segment registers. */
const SREG_TR = 6;
const SREG_LDTR = 7;

export interface Hardware {
  /** The CPU's registers now. */
  cpu(): CpuState;
  /** A copy of `length` bytes of guest RAM at physical `address`; bytes beyond RAM read as 0. */
  readPhysical: PhysicalReader;
  /** Size of guest RAM in bytes. */
  readonly memoryBytes: number;
}

function cpuOf(emulator: V86): V86Cpu {
  return (emulator as unknown as { v86: { cpu: V86Cpu } }).v86.cpu;
}

function readCpu(cpu: V86Cpu): CpuState {
  const general = Object.fromEntries(GENERAL_REGISTER_NAMES.map((name, i) => [name, cpu.reg32[i] >>> 0])) as CpuState['general'];
  const segments = Object.fromEntries(SEGMENT_REGISTER_NAMES.map((name, i) => [name, cpu.sreg[i]])) as CpuState['segments'];
  return {
    general,
    eip: cpu.get_real_eip() >>> 0,
    eflags: cpu.get_eflags() >>> 0,
    cr0: cpu.cr[0] >>> 0,
    cr2: cpu.cr[2] >>> 0,
    cr3: cpu.cr[3] >>> 0,
    cr4: cpu.cr[4] >>> 0,
    segments,
    tr: cpu.sreg[SREG_TR],
    ldtr: cpu.sreg[SREG_LDTR],
    gdtr: { base: cpu.gdtr_offset[0] >>> 0, limit: cpu.gdtr_size[0] >>> 0 },
    idtr: { base: cpu.idtr_offset[0] >>> 0, limit: cpu.idtr_size[0] >>> 0 },
    cpl: cpu.cpl[0],
    protectedMode: cpu.protected_mode[0] !== 0,
    instructionCount: cpu.instruction_counter[0] >>> 0,
  };
}

/** The hardware view of `emulator`, which must have finished loading. */
export function hardwareOf(emulator: V86): Hardware {
  const cpu = cpuOf(emulator);
  return {
    cpu: () => readCpu(cpu),
    // mem8 is re-read on every call: v86 replaces the view if its wasm memory grows.
    readPhysical: (address, length) => {
      const bytes = new Uint8Array(length);
      const ram = cpu.mem8;
      const start = Math.min(address >>> 0, ram.length);
      bytes.set(ram.subarray(start, Math.min(start + length, ram.length)));
      return bytes;
    },
    memoryBytes: cpu.mem8.length,
  };
}
