/**
 * @fileoverview `mem`: the memory manager's figures — page frames (total,
 * free, used), the kernel heap behind the AssemblyScript runtime (size, bytes
 * and objects in use, raw blocks such as task stacks, collections) and
 * demand paging (faults resolved, pages released, ranges handed out).
 */
import { print } from "../console";
import { demandStats, frameStats, heapStats } from "../mm/index";

@inline const KIB: u32 = 1024;

export function memCommand(args: string[]): void {
  const frames = frameStats();
  const heapFigures = heapStats();
  const demand = demandStats();
  print("frames: " + frames.total.toString() + " total, " + frames.free.toString() + " free, "
    + frames.used.toString() + " used (4 KiB each; " + (<u32>frames.free >> 8).toString() + " MiB free)\n"
    + "heap:   " + kib(heapFigures.total) + " total, " + kib(heapFigures.used) + " used, " + kib(heapFigures.free) + " free; "
    + heapFigures.managedObjects.toString() + " objects in " + kib(heapFigures.managedBytes) + ", raw blocks "
    + kib(heapFigures.rawBytes) + "; " + heapFigures.collections.toString() + " collections\n"
    + "demand: " + demand.faultsHandled.toString() + " page faults handled, " + demand.pagesReleased.toString()
    + " pages released, " + demand.rangesInUse.toString() + " ranges in use\n");
}

function kib(bytes: usize): string {
  return (<u32>bytes / KIB).toString() + " KiB";
}
