/**
 * @fileoverview The system calls as plain functions: the library-OS way
 * (HermitCore, eduOS-rs), where an application is linked with the kernel and
 * a system call costs a function call. `dispatchSyscall` is the same set by
 * number, for the `int 0x80` path (software-interrupt.ts), so both paths run
 * the same code and their cost differs only by the way in.
 */
import { currentTaskId, exitTask, join, kill, sleep, spawn, TaskEntry, uptimeTicks, yieldCpu } from "../scheduler/index";
import { ENOSYS, SYS_EXIT, SYS_GETPID, SYS_JOIN, SYS_KILL, SYS_SLEEP, SYS_UPTIME, SYS_YIELD } from "./numbers";

export function sys_getpid(): i32 { return currentTaskId(); }
export function sys_yield(): void { yieldCpu(); }
export function sys_sleep(ms: u32): void { sleep(ms); }
export function sys_exit(code: i32): void { exitTask(code); }
export function sys_kill(id: i32): i32 { return kill(id) ? 0 : -1; }
export function sys_join(id: i32): i32 { return join(id); }
export function sys_uptime(): i32 { return <i32>uptimeTicks(); }
/** Only as a function call: a function reference does not travel through a register. */
export function sys_spawn(name: string, entry: TaskEntry, argument: i32, priority: i32): i32 {
  return spawn(name, entry, argument, priority);
}

/** Runs system call `number` with up to three arguments; its result (0 for calls without one). */
export function dispatchSyscall(number: i32, a: i32, b: i32, c: i32): i32 {
  switch (number) {
    case SYS_GETPID: return sys_getpid();
    case SYS_YIELD: sys_yield(); return 0;
    case SYS_SLEEP: sys_sleep(<u32>a); return 0;
    case SYS_EXIT: sys_exit(a); return 0;
    case SYS_KILL: return sys_kill(a);
    case SYS_JOIN: return sys_join(a);
    case SYS_UPTIME: return sys_uptime();
    default: return ENOSYS;
  }
}
