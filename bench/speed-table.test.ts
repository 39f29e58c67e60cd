import { describe, expect, it } from 'vitest';
import type { KernelComparison, RunSample } from './compare.js';
import { formatSpeedTable, formatTargetLine, isSoundComparison, speedRatio } from './speed-table.js';

const sample = (cycles: number, check = '0x00000001'): RunSample => ({ cycles, wallMs: cycles / 1e6, instructions: cycles / 100, check });

const measured = (name: 'crc32' | 'sort', c: number[], as: number[], asCheck?: string): KernelComparison => ({
  name,
  c: { samples: c.map((cycles) => sample(cycles)) },
  as: { samples: as.map((cycles) => sample(cycles, asCheck)) },
});

describe('speed table', () => {
  it('compares medians, not single runs', () => {
    expect(speedRatio(measured('crc32', [100e6, 300e6, 110e6], [120e6, 130e6, 900e6]))).toBeCloseTo(130 / 110);
  });

  it('prints one row per kernel with the ratio and the checksum verdict', () => {
    const table = formatSpeedTable([measured('crc32', [100e6], [120e6]), measured('sort', [100e6], [100e6], '0x00000002')]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toContain('| crc32 | 100.0 M | 100 | 1.0 M | 120.0 M | 120 | 1.2 M | 1.20× | 1.20× | yes |');
    expect(table).toContain('| no (0x00000001, 0x00000002) |');
  });

  it('shows why a side has no figures', () => {
    const pending: KernelComparison = { name: 'sort', c: { samples: [sample(100e6)] }, as: { samples: [], failure: 'pending translator' } };
    expect(formatSpeedTable([pending])).toContain('| sort | 100.0 M | 100 | 1.0 M | pending translator | — | — | — | — | — |');
    expect(formatTargetLine([pending])).toBe('target AS/C ≤ 1.5×: met on 0/1 kernels; not measured: sort');
  });

  it('names the kernels that miss the 1.5× target', () => {
    const line = formatTargetLine([measured('crc32', [100e6], [150e6]), measured('sort', [100e6], [151e6])]);
    expect(line).toBe('target AS/C ≤ 1.5×: met on 1/2 kernels; missed: sort 1.51×');
  });

  it('calls a comparison sound only when both sides ran and agree on the checksum', () => {
    expect(isSoundComparison(measured('crc32', [1e6, 2e6], [3e6]))).toBe(true);
    expect(isSoundComparison(measured('crc32', [1e6], [3e6], '0x00000002'))).toBe(false);
    expect(isSoundComparison({ name: 'sort', c: { samples: [sample(1e6)] }, as: { samples: [], failure: 'trap' } })).toBe(false);
  });
});
