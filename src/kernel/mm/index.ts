/**
 * @fileoverview The memory manager's interface, the only file the rest of the
 * kernel imports from mm/: start-up, frames, demand paging, page-table walks
 * for the shell, and the heap (statistics, collection, raw blocks, the
 * collector's stack roots). The runtime itself (runtime.ts, gc.ts) is
 * included by asc, not imported.
 */
export { memoryInit } from "./memory";
export { FrameStats, allocFrame, freeFrame, frameStats, freeFrameCount, totalFrameCount } from "./frames";
export { DemandStats, demandFaultCount, demandStats, handlePageFault, vmAlloc, vmFree } from "./vm";
export { directoryEntryFor, pageDirectoryAddress, tableEntryFor } from "./paging";
export { HeapStats, collectGarbage, heapObjectCount, heapStats, heapUsedBytes, rawAlloc, rawFree } from "./heap";
export { gcCollections, setStackRootVisitor, visitStackRange } from "./gc";
export { DEMAND_END, DEMAND_START, PAGE_SIZE } from "./layout";
