/**
 * @fileoverview The tasks `spawn <demo>` starts, each showing one part of the
 * kernel at work:
 *   busy      two busy tasks of equal priority (2): round robin shares the CPU
 *   prio      busy tasks of priority 2 and 1: the higher one takes it all
 *   sleeper   sleeps of 500 ms, each measured in timer ticks
 *   prodcons  a producer and a consumer on a bounded buffer of two semaphores
 *   storm     a page-fault storm: 100,000 first touches of demand pages
 *   churn     1,000 spawn/exit cycles
 * The last two print the frames and heap before and after: every frame and
 * byte comes back. Busy tasks run until `kill <id>`.
 */
import { PRIORITY_HIGH, PRIORITY_LOW, PRIORITY_NORMAL } from "../config";
import { print } from "../console";
import { join, millisecondsToTicks, sleep, spawn, TaskEntry, uptimeTicks } from "../scheduler/index";
import { collectGarbage, freeFrameCount, heapUsedBytes, PAGE_SIZE, vmAlloc, vmFree } from "../mm/index";
import { Semaphore } from "../synch/semaphore";
import { touchPage } from "../bench/touch";

/** Demo names, in the order `spawn` lists them. */
export const DEMO_NAMES: StaticArray<string> = ["busy", "prio", "sleeper", "prodcons", "storm", "churn"];

/** Starts demo `name`; false if there is none of that name. */
export function startDemo(name: string): bool {
  if (name == "busy") { startTwo("busy-a", busy, PRIORITY_NORMAL, "busy-b", busy, PRIORITY_NORMAL); return true; }
  if (name == "prio") { startTwo("busy-high", busy, PRIORITY_NORMAL, "busy-low", busy, PRIORITY_LOW); return true; }
  if (name == "sleeper") { start("sleeper", sleeper, PRIORITY_NORMAL, SLEEP_ROUNDS); return true; }
  if (name == "prodcons") { startTwo("producer", producer, PRIORITY_NORMAL, "consumer", consumer, PRIORITY_NORMAL); return true; }
  if (name == "storm") { start("pf-storm", pageFaultStorm, PRIORITY_NORMAL, STORM_FAULTS); return true; }
  if (name == "churn") { start("spawn-churn", spawnChurn, PRIORITY_NORMAL, CHURN_CYCLES); return true; }
  return false;
}

function start(name: string, entry: TaskEntry, priority: i32, argument: i32): void {
  const id = spawn(name, entry, argument, priority);
  if (id < 0) print("spawn: the task table is full\n");
  else print("spawned " + name + " (id " + id.toString() + ", priority " + priority.toString() + ")\n");
}

function startTwo(first: string, firstEntry: TaskEntry, firstPriority: i32,
  second: string, secondEntry: TaskEntry, secondPriority: i32): void {
  start(first, firstEntry, firstPriority, 0);
  start(second, secondEntry, secondPriority, 0);
}

// busy, prio: count forever; `ps` shows who gets the ticks.

/** Work the busy tasks did (a global, so the loop is not optimized away). */
let busyCount: u32 = 0;

function busy(argument: i32): void {
  while (true) busyCount++;
}

// sleeper

@inline const SLEEP_ROUNDS: i32 = 3;
@inline const SLEEP_MS: u32 = 500;

function sleeper(rounds: i32): void {
  for (let round = 0; round < rounds; round++) {
    const before = uptimeTicks();
    sleep(SLEEP_MS);
    print("sleeper: slept " + SLEEP_MS.toString() + " ms: " + (uptimeTicks() - before).toString()
      + " ticks (asked " + millisecondsToTicks(SLEEP_MS).toString() + ")\n");
  }
}

// prodcons: a bounded buffer guarded by two counting semaphores (Dijkstra's solution).

@inline const BUFFER_SLOTS: i32 = 4;
@inline const ITEMS: i32 = 20;
const buffer = new StaticArray<i32>(BUFFER_SLOTS);
const freeSlots = new Semaphore(BUFFER_SLOTS);
const filledSlots = new Semaphore(0);
let producedAt: i32 = 0;
let consumedAt: i32 = 0;

function producer(argument: i32): void {
  for (let item = 1; item <= ITEMS; item++) {
    freeSlots.wait();
    buffer[producedAt++ % BUFFER_SLOTS] = item;
    filledSlots.signal();
    if (item % 5 == 0) sleep(10); // let the consumer catch up now and then
  }
  print("producer: produced " + ITEMS.toString() + " items\n");
}

function consumer(argument: i32): void {
  let sum = 0;
  let waits = 0;
  for (let item = 1; item <= ITEMS; item++) {
    if (filledSlots.value == 0) waits++;
    filledSlots.wait();
    sum += buffer[consumedAt++ % BUFFER_SLOTS];
    freeSlots.signal();
  }
  print("consumer: consumed " + ITEMS.toString() + " items, sum " + sum.toString() + " (expected "
    + (ITEMS * (ITEMS + 1) / 2).toString() + "), blocked " + waits.toString() + " times\n");
}

// storm: vmAlloc, touch every page (one fault each), vmFree.

@inline const STORM_FAULTS: i32 = 100_000;
@inline const STORM_PAGES_PER_ROUND: i32 = 1000;

function pageFaultStorm(faults: i32): void {
  const freeBefore = freeFrameCount();
  const rounds = faults / STORM_PAGES_PER_ROUND;
  const started = uptimeTicks();
  for (let round = 0; round < rounds; round++) {
    const start = vmAlloc(STORM_PAGES_PER_ROUND);
    if (start == 0) {
      print("storm: vmAlloc failed\n");
      return;
    }
    for (let page = 0; page < STORM_PAGES_PER_ROUND; page++) touchPage(start + <usize>page * PAGE_SIZE);
    vmFree(start);
  }
  const freeAfter = freeFrameCount();
  print("storm: " + (rounds * STORM_PAGES_PER_ROUND).toString() + " page faults in " + rounds.toString()
    + " rounds, " + (uptimeTicks() - started).toString() + " ticks; frames free before " + freeBefore.toString()
    + " after " + freeAfter.toString() + "\n");
}

// churn: spawn a task that ends at once, join it; again and again.

@inline const CHURN_CYCLES: i32 = 1000;

function endAtOnce(argument: i32): void {}

function spawnChurn(cycles: i32): void {
  collectGarbage();
  const heapBefore = heapUsedBytes();
  const framesBefore = freeFrameCount();
  let failed = 0;
  for (let cycle = 0; cycle < cycles; cycle++) {
    const id = spawn("churn-child", endAtOnce, cycle, PRIORITY_HIGH);
    if (id < 0) failed++;
    else join(id);
  }
  collectGarbage();
  const heapAfter = heapUsedBytes(); // before the message's strings exist
  const framesAfter = freeFrameCount();
  print("churn: " + cycles.toString() + " spawn/exit cycles (" + failed.toString() + " failed); heap used before "
    + heapBefore.toString() + " after " + heapAfter.toString() + "; frames free before "
    + framesBefore.toString() + " after " + framesAfter.toString() + "\n");
}
