// The registers panel marks the registers that differ from the last pause.
import { describe, expect, it } from 'vitest';
import type { CpuState } from '../decoders/cpu-state.js';
import type { SnapshotSource } from './panel.js';
import { registersPanel } from './registers-panel.js';

const CPU: CpuState = {
  general: { eax: 1, ecx: 2, edx: 3, ebx: 4, esp: 5, ebp: 6, esi: 7, edi: 8 },
  eip: 0x101000,
  eflags: 0x202,
  cr0: 1,
  cr2: 0,
  cr3: 0,
  cr4: 0,
  segments: { es: 0x10, cs: 0x08, ss: 0x10, ds: 0x10, fs: 0x10, gs: 0x10 },
  tr: 0,
  ldtr: 0,
  gdtr: { base: 0, limit: 0 },
  idtr: { base: 0, limit: 0 },
  cpl: 0,
  protectedMode: true,
  instructionCount: 100,
};

function sourceWith(cpu: CpuState): SnapshotSource {
  return { hardware: { cpu: () => cpu, readPhysical: (_, n) => new Uint8Array(n), memoryBytes: 0 }, symbols: null, debugInfo: null };
}

describe('registersPanel', () => {
  it('lists what changed since the baseline, nothing without one', () => {
    const before = registersPanel.read(sourceWith(CPU), null);
    expect(before.changed).toEqual([]);
    const after = registersPanel.read(sourceWith({ ...CPU, general: { ...CPU.general, eax: 9, edi: 0 }, eip: 0x101004 }), before);
    expect(after.changed).toEqual(['eax', 'edi', 'eip']);
  });
});
