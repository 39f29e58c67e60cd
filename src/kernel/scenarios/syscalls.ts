/**
 * @fileoverview Scenario `syscall`: the same system calls by function call and
 * through `int 0x80` give the same answers, from two different tasks.
 */
import { PRIORITY_NORMAL } from "../config";
import { print } from "../console";
import { join, spawn } from "../scheduler/index";
import { sys_getpid, sys_uptime } from "../syscalls/calls";
import { getpidByInterrupt, syscallByInterrupt } from "../syscalls/software-interrupt";
import { SYS_UPTIME } from "../syscalls/numbers";
import { scenarioDone } from "./index";

function compareGetpid(argument: i32): void {
  print("syscall: getpid function " + sys_getpid().toString() + " int80 " + getpidByInterrupt().toString() + "\n");
}

export function syscallScenario(argument: i32): void {
  compareGetpid(0);
  join(spawn("syscall-child", compareGetpid, 0, PRIORITY_NORMAL));
  const byCall = sys_uptime();
  const byInterrupt = syscallByInterrupt(SYS_UPTIME);
  print("syscall: uptime function " + byCall.toString() + " int80 " + byInterrupt.toString() + "\n");
  print("syscall: unknown number gives " + syscallByInterrupt(999).toString() + "\n");
  scenarioDone();
}
