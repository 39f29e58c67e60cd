// Address → symbol → source line over a hand-written debug JSON: functions, runtime routines, gaps.
import { describe, expect, it } from 'vitest';
import { DebugSymbols, formatSymbol, type DebugInfo } from './debug-symbols.js';

const INFO = {
  version: 1,
  entry: 0x1000,
  textStart: 0x1000,
  textEnd: 0x1400,
  dataStart: 0x800,
  files: ['console.ts', 'arch/x86/interrupts.ts'],
  functions: [
    { index: 0, name: 'console/print', start: 0x1100, end: 0x1180, file: 0, line: 5 },
    { index: 1, name: 'arch/x86/interrupts/interrupt_handler', start: 0x1200, end: 0x1300, file: 1, line: 40 },
  ],
  lines: [0x1100, 1, 0, 5, 0x1110, 9, -1, 0, 0x1120, 12, 0, 7, 0x1200, 30, 1, 41],
  globals: [],
  tables: [],
  memory: { base: 0, initialPages: 1, maxPages: 1, sizeVariable: 0x800 },
  data: [],
  runtime: { isr_stubs: 0x1000, isr_common: 0x1300 },
} satisfies DebugInfo;

describe('DebugSymbols', () => {
  const symbols = new DebugSymbols(INFO);

  it('names a function and the source line of the code at the address', () => {
    expect(symbols.symbolize(0x1124)).toEqual({ name: 'console/print', offset: 0x24, file: 'console.ts', line: 7 });
    expect(formatSymbol(symbols.symbolize(0x1124))).toBe('console/print+0x24 (console.ts:7)');
    // Code without a line of its own (compiler-made) belongs to the line before it in the same function.
    expect(symbols.symbolize(0x1114)).toEqual({ name: 'console/print', offset: 0x14, file: 'console.ts', line: 5 });
    expect(symbols.symbolize(0x1104)).toEqual({ name: 'console/print', offset: 0x4, file: 'console.ts', line: 5 });
  });

  it('names runtime routines up to the next symbol, without a source line', () => {
    expect(symbols.symbolize(0x1360)).toEqual({ name: 'runtime:isr_common', offset: 0x60 });
    expect(formatSymbol(symbols.symbolize(0x1000 + 14 * 16))).toBe('runtime:isr_stubs+0xe0');
  });

  it('has nothing for addresses outside the code, or between a function’s end and the next symbol', () => {
    expect(symbols.symbolize(0xfff)).toBeNull();
    expect(symbols.symbolize(0x1400)).toBeNull();
    expect(symbols.symbolize(0x1190)).toBeNull();
  });

  it('finds a function by the last part of its name', () => {
    expect(symbols.functionNamed('interrupt_handler')).toEqual({
      name: 'arch/x86/interrupts/interrupt_handler',
      offset: 0,
      file: 'arch/x86/interrupts.ts',
      line: 40,
    });
    expect(symbols.functionNamed('nope')).toBeNull();
    // Without a line of its own (the translator could not place it), the function's first located instruction tells.
    expect(symbols.functionNamed('print')).toEqual({ name: 'console/print', offset: 0, file: 'console.ts', line: 5 });
    const unplaced = new DebugSymbols({ ...INFO, functions: [{ index: 0, name: 'console/print', start: 0x1100, end: 0x1180 }] });
    expect(unplaced.functionNamed('print')).toEqual({ name: 'console/print', offset: 0, file: 'console.ts', line: 5 });
  });

  it('places a function in the file its name declares it in, not that of code inlined before its own', () => {
    // interrupt_handler's first instruction comes from console.ts (inlined); its own code follows at line 41.
    const inlinedFirst = new DebugSymbols({
      ...INFO,
      functions: [{ index: 1, name: 'arch/x86/interrupts/interrupt_handler', start: 0x1200, end: 0x1300 }],
      lines: [0x1200, 1, 0, 9, 0x1210, 2, 1, 41],
    });
    expect(inlinedFirst.functionNamed('interrupt_handler')).toEqual({
      name: 'arch/x86/interrupts/interrupt_handler',
      offset: 0,
      file: 'arch/x86/interrupts.ts',
      line: 41,
    });
  });
});
