// markersByFile: diagnostics grouped per kernel file with Monaco's severities; unlocated and library ones left out.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../toolchain/asc/compile.js';
import { markersByFile } from './markers.js';

const at = (file: string, line: number, column: number, severity: Diagnostic['severity'], code = 0): Diagnostic => ({
  file,
  line,
  column,
  severity,
  code,
  message: `${severity} at ${file}:${line}`,
});

describe('markersByFile', () => {
  it('groups per file, maps severities and names asc codes', () => {
    const markers = markersByFile([at('main.ts', 3, 7, 'error', 2322), at('mm/gc.ts', 9, 1, 'warning'), at('main.ts', 5, 0, 'info')]);
    expect([...markers.keys()]).toEqual(['main.ts', 'mm/gc.ts']);
    expect(markers.get('main.ts')).toEqual([
      { severity: 8, message: 'error at main.ts:3', line: 3, column: 7, code: 'AS2322' },
      { severity: 2, message: 'info at main.ts:5', line: 5, column: 1, code: '' },
    ]);
    expect(markers.get('mm/gc.ts')![0].severity).toBe(4);
  });

  it('leaves out diagnostics without a location and those in the standard library', () => {
    expect(markersByFile([at('', 0, 0, 'error'), at('~lib/array.ts', 10, 2, 'error')]).size).toBe(0);
  });
});
