/**
 * @fileoverview The machine's hardware as the page holds it when v86 runs in
 * a worker: the CPU's registers and those pages of guest RAM the panels
 * read, as the worker last sent them (a `HardwareSnapshot`). It answers
 * `Hardware`'s synchronous reads, so the panels' decoders run on it
 * unchanged, and notes each page a read wanted that the snapshot lacked;
 * `WatchedPages` asks for those in the next snapshot.
 *
 * Why pages, not all of RAM: a snapshot is copied between threads up to 15
 * times a second, and the panels read a few dozen pages of 64 MiB (the IDT,
 * the GDT, the page directory and tables, the kernel's descriptor, task
 * table, event ring and task stacks).
 *
 * Pipeline place: `remote-machine.ts` builds one from each snapshot that
 * `machine-host.ts` answers in the worker (`snapshotOf`).
 */
import type { CpuState } from '../../decoders/cpu-state.js';
import type { Hardware } from '../hardware.js';

export const PAGE_BYTES = 4096;

/** What the worker sends: the registers, the size of RAM, and the pages asked for (page number → its bytes). */
export interface HardwareSnapshot {
  readonly cpu: CpuState;
  readonly memoryBytes: number;
  readonly pages: ReadonlyMap<number, Uint8Array>;
}

/** The page numbers `length` bytes at physical `address` span (none for an empty read). */
export function pagesSpanned(address: number, length: number): number[] {
  if (length <= 0) return [];
  const first = Math.floor((address >>> 0) / PAGE_BYTES);
  const last = Math.floor(((address >>> 0) + length - 1) / PAGE_BYTES);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** In the worker: the snapshot of `hardware` with `pages` (those beyond RAM left out). */
export function snapshotOf(hardware: Hardware, pages: Iterable<number>): HardwareSnapshot {
  const held = new Map<number, Uint8Array>();
  for (const page of pages) {
    if (page * PAGE_BYTES < hardware.memoryBytes) held.set(page, hardware.readPhysical(page * PAGE_BYTES, PAGE_BYTES));
  }
  return { cpu: hardware.cpu(), memoryBytes: hardware.memoryBytes, pages: held };
}

/** `Hardware` over one snapshot; bytes of pages it lacks read as 0, and `missingPages` lists those pages. */
export class HardwareMirror implements Hardware {
  private readonly missing = new Set<number>();

  constructor(private readonly snapshot: HardwareSnapshot) {}

  get memoryBytes(): number {
    return this.snapshot.memoryBytes;
  }

  cpu(): CpuState {
    return this.snapshot.cpu;
  }

  readPhysical = (address: number, length: number): Uint8Array => {
    const bytes = new Uint8Array(length);
    const start = address >>> 0;
    for (const page of pagesSpanned(start, Math.min(length, Math.max(0, this.memoryBytes - start)))) {
      const held = this.snapshot.pages.get(page);
      if (!held) {
        this.missing.add(page);
        continue;
      }
      const from = Math.max(start, page * PAGE_BYTES);
      const to = Math.min(start + length, (page + 1) * PAGE_BYTES);
      bytes.set(held.subarray(from - page * PAGE_BYTES, to - page * PAGE_BYTES), from - start);
    }
    return bytes;
  };

  /** The pages reads wanted that the snapshot did not hold, in the order first wanted. */
  missingPages(): number[] {
    return [...this.missing];
  }
}

/**
 * The pages the page asks the worker for: every page a read has wanted since the machine booted (the panels read
 * the same tables again and again, so one miss is paid once), up to `limit` pages (the translate box can be
 * pointed anywhere; the oldest wanted page goes first).
 */
export class WatchedPages {
  private readonly pages = new Set<number>();

  constructor(private readonly limit = 256) {}

  list(): number[] {
    return [...this.pages];
  }

  /** Adds `pages`; returns whether any was new. */
  add(pages: readonly number[]): boolean {
    let added = false;
    for (const page of pages) {
      if (this.pages.has(page)) continue;
      this.pages.add(page);
      added = true;
      if (this.pages.size > this.limit) this.pages.delete(this.pages.values().next().value!);
    }
    return added;
  }

  /** Forgets every page: a new kernel keeps its tables elsewhere. */
  clear(): void {
    this.pages.clear();
  }
}
