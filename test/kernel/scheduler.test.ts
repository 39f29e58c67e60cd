/**
 * Tasks, system calls and exceptions in the real kernel image, booted in v86:
 * the kernel runs a scripted scenario named on the Multiboot command line
 * (`test=NAME`, src/kernel/scenarios/), prints `NAME: …` lines on COM1 and
 * exits through port 0xf4; these tests read the lines. Also the console's
 * echo of a line typed on COM1.
 *
 * v86's timer follows wall-clock time, so on a loaded machine the scenarios
 * take seconds: the timeouts are generous, the assertions are about order and
 * counts, not speed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileAssemblyScript } from '../../src/toolchain/asc/compile.js';
import { KERNEL_TRANSLATE_OPTIONS, kernelAscOptions } from '../../src/toolchain/asc/kernel-build.js';
import { readAscSources } from '../../src/toolchain/asc/kernel-sources-node.js';
import { translate } from '../../src/toolchain/translate.js';
import { bootInV86, type BootResult } from '../../src/toolchain/emulator/v86-node.js';

const SCENARIO_TIMEOUT_MS = 60_000;
let image: Uint8Array;

beforeAll(async () => {
  const compiled = await compileAssemblyScript(readAscSources(), kernelAscOptions(3));
  image = translate(compiled.wasm!, { ...KERNEL_TRANSLATE_OPTIONS, sourceMap: compiled.sourceMap }).elf;
}, 120_000);

async function runScenario(name: string): Promise<BootResult> {
  const result = await bootInV86(image, { cmdline: `test=${name}`, timeoutMs: SCENARIO_TIMEOUT_MS });
  expect(result.crash).toBeUndefined();
  expect(result.timedOut).toBe(false);
  expect(result.exitCode).toBe(0);
  return result;
}

/** The numbers of each COM1 line matching `pattern`, in order. */
function numbersOf(serial: string, pattern: RegExp): number[][] {
  return [...serial.matchAll(new RegExp(pattern, 'g'))].map((match) => match.slice(1).map(Number));
}

describe('the scheduler', () => {
  it('shares the CPU between two busy tasks of equal priority, and lets a higher priority win', async () => {
    const { serial } = await runScenario('sched');
    const [equal, unequal] = numbersOf(serial, /sched: priorities (\d+),(\d+) counts (\d+),(\d+)/);
    expect(equal.slice(0, 2)).toEqual([2, 2]);
    expect(equal[2]).toBeGreaterThan(0);
    expect(equal[3]).toBeGreaterThan(0);
    expect(unequal.slice(0, 2)).toEqual([2, 1]);
    expect(unequal[2]).toBeGreaterThan(0);
    expect(unequal[3]).toBe(0);
  }, SCENARIO_TIMEOUT_MS + 10_000);

  it('wakes sleepers on time, within one tick, and join returns the exit code', async () => {
    const { serial } = await runScenario('sleep');
    const sleeps = numbersOf(serial, /sleep: (\d+) ms expected (\d+) ticks took (\d+)/);
    expect(sleeps.map(([ms]) => ms)).toEqual([10, 100, 250]);
    for (const [, expected, took] of sleeps) expect(Math.abs(took - expected)).toBeLessThanOrEqual(1);
    const [[joinedAfter, code]] = numbersOf(serial, /sleep: joined sleeper after (\d+) ticks, exit code (-?\d+)/);
    expect(Math.abs(joinedAfter - 20)).toBeLessThanOrEqual(1);
    expect(code).toBe(0);
  }, SCENARIO_TIMEOUT_MS + 10_000);
});

describe('system calls', () => {
  it('gives the same answer by function call and through int 0x80', async () => {
    const { serial } = await runScenario('syscall');
    const pids = numbersOf(serial, /syscall: getpid function (\d+) int80 (\d+)/);
    expect(pids).toHaveLength(2);
    for (const [byCall, byInterrupt] of pids) expect(byInterrupt).toBe(byCall);
    expect(pids[0][0]).not.toBe(pids[1][0]);
    const [[uptimeCall, uptimeInterrupt]] = numbersOf(serial, /syscall: uptime function (\d+) int80 (\d+)/);
    expect(uptimeInterrupt - uptimeCall).toBeGreaterThanOrEqual(0);
    expect(uptimeInterrupt - uptimeCall).toBeLessThanOrEqual(1);
    expect(serial).toContain('syscall: unknown number gives -38\n');
  }, SCENARIO_TIMEOUT_MS + 10_000);
});

describe('faults in tasks', () => {
  it('reports each with its vector and source, kills the task, and the kernel goes on', async () => {
    const { serial } = await runScenario('crash');
    expect(serial).toMatch(/!!! exception 0 Divide Error.*\n {4}in shell\/crash\/divideByZero \(shell\/crash\.ts:\d+\)\n {4}task \d+ "crash-div" killed\n/);
    expect(serial).toContain('crash: crash-div exit code 128\n');
    expect(serial).toMatch(/!!! exception 3 Breakpoint\n {4}at 0x[0-9a-f]{8} in scenarios\/crashes\/breakpoint \([\w/.-]+\.ts:\d+\)\n {4}task \d+ "crash-int3" killed\n/);
    expect(serial).toContain('crash: crash-int3 exit code 131\n');
    expect(serial).toMatch(/!!! abort: argument must be zero\n {4}in scenarios\/crashes\.ts:\d+:\d+\n {4}task \d+ "crash-assert" killed\n/);
    expect(serial).toMatch(/!!! trap: call stack exhausted\n {4}in scenarios\/crashes\/recurse \(scenarios\/crashes\.ts:\d+\)\n {4}task \d+ "crash-stack" killed\n/);
    expect(serial).toContain('crash: kernel alive\n');
  }, SCENARIO_TIMEOUT_MS + 10_000);
});

describe('console input', () => {
  it('takes a line typed on COM1 (interrupt-driven) and echoes it at the shell prompt', async () => {
    const result = await bootInV86(image, { timeoutMs: 10_000, serialInput: 'hello\r' });
    expect(result.serial).toContain('eduos> hello\n');
  }, 30_000);

  it('takes a command typed on the PS/2 keyboard (IRQ 1, scancode set 1, Shift) and runs it', async () => {
    // Each key is pressed and released (release = press | 0x80); Left Shift (0x2a) is held for the capital letter.
    const key = (code: number) => [code, code | 0x80];
    const P = 0x19, S = 0x1f, X = 0x2d, SPACE = 0x39, ENTER = 0x1c, LEFT_SHIFT = 0x2a;
    let output = '';
    const result = await bootInV86(image, {
      timeoutMs: 30_000,
      interact: async (guest) => {
        await guest.waitFor('eduos> ', { timeoutMs: 20_000 });
        guest.pressKeys([...key(X), LEFT_SHIFT, ...key(X), LEFT_SHIFT | 0x80, ...key(ENTER)]); // "xX": unknown command
        guest.pressKeys([...key(P), ...key(S), ...key(SPACE), ...key(ENTER)]);
        output = await guest.waitFor(/^\s*0 idle\s+0 /m, { timeoutMs: 20_000 });
      },
    });
    expect(result.interactionError, result.serial).toBeUndefined();
    expect(output).toContain('eduos> xX\n');
    expect(output).toContain('eduos> ps \n');
    expect(output).toContain('xX: no such command');
  }, 40_000);
});
