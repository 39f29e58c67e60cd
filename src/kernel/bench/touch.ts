/**
 * @fileoverview The one raw memory access the benchmarks need: a first write
 * to a page of the demand region, which page-faults and gets a frame
 * (mm/vm.ts). The shell's page-fault storm demo uses it too.
 */

/** Writes one word at the start of the page at `page` (which vmAlloc handed out). */
@unsafe("writes a demand-paged page to make it fault in")
export function touchPage(page: usize): void {
  store<u32>(page, <u32>page);
}
