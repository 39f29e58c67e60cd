/**
 * @fileoverview The seed paper's Tables 1 and 2 (Lankes, Breitbart, Pickartz:
 * "Exploring Rust for Unikernel Development", PLOS'19): why each part of
 * RustyHermit needs unsafe code (Table 1), and lines of code and of unsafe
 * code in RustyHermit and the crates it uses (Table 2), to show beside the
 * kernel's own figures (`npm run unsafe-report`, the playground's unsafe
 * panel). The same numbers are in
 * shared/reference/rustyhermit-plos19.json.
 */

export interface PaperTable2Row {
  crate: string;
  loc: number;
  louc: number;
  sharePct: number;
}

export const PAPER_TABLE2: readonly PaperTable2Row[] = [
  { crate: 'RustyHermit', loc: 8834, louc: 255, sharePct: 2.89 },
  { crate: 'bitflags', loc: 746, louc: 0, sharePct: 0.0 },
  { crate: 'log', loc: 686, louc: 3, sharePct: 0.44 },
  { crate: 'spin', loc: 760, louc: 24, sharePct: 3.16 },
  { crate: 'x86_64', loc: 4515, louc: 314, sharePct: 6.95 },
  { crate: 'cpuid', loc: 4264, louc: 36, sharePct: 0.84 },
  { crate: 'multiboot', loc: 159, louc: 20, sharePct: 12.58 },
  { crate: 'Total', loc: 19964, louc: 652, sharePct: 3.27 },
];

/**
 * Kernel modules whose job one of the paper's crates does: the hardware
 * layer (x86_64, with the Multiboot parsing in the multiboot crate) and the
 * locks (spin). The rest of the kernel corresponds to the RustyHermit crate.
 */
export const PAPER_CRATE_BY_MODULE: Readonly<Record<string, string>> = { 'arch/x86': 'x86_64', synch: 'spin' };

export function paperRow(crate: string): PaperTable2Row | undefined {
  return PAPER_TABLE2.find((row) => row.crate === crate);
}

/** The paper's target for the kernel's unsafe share (issue #3: at most 5 %; the paper's own total is 3.27 %). */
export const UNSAFE_SHARE_TARGET_PCT = 5;

/** The crate of the paper's Table 2 that does a kernel module's job: PAPER_CRATE_BY_MODULE's, else RustyHermit. */
export function paperCrateOf(module: string): PaperTable2Row {
  return paperRow(PAPER_CRATE_BY_MODULE[module] ?? 'RustyHermit')!;
}

/** A row of the paper's Table 1: why a part of RustyHermit needs unsafe code. */
export interface PaperTable1Row {
  module: string;
  reasons: readonly string[];
}

export const PAPER_TABLE1: readonly PaperTable1Row[] = [
  { module: 'Startup code', reasons: ['Assembly to use control registers'] },
  { module: 'Scheduler', reasons: ['Access to a static task table'] },
  { module: 'Dispatcher', reasons: ['Assembly to store the context'] },
  { module: 'Memory management', reasons: ['Assembly to manage the MMU', 'Access to static data', 'Raw pointer manipulation'] },
  { module: 'Synchronization', reasons: ['Access to the protected data'] },
  { module: 'I/O', reasons: ['Assembly to use machine specific registers and I/O access ports'] },
];

/**
 * The rows of Table 1 about the parts of RustyHermit a kernel module
 * corresponds to: the hardware layer holds the startup code, the context
 * switch and the I/O drivers; modules without a counterpart have none.
 */
export const PAPER_TABLE1_BY_MODULE: Readonly<Record<string, readonly string[]>> = {
  'arch/x86': ['Startup code', 'Dispatcher', 'I/O'],
  mm: ['Memory management'],
  scheduler: ['Scheduler'],
  synch: ['Synchronization'],
};

/** The paper's Table 1 rows for `module` (empty when no part of RustyHermit matches it). */
export function paperReasonsOf(module: string): PaperTable1Row[] {
  const names = PAPER_TABLE1_BY_MODULE[module] ?? [];
  return PAPER_TABLE1.filter((row) => names.includes(row.module));
}
