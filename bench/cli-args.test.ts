import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNS, parseBenchArgs } from './cli-args.js';
import { KERNEL_NAMES } from './kernels.js';

describe('parseBenchArgs', () => {
  it('measures every kernel DEFAULT_RUNS times by default', () => {
    expect(parseBenchArgs([])).toEqual({ runs: DEFAULT_RUNS, kernels: [...KERNEL_NAMES] });
  });
  it('takes --runs and --only', () => {
    expect(parseBenchArgs(['--runs', '5', '--only', 'sieve'])).toEqual({ runs: 5, kernels: ['sieve'] });
  });
  it('refuses an unknown kernel, a zero run count and unknown flags', () => {
    expect(() => parseBenchArgs(['--only', 'fib'])).toThrow(/usage/);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/usage/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/usage/);
  });
});
