// The `npm run unsafe-report` command (src/toolchain/cli/unsafe-report.ts),
// run as a real process over small kernels written to a temporary directory:
// violations first, the table, `Total <LOC> <LOUC> <share>%` last, status 1
// on violations.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'unsafe-report-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function kernel(name: string, files: Record<string, string>): string {
  const directory = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), text);
  }
  return directory;
}

/** `npm run unsafe-report -- …` is `tsx src/toolchain/cli/unsafe-report.ts …`. */
function unsafeReport(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/toolchain/cli/unsafe-report.ts', ...args], {
    timeout: 300_000,
    encoding: 'utf8',
  });
  return { ...result, lines: result.stdout.trimEnd().split('\n') };
}

const INTRINSICS = '@external("x86", "outb") export declare function outb(port: u16, value: u8): void;\n';
const WRAPPER = [
  'import { outb } from "./intrinsics";',
  '@unsafe("writes a device register")',
  'export function writePort(port: u16, value: u8): void {',
  '  outb(port, value);',
  '}',
].join('\n');
const MAIN = [
  'import { outb } from "./arch/x86/intrinsics";',
  'import { writePort } from "./arch/x86/port";',
  '// entry',
  'export function _start(): void {',
  '  writePort(0x3f8, 65); // through the wrapper: fine',
  '  outb(0x3f8, 66); // directly: a violation',
  '}',
].join('\n');

describe('npm run unsafe-report', () => {
  // One process for all assertions: each run loads asc's parser, and with it Binaryen (seconds; a minute and more
  // on a machine that is busy building kernels).
  let run: ReturnType<typeof unsafeReport>;
  beforeAll(() => {
    run = unsafeReport('--dir', kernel('kernel', { 'arch/x86/intrinsics.ts': INTRINSICS, 'arch/x86/port.ts': WRAPPER, 'main.ts': MAIN }));
  }, 300_000);

  it('prints violations first as file:line:column errors and exits with status 1', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.lines[0]).toMatch(/^\S*kernel\/main\.ts:6:3: error: outb\(\) does port I\/O \(x86 intrinsic "outb"\) outside an @unsafe function \(/);
    expect(run.lines[1]).toBe('');
  });

  it('prints LOC, unsafe LOC and share per module, beside the paper where a crate matches', () => {
    expect(run.lines.find((line) => line.startsWith('arch/x86'))).toMatch(/^arch\/x86\s+2\s+6\s+4\s+66\.67%\s+x86_64 crate 4515 LOC, 314 unsafe, 6\.95%$/);
    expect(run.lines.find((line) => /^\.\s/.test(line))).toMatch(/^\.\s+1\s+6\s+0\s+0\.00%$/);
  });

  it('ends with the Total line', () => {
    expect(run.lines.at(-1)).toBe('Total 12 4 33.33%');
  });
});
