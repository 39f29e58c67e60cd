/**
 * Runs every differential program in V8 at -O0 and -O3 and compares the
 * output with its golden file, so the programs are known good before the
 * translator is judged on them. Regenerate goldens with
 * `npx vitest run test/differential -u` and read the diff before accepting it.
 */
import { describe, expect, it } from 'vitest';
import { OPTIMIZE_LEVELS, PROGRAMS, compileProgram, expectedOutputPath } from './programs.js';
import { runInV8 } from './v8-run.js';

/** Any f32/f64 instruction or value type; the translator refuses floats. */
const FLOAT_INSTRUCTION = /\bf(32|64)\b/;

describe.each(PROGRAMS)('differential program $name', ({ name, exitCode }) => {
  it.each(OPTIMIZE_LEVELS)(`runs in V8 at -O%i with the golden output`, async (optimize) => {
    const result = await compileProgram(name, optimize);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.text).not.toMatch(FLOAT_INSTRUCTION);
    const run = await runInV8(result.wasm!, result.sourceMap);
    await expect(run.output).toMatchFileSnapshot(expectedOutputPath(name));
    expect(run.exitCode).toBe(exitCode);
  });
});
