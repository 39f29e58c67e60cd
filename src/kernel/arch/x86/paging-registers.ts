/**
 * @fileoverview The control registers paging needs, as one-line wrappers:
 * CR3 (the page directory's physical address), CR0.PG (paging on), CR2 (the
 * address of the last page fault) and `invlpg` (drop one stale TLB entry).
 * mm/paging.ts is their only user; the intrinsics are in ./intrinsics.ts.
 */
import { invlpg, read_cr0, read_cr2, read_cr3, write_cr0, write_cr3 } from "./intrinsics";

/** CR0 bit 31: translate addresses through the page tables (Intel SDM vol. 3, 2.5). */
@inline const CR0_PG: u32 = 1 << 31;

/** Makes `directory` (a page-aligned physical address) the current page directory; flushes the TLB. */
@unsafe("writes CR3") export function loadPageDirectory(directory: usize): void { write_cr3(<u32>directory); }

/** The current page directory's physical address (CR3). */
@unsafe("reads CR3") export function currentPageDirectory(): usize { return <usize>(read_cr3() & ~0xfff); }

/** Sets CR0.PG: from the next instruction on, every address goes through the page tables. */
@unsafe("sets CR0.PG") export function enablePaging(): void { write_cr0(read_cr0() | CR0_PG); }

/** Whether CR0.PG is set. */
@unsafe("reads CR0") export function pagingEnabled(): bool { return (read_cr0() & CR0_PG) != 0; }

/** The linear address whose access caused the last page fault (CR2). */
@unsafe("reads CR2") export function faultingAddress(): usize { return <usize>read_cr2(); }

/** Drops the TLB entry for the page holding `address`, after its page-table entry changed. */
@unsafe("invlpg") export function flushPage(address: usize): void { invlpg(address); }
