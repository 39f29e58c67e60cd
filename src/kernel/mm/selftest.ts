/**
 * @fileoverview The memory manager's scripted scenario, run by the boot option
 * `test=mm` (scenarios/index.ts starts `memoryScenario` as a task), which then
 * exits the emulator with 0 (all passed) or 1. It prints `mm: [ok] …` /
 * `mm: [failed] …` lines with its counts for test/kernel/memory.test.ts:
 * frames after boot; pages mapped on demand, zeroed, and every frame back
 * after vmFree; the same over many vmAlloc/touch/vmFree cycles (100,000 page
 * faults by default); Array/Map/String churn with heap use back to its
 * baseline after a collection.
 */
import { print } from "../console";
import { exitEmulator } from "../arch/x86/power";
import { frameStats } from "./frames";
import { gcCollections } from "./gc";
import { collectGarbage, heapObjectCount, heapUsedBytes } from "./heap";
import { PAGE_SIZE } from "./layout";
import { demandStats, vmAlloc, vmFree } from "./vm";

@inline const CYCLES: i32 = 1000;
@inline const PAGES_PER_CYCLE: i32 = 100;
@inline const CHURN_ROUNDS: i32 = 2000;
/** A word in each page that the test writes: not at the start, to check the whole page is mapped. */
@inline const PROBE_OFFSET: usize = 0x7fc;

let failures = 0;

/** The `test=mm` task: runs every check, then ends the run with exit code 0 (all passed) or 1. */
export function memoryScenario(argument: i32): void {
  exitEmulator(runMemorySelfTest() ? 0 : 1);
}

/** Runs every check; true when all passed. */
export function runMemorySelfTest(): bool {
  failures = 0;
  const boot = frameStats();
  report("boot frames total=" + boot.total.toString() + " free=" + boot.free.toString() + " used=" + boot.used.toString(),
    boot.total > 0 && boot.free > 0);
  checkDemandPaging();
  checkCycles(CYCLES, PAGES_PER_CYCLE);
  checkHeapChurn(CHURN_ROUNDS);
  print(failures == 0 ? "mm: all passed\n" : "mm: " + failures.toString() + " failed\n");
  return failures == 0;
}

/** 16 pages: nothing mapped by vmAlloc, each first touch reads zero and maps one frame, vmFree gives all back. */
function checkDemandPaging(): void {
  const pages = 16;
  const freeBefore = frameStats().free;
  const faultsBefore = demandStats().faultsHandled;
  const start = vmAlloc(pages);
  const freeAfterAlloc = frameStats().free;
  let zeroed = true;
  for (let page = 0; page < pages; page++) {
    const address = start + <usize>page * PAGE_SIZE + PROBE_OFFSET;
    if (readWord(address) != 0) zeroed = false;
    writeWord(address, 0xc0de0000 | <u32>page);
  }
  let kept = true;
  for (let page = 0; page < pages; page++) {
    if (readWord(start + <usize>page * PAGE_SIZE + PROBE_OFFSET) != (0xc0de0000 | <u32>page)) kept = false;
  }
  const faults = demandStats().faultsHandled - faultsBefore;
  const framesTaken = freeBefore - frameStats().free;
  vmFree(start);
  const framesBack = frameStats().free == freeBefore;
  report("demand pages=" + pages.toString() + " at 0x" + start.toString(16) + " faults=" + faults.toString()
    + " frames taken=" + framesTaken.toString() + " zeroed=" + yesNo(zeroed) + " kept=" + yesNo(kept)
    + " frames back=" + yesNo(framesBack),
    start != 0 && freeAfterAlloc == freeBefore && faults == <u32>pages && framesTaken > pages && zeroed && kept && framesBack);
}

/** `cycles` rounds of vmAlloc(pages), a write to every page, vmFree: one fault per page, no frame lost. */
function checkCycles(cycles: i32, pages: i32): void {
  const freeBefore = frameStats().free;
  const faultsBefore = demandStats().faultsHandled;
  let allocated = true;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const start = vmAlloc(pages);
    if (start == 0) { allocated = false; break; }
    for (let page = 0; page < pages; page++) writeWord(start + <usize>page * PAGE_SIZE, <u32>cycle);
    vmFree(start);
  }
  const faults = demandStats().faultsHandled - faultsBefore;
  const freeAfter = frameStats().free;
  report("cycles=" + cycles.toString() + " pages=" + pages.toString() + " faults=" + faults.toString()
    + " frames free before=" + freeBefore.toString() + " after=" + freeAfter.toString(),
    allocated && faults == <u32>(cycles * pages) && freeAfter == freeBefore);
}

/**
 * Builds and drops arrays, maps and strings; after a collection the heap holds
 * what it held before. Measured as plain numbers: a stats object kept in a
 * local would itself count as heap in use.
 */
function checkHeapChurn(rounds: i32): void {
  collectGarbage();
  const usedBefore = heapUsedBytes();
  const objectsBefore = heapObjectCount();
  const collectionsBefore = gcCollections();
  let checksum = 0;
  let peak: usize = 0;
  for (let round = 0; round < rounds; round++) {
    checksum += churnOnce(round);
    peak = max(peak, heapUsedBytes());
  }
  collectGarbage();
  const usedAfter = heapUsedBytes();
  const objectsAfter = heapObjectCount();
  report("heap churn rounds=" + rounds.toString() + " used before=" + usedBefore.toString()
    + " peak=" + peak.toString() + " after=" + usedAfter.toString()
    + " objects before=" + objectsBefore.toString() + " after=" + objectsAfter.toString()
    + " collections=" + (gcCollections() - collectionsBefore).toString() + " checksum=" + checksum.toString(),
    usedAfter == usedBefore && objectsAfter == objectsBefore && peak > usedBefore && checksum == rounds * 33);
}

/** One round of garbage: a Map of 32 strings, an Array of their lengths, a joined String. */
function churnOnce(round: i32): i32 {
  const names = new Map<i32, string>();
  const lengths = new Array<i32>();
  for (let key = 0; key < 32; key++) {
    const name = "task-" + key.toString() + "-" + round.toString();
    names.set(key, name);
    lengths.push(name.length);
  }
  const joined = names.values().join(",");
  return lengths.length + (joined.length > 0 ? 1 : 0);
}

function report(line: string, ok: bool): void {
  if (!ok) failures++;
  print((ok ? "mm: [ok] " : "mm: [failed] ") + line + "\n");
}

function yesNo(value: bool): string {
  return value ? "yes" : "no";
}

@unsafe("reads a test page") function readWord(address: usize): u32 { return load<u32>(address); }

@unsafe("writes a test page") function writeWord(address: usize, value: u32): void { store<u32>(address, value); }
