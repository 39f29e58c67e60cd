/**
 * The eduOS-ts shell driven over COM1 in v86, one boot for the whole file: a
 * scripted session runs the commands and demos once (beforeAll), keeping each
 * command's output and a decoded introspection descriptor read from guest
 * memory while busy tasks run; the tests then check what the session saw.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootInV86, type BootResult, type GuestConsole } from '../../src/toolchain/emulator/v86-node.js';
import { decodeDescriptor, type KernelDescriptor } from '../../src/kernel-abi/descriptor.js';
import { kernelImage } from './kernel-image.js';

const PROMPT = 'eduos> ';
const TIMER_HZ = 100;

/** What the session saw: each command's output (keyed by the command line), the descriptor, the run. */
const outputs = new Map<string, string>();
let descriptor: KernelDescriptor;
/** The descriptor read while two busy tasks of equal priority share the CPU (so context switches are recent). */
let sharingDescriptor: KernelDescriptor;
/** The descriptor read at the end of the session, after the page-fault storm and the benchmarks. */
let finalDescriptor: KernelDescriptor;
let run: BootResult;

/** Types `line` and resolves with what the kernel printed until the next prompt. */
async function command(guest: GuestConsole, line: string, timeoutMs = 30_000): Promise<string> {
  const from = guest.serial().length;
  guest.send(`${line}\r`);
  const all = await guest.waitFor(PROMPT, { from: from + line.length + 1, timeoutMs });
  const output = all.slice(from + line.length + 1, all.lastIndexOf(PROMPT)); // after the echoed line and its newline
  outputs.set(line, output);
  return output;
}

/** Resolves with the output from now on once it matches `pattern`. */
async function waitForOutput(guest: GuestConsole, pattern: RegExp, timeoutMs: number): Promise<string> {
  const from = guest.serial().length;
  return (await guest.waitFor(pattern, { from, timeoutMs })).slice(from);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ids in "spawned NAME (id N, …)" lines. */
function spawnedIds(output: string): number[] {
  return [...output.matchAll(/spawned \S+ \(id (\d+),/g)].map((match) => Number(match[1]));
}

async function session(guest: GuestConsole): Promise<void> {
  await guest.waitFor(PROMPT, { timeoutMs: 30_000 });
  await command(guest, 'ps');
  outputs.set('sleeper', await (async () => {
    const from = guest.serial().length;
    await command(guest, 'spawn sleeper');
    return (await guest.waitFor(/(sleeper: slept.*\n[^]*){3}/, { from, timeoutMs: 30_000 })).slice(from);
  })());
  const equal = spawnedIds(await command(guest, 'spawn busy'));
  await pause(1500);
  sharingDescriptor = decodeDescriptor(guest.readMemory);
  await command(guest, 'ps'); // overwritten below; the busy one is kept under its own key
  outputs.set('ps busy', outputs.get('ps')!);
  for (const id of equal) await command(guest, `kill ${id}`);
  const unequal = spawnedIds(await command(guest, 'spawn prio'));
  await pause(1500);
  descriptor = decodeDescriptor(guest.readMemory);
  await command(guest, 'ps');
  outputs.set('ps prio', outputs.get('ps')!);
  for (const id of unequal) await command(guest, `kill ${id}`);
  for (const kind of ['div', 'ptr', 'stack']) await command(guest, `crash ${kind}`);
  await command(guest, 'spawn storm');
  outputs.set('storm', await waitForOutput(guest, /storm: .*\n/, 240_000));
  await command(guest, 'spawn churn');
  outputs.set('churn', await waitForOutput(guest, /churn: .*\n/, 120_000));
  for (const line of ['mem', 'pt 0x400000', 'idt', 'gc', 'bench', 'ps']) await command(guest, line, 120_000);
  finalDescriptor = decodeDescriptor(guest.readMemory);
}

beforeAll(async () => {
  run = await bootInV86(await kernelImage(), { timeoutMs: 600_000, interact: session });
}, 660_000);

/** The line of `text` in src/kernel/shell/crash.ts (1-based). */
function crashSourceLine(text: string): number {
  const lines = readFileSync(new URL('../../src/kernel/shell/crash.ts', import.meta.url), 'utf8').split('\n');
  return lines.findIndex((line) => line.includes(text)) + 1;
}

/** `ps` rows as {id, name, priority, state, ticks}. */
function psRows(output: string) {
  return [...output.matchAll(/^\s*(\d+) (\S+)\s+(\d) (\w+)\s+(\d+)$/gm)].map((m) => ({
    id: Number(m[1]), name: m[2], priority: Number(m[3]), state: m[4], ticks: Number(m[5]),
  }));
}

describe('the shell in v86', () => {
  it('ran the whole session', () => {
    expect(run.interactionError).toBeUndefined();
    expect(run.crash).toBeUndefined();
  });

  it('boots to the banner and the prompt', () => {
    expect(run.serial.startsWith('eduOS-ts 0.1.0 booting\nHello from eduOS-ts!\n')).toBe(true);
    expect(run.serial).toContain(`type \`help\` for the commands\n${PROMPT}`);
  });

  it('ps lists idle and the shell with their priorities, then the demos', () => {
    const first = psRows(outputs.get('ps busy')!);
    expect(first).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 0, name: 'idle', priority: 0 }),
      expect.objectContaining({ name: 'shell', priority: 3, state: 'running' }),
      expect.objectContaining({ name: 'busy-a', priority: 2 }),
      expect.objectContaining({ name: 'busy-b', priority: 2 }),
    ]));
  });

  it('two busy tasks of equal priority both progress under preemption', () => {
    const rows = psRows(outputs.get('ps busy')!);
    const a = rows.find((row) => row.name === 'busy-a')!;
    const b = rows.find((row) => row.name === 'busy-b')!;
    expect(a.ticks).toBeGreaterThan(10);
    expect(b.ticks).toBeGreaterThan(10);
    expect(Math.max(a.ticks, b.ticks) / Math.min(a.ticks, b.ticks)).toBeLessThan(1.5);
  });

  it('a busy task of higher priority takes the CPU from a lower one', () => {
    const rows = psRows(outputs.get('ps prio')!);
    const high = rows.find((row) => row.name === 'busy-high')!;
    const low = rows.find((row) => row.name === 'busy-low')!;
    expect(high.priority).toBeGreaterThan(low.priority);
    expect(high.ticks).toBeGreaterThan(10);
    expect(low.ticks).toBe(0);
  });

  it('a sleeper wakes on time: 500 ms are 50 ticks at 100 Hz, give or take one', () => {
    const sleeps = [...outputs.get('sleeper')!.matchAll(/slept 500 ms: (\d+) ticks \(asked (\d+)\)/g)];
    expect(sleeps).toHaveLength(3);
    for (const [, took, asked] of sleeps) {
      expect(Number(asked)).toBe(500 * TIMER_HZ / 1000);
      expect(Number(took)).toBeGreaterThanOrEqual(Number(asked));
      expect(Number(took)).toBeLessThanOrEqual(Number(asked) + 1);
    }
  });

  it('reports each crash demo with its vector and source line, and the kernel lives on', () => {
    expect(outputs.get('crash div')).toContain('!!! exception 0 Divide Error');
    expect(outputs.get('crash div')).toContain(`(shell/crash.ts:${crashSourceLine('quotient = dividend / divisor')})`);
    expect(outputs.get('crash ptr')).toMatch(/!!! exception 14 Page Fault \(error 0x0002: write, not-present, supervisor\)/);
    expect(outputs.get('crash ptr')).toContain(`(shell/crash.ts:${crashSourceLine('store<u32>(address, 0xdead)')})`);
    expect(outputs.get('crash ptr')).toContain('cr2 0xdeadb000');
    expect(outputs.get('crash stack')).toContain('call stack exhausted');
    expect(outputs.get('crash stack')).toContain(`(shell/crash.ts:${crashSourceLine('return recurse(depth + 1)')})`);
    for (const kind of ['div', 'ptr', 'stack']) {
      expect(outputs.get(`crash ${kind}`)).toMatch(new RegExp(`task \\d+ "crash-${kind}" killed\\n`));
      expect(outputs.get(`crash ${kind}`)).toContain('the kernel goes on');
    }
    expect(psRows(outputs.get('ps')!).map((row) => row.name)).toEqual(['idle', 'shell']);
  });

  it('maps 100,000 pages on demand and gets every frame back', () => {
    const [, faults, before, after] = outputs.get('storm')!.match(/storm: (\d+) page faults .* frames free before (\d+) after (\d+)/)!;
    expect(Number(faults)).toBe(100_000);
    expect(after).toBe(before);
    expect(outputs.get('mem')).toMatch(/demand: (\d{6,}) page faults handled/);
  });

  it('gets every frame and heap byte back after 1,000 spawn/exit cycles', () => {
    const [, cycles, failed, heapBefore, heapAfter, framesBefore, framesAfter] = outputs.get('churn')!
      .match(/churn: (\d+) spawn\/exit cycles \((\d+) failed\); heap used before (\d+) after (\d+); frames free before (\d+) after (\d+)/)!;
    expect([Number(cycles), Number(failed)]).toEqual([1000, 0]);
    expect(heapAfter).toBe(heapBefore);
    expect(framesAfter).toBe(framesBefore);
  });

  it('walks the page tables and lists the interrupt vectors', () => {
    expect(outputs.get('pt 0x400000')).toMatch(/PTE 0x00400\w{3} {2}frame 0x00400000 \[P RW/);
    expect(outputs.get('pt 0x400000')).toContain('-> physical 0x00400000');
    expect(outputs.get('idt')).toMatch(/ 14 0x0e Page Fault\s+0x[0-9a-f]{8} {2}fn #\d+/);
    expect(outputs.get('idt')).toMatch(/128 0x80 system call \(int 0x80\)\s+0x[0-9a-f]{8}/);
  });

  it('prints every benchmark row beside the paper, and getpid answers right on both paths', () => {
    const bench = outputs.get('bench')!;
    for (const [row, linux] of [['getpid\\(\\) function call', 1962], ['getpid\\(\\) int 0x80', 1962],
      ['sched_yield\\(\\)', 2428], ['thread creation', 9782], ['page fault handling', 6969]] as const) {
      expect(bench).toMatch(new RegExp(`^${row}\\s+\\d+\\s+[1-9]\\d*\\s+${linux}\\s+\\d+\\s+\\d+$`, 'm'));
    }
    expect(bench).toMatch(/int 0x80 \/ function-call getpid: \d+\.\dx .*wrong getpid answers: 0/);
  });

  it('decodes the introspection descriptor from guest memory while the kernel runs', () => {
    expect(descriptor.version).toBe(1);
    expect(descriptor.timerHz).toBe(TIMER_HZ);
    const names = descriptor.tasks.map((task) => task.name);
    expect(names).toEqual(expect.arrayContaining(['idle', 'shell', 'busy-high', 'busy-low']));
    expect(descriptor.tasks.find((task) => task.name === 'busy-low')).toMatchObject({ priority: 1, cpuTicks: 0 });
    expect(descriptor.currentTaskId).not.toBeNull();
    const low = descriptor.tasks.find((task) => task.name === 'busy-low')!;
    expect(descriptor.readyQueues[1]).toContain(low.id);
    expect(descriptor.statistics.framesTotal).toBe(descriptor.statistics.framesFree + descriptor.statistics.framesUsed);
    expect(descriptor.statistics.framesTotal).toBeGreaterThan(20_000);
    expect(descriptor.events).toHaveLength(128);
    const kinds = new Set(sharingDescriptor.events.map((event) => event.kind));
    expect(kinds).toContain('interrupt');
    expect(kinds).toContain('context switch');
    const timer = descriptor.events.filter((event) => event.kind === 'interrupt' && event.argument === 32);
    expect(timer.length).toBeGreaterThan(0);
    const stamps = descriptor.events.map((event) => event.timestamp);
    expect(stamps.every((stamp, index) => index === 0 || stamp >= stamps[index - 1])).toBe(true);
  });

  it('counts every interrupt per vector in the descriptor', () => {
    const before = descriptor.vectorCounts!;
    const after = finalDescriptor.vectorCounts!;
    expect(after).toHaveLength(256);
    expect(before[32], 'timer interrupts by the prio demo').toBeGreaterThan(100);
    expect(after[32], 'the timer keeps counting').toBeGreaterThan(before[32]);
    expect(after[14] - before[14], 'page faults of the 100,000-fault storm').toBeGreaterThanOrEqual(100_000);
    expect(after[0x80], 'int 0x80 system calls of the benchmarks').toBeGreaterThan(0);
    expect(after[36], 'COM1 interrupts of the typed commands').toBeGreaterThan(0);
    expect(after[0], '`crash div` is a translator trap (arch/x86/traps.ts), not vector 0').toBe(0);
    expect(after[1], 'no debug exceptions').toBe(0);
  });

  it('publishes where each switched-out task saved its stack pointer', () => {
    const waiting = descriptor.tasks.filter((task) => task.id !== descriptor.currentTaskId && task.stackBase !== 0);
    expect(waiting.length).toBeGreaterThan(0);
    for (const task of waiting) {
      expect(task.savedStackPointer, task.name).toBeGreaterThanOrEqual(task.stackBase);
      expect(task.savedStackPointer, task.name).toBeLessThan(task.stackBase + task.stackSize);
    }
  });
});
