/**
 * @fileoverview The garbage collector's view of the tasks: every task has its
 * own AssemblyScript shadow stack (where asc keeps the references a function
 * holds), and all of them are roots. The running task's extends from the live
 * `__stack_pointer`, every other task's from the pointer saved when it was
 * switched out, up to the stack's top.
 */
import { MAX_TASKS } from "../config";
import { setStackRootVisitor, visitStackRange } from "../mm/index";
import { taskAt } from "./task-table";
import { currentTask } from "./scheduler";
import { shadowStackPointer } from "../arch/x86/context-switch";

/** Registers the visitor with the collector (mm/gc.ts). */
export function stackRootsInit(): void {
  setStackRootVisitor(visitTaskShadowStacks);
}

function visitTaskShadowStacks(): void {
  const running = currentTask();
  for (let slot = 0; slot < MAX_TASKS; slot++) {
    const task = taskAt(slot);
    if (!task) continue;
    visitStackRange(task == running ? shadowStackPointer() : task.saved.shadowSp, task.shadowTop);
  }
}
