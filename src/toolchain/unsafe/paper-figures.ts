/**
 * @fileoverview The seed paper's Table 2 (Lankes, Breitbart, Pickartz:
 * "Exploring Rust for Unikernel Development", PLOS'19): lines of code and of
 * unsafe code in RustyHermit and the crates it uses, to print beside the
 * kernel's own figures. The same numbers are in
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
