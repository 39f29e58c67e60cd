/**
 * @fileoverview A kernel of a few lines for tests of the build path: it has
 * the files the kernel's asc options name (mm/runtime.ts, the abort handler in
 * arch/x86/panic.ts), prints a line on COM1 and halts. It keeps the build
 * tests independent of the real kernel, which changes all the time.
 *
 * Pipeline place: test support only (`kernel-pipeline.test.ts`, and the
 * e2e spec of crash reports, which boots a variant that resets the machine).
 */

/** What the fixture kernel prints on COM1. */
export const FIXTURE_BANNER = 'fixture kernel up';

export interface FixtureOptions {
  readonly banner?: string;
  /** After the banner, pulse the CPU's reset line (0xFE to the keyboard controller) from `resetMachine`. */
  readonly resetAfterBanner?: boolean;
}

/** Path relative to src/kernel/ → text, as the playground's project holds them. */
export function fixtureKernelFiles({ banner = FIXTURE_BANNER, resetAfterBanner = false }: FixtureOptions = {}): Map<string, string> {
  return new Map([
    [
      'main.ts',
      `import { cli, hlt, outb } from "./arch/x86/intrinsics";
import "./arch/x86/panic";

@unsafe("writes COM1's data port") function put(c: u8): void { outb(0x3f8, c); }
@unsafe("cli; hlt: stops the CPU") function halt(): void { cli(); while (true) hlt(); }
@unsafe("pulses the CPU's reset line") function resetMachine(): void { outb(0x64, 0xfe); }

export function _start(multibootInfo: usize): void {
  const banner = ${JSON.stringify(`${banner}\n`)};
  for (let i = 0; i < banner.length; i++) put(<u8>banner.charCodeAt(i));
  ${resetAfterBanner ? 'resetMachine();' : ''}
  halt();
}
`,
    ],
    [
      'arch/x86/intrinsics.ts',
      `@external("x86", "outb") export declare function outb(port: u16, value: u8): void;
@external("x86", "cli") export declare function cli(): void;
@external("x86", "hlt") export declare function hlt(): void;
`,
    ],
    [
      'arch/x86/panic.ts',
      'export function kernelAbort(message: string | null, fileName: string | null, line: u32, column: u32): void { unreachable(); }\n',
    ],
    ['mm/runtime.ts', 'import "~lib/rt/tlsf";\nimport "~lib/rt/itcms";\n'],
  ]);
}
