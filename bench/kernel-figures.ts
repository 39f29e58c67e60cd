/**
 * @fileoverview `npx tsx bench/kernel-figures.ts [image.elf] [--runs N]`: the
 * kernel's figures for docs/performance.md ("Kernel"), printed as Markdown:
 *  - boot to the shell prompt in v86: emulated instructions and wall time
 *    (median of N boots; the wall time includes v86's start-up);
 *  - the image's size;
 *  - Table 3 as the kernel's `bench` command prints it, in v86 and in QEMU
 *    (TCG), with the int 0x80 / function-call getpid ratio.
 * The image defaults to public/images/eduos.elf (`npm run kernel`). A
 * benchmark, not a test: it asserts nothing.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bootInV86, KERNEL_FILE_NAME } from '../src/toolchain/emulator/v86-node.js';
import { qemuAvailable } from '../src/toolchain/emulator/qemu-node.js';

const PROMPT = 'eduos> ';
const BENCH_DONE = /wrong getpid answers: \d+\r?\n/;
const BENCH_TIMEOUT_MS = 300_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One boot that ends at the first prompt: v86's instruction count and the wall time to it. */
async function bootToPrompt(image: Uint8Array): Promise<{ instructions: number; wallMs: number }> {
  const result = await bootInV86(image, { timeoutMs: 60_000, interact: (guest) => guest.waitFor(PROMPT, { timeoutMs: 60_000 }).then(() => {}) });
  if (result.interactionError) throw new Error(result.interactionError);
  return { instructions: result.instructions ?? 0, wallMs: result.wallMs };
}

/** The `bench` table from a v86 boot. */
async function benchInV86(image: Uint8Array): Promise<string> {
  let table = '';
  const result = await bootInV86(image, {
    timeoutMs: BENCH_TIMEOUT_MS,
    interact: async (guest) => {
      await guest.waitFor(PROMPT, { timeoutMs: 60_000 });
      const from = guest.serial().length;
      guest.send('bench\r');
      table = (await guest.waitFor(BENCH_DONE, { from, timeoutMs: BENCH_TIMEOUT_MS })).slice(from);
    },
  });
  if (result.interactionError) throw new Error(result.interactionError);
  return table;
}

/** The `bench` table from QEMU (TCG): COM1 on stdio, the command typed on stdin. */
function benchInQemu(imagePath: string): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'eduos-figures-'));
  copyFileSync(imagePath, join(directory, KERNEL_FILE_NAME));
  return new Promise((resolve, reject) => {
    const qemu = spawn('qemu-system-i386', ['-kernel', KERNEL_FILE_NAME, '-m', '128', '-display', 'none', '-serial', 'stdio',
      '-monitor', 'none', '-no-reboot'], { cwd: directory, stdio: ['pipe', 'pipe', 'ignore'] });
    let output = '';
    let typedAt = -1;
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      qemu.kill('SIGKILL');
      rmSync(directory, { recursive: true, force: true });
      if (error) reject(error);
      else resolve(output.slice(typedAt));
    };
    const timer = setTimeout(() => finish(new Error('QEMU: no bench table in time')), BENCH_TIMEOUT_MS);
    qemu.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('latin1');
      if (typedAt < 0 && output.includes(PROMPT)) {
        typedAt = output.length;
        qemu.stdin.write('bench\r');
      } else if (typedAt >= 0 && BENCH_DONE.test(output.slice(typedAt))) {
        finish();
      }
    });
  });
}

/** The table's lines from `Table 3` on, as a Markdown code block. */
function tableBlock(output: string): string {
  const start = output.indexOf('Table 3');
  const lines = output.slice(start).replace(/\r/g, '').split('\n').filter((line) => line.length > 0 && !line.startsWith(PROMPT));
  return ['```', ...lines, '```'].join('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string' } } });
  const imagePath = positionals[0] ?? 'public/images/eduos.elf';
  const runs = Number(values.runs ?? 3);
  const image = new Uint8Array(readFileSync(imagePath));
  const boots = [];
  for (let run = 0; run < runs; run++) boots.push(await bootToPrompt(image));
  const v86Table = await benchInV86(image);
  const qemuTable = qemuAvailable() ? await benchInQemu(imagePath) : 'QEMU not installed';
  const load = loadavg()[0].toFixed(1);
  process.stdout.write([
    `**Command:** \`npx tsx bench/kernel-figures.ts ${imagePath} --runs ${runs}\`. **Date:** ${new Date().toISOString().slice(0, 10)}, ` +
      `${new Date().toISOString().slice(11, 16)} UTC, load average ${load} (1 min).`,
    '',
    '| figure | value |',
    '|---|---:|',
    `| image size (\`${imagePath}\`) | ${statSync(imagePath).size.toLocaleString('en-US')} bytes |`,
    `| boot to shell prompt, v86: emulated instructions (median of ${runs}) | ${median(boots.map((b) => b.instructions)).toLocaleString('en-US')} |`,
    `| boot to shell prompt, v86: wall time incl. emulator start-up (median of ${runs}) | ${Math.round(median(boots.map((b) => b.wallMs)))} ms |`,
    '',
    'Table 3 in v86 (the `bench` shell command, idle system):',
    '',
    tableBlock(v86Table),
    '',
    'Table 3 in QEMU (TCG, no KVM):',
    '',
    qemuAvailable() ? tableBlock(qemuTable) : qemuTable,
    '',
  ].join('\n'));
}

await main();
