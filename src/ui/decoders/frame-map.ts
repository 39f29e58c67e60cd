/**
 * @fileoverview The picture of physical memory, WeensyOS style: every 4 KiB
 * frame of RAM gets one owner. Paging's own frames (directory, tables) come
 * first, then the owners the caller names (kernel image, heap — and later
 * task stacks, free lists… from the kernel's descriptor), then what the walk
 * alone can tell: mapped at another virtual address, identity-mapped, or not
 * mapped at all.
 *
 * Pipeline place: pure; the pages panel builds it from the page walk and
 * the image's owners (`image-owners.ts`) and draws one cell per frame.
 */
import { PAGE_SIZE } from './page-entry.js';
import type { MappedRange, VirtualSpan } from './page-ranges.js';
import type { PageWalk } from './page-walk.js';

/** A physical range [start, end) with its owner's id (e.g. "kernel", "heap", "task-stack"). */
export interface OwnedRange {
  readonly owner: string;
  readonly start: number;
  readonly end: number;
}

/** Owners the walk decides by itself, after the caller's. */
export const WALK_OWNERS = {
  pageTables: 'page-tables',
  /** Reached through a virtual address different from its own (demand-paged memory, say). */
  remapped: 'remapped',
  /** Only reached at virtual = physical: RAM nobody above claims, presumably free. */
  identity: 'identity',
  unmapped: 'unmapped',
  /** Paging is off, so the walk cannot say anything about this frame. */
  unknown: 'unknown',
} as const;

/** Consecutive frames with the same owner. */
export interface FrameRun {
  readonly frame: number;
  readonly count: number;
  readonly owner: string;
}

export interface FrameMap {
  readonly frameCount: number;
  readonly frameBytes: number;
  readonly runs: FrameRun[];
}

/**
 * Frame owners as small numbers (0 = none yet) while the map is built: a
 * typed array, because it is rebuilt ≥ 10 times a second for 16 Ki frames.
 */
class OwnerTable {
  readonly frames: Uint8Array;
  readonly names: string[] = [''];

  constructor(frameCount: number) {
    this.frames = new Uint8Array(frameCount);
  }

  /** Gives the frames of [start, end) that have no owner yet to `owner`. */
  claim(start: number, end: number, owner: string): void {
    let id = this.names.indexOf(owner);
    if (id < 0) id = this.names.push(owner) - 1;
    const last = Math.min(this.frames.length, Math.ceil(end / PAGE_SIZE));
    for (let frame = Math.max(0, Math.floor(start / PAGE_SIZE)); frame < last; frame++) {
      if (this.frames[frame] === 0) this.frames[frame] = id;
    }
  }

  claimMappings(ranges: readonly MappedRange[], identity: boolean): void {
    for (const range of ranges) {
      if ((range.virtualStart === range.physicalStart) !== identity) continue;
      this.claim(range.physicalStart, range.physicalStart + range.size, identity ? WALK_OWNERS.identity : WALK_OWNERS.remapped);
    }
  }

  runs(fallback: string): FrameRun[] {
    const runs: { frame: number; count: number; owner: string }[] = [];
    let previous = -1;
    this.frames.forEach((id, frame) => {
      if (id === previous) runs[runs.length - 1].count++;
      else runs.push({ frame, count: 1, owner: id === 0 ? fallback : this.names[id] });
      previous = id;
    });
    return runs;
  }
}

/** One owner per frame of `memoryBytes` of RAM; earlier claims win, so `owned` is in priority order. */
export function buildFrameMap(memoryBytes: number, walk: PageWalk, owned: readonly OwnedRange[]): FrameMap {
  const owners = new OwnerTable(Math.floor(memoryBytes / PAGE_SIZE));
  if (walk.enabled) for (const table of walk.tableFrames) owners.claim(table, table + PAGE_SIZE, WALK_OWNERS.pageTables);
  for (const range of owned) owners.claim(range.start, range.end, range.owner);
  if (walk.enabled) {
    owners.claimMappings(walk.ranges, false);
    owners.claimMappings(walk.ranges, true);
  }
  const fallback = walk.enabled ? WALK_OWNERS.unmapped : WALK_OWNERS.unknown;
  return { frameCount: owners.frames.length, frameBytes: PAGE_SIZE, runs: owners.runs(fallback) };
}

/** The physical frames behind the virtual `spans` (e.g. pages mapped since the last pause). */
export function framesBehind(spans: readonly VirtualSpan[], ranges: readonly MappedRange[]): Set<number> {
  const frames = new Set<number>();
  for (const span of spans) {
    for (const range of ranges) {
      const start = Math.max(span.start, range.virtualStart);
      const end = Math.min(span.end, range.virtualEnd);
      for (let page = start; page < end; page += PAGE_SIZE) frames.add((range.physicalStart + (page - range.virtualStart)) / PAGE_SIZE);
    }
  }
  return frames;
}
