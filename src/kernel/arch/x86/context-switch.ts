/**
 * @fileoverview Switching the CPU from one task to another (xv6's swtch,
 * eduOS-rs's switch.rs): the machine stack, the AssemblyScript shadow stack
 * (`__stack_pointer`, where asc keeps the garbage collector's roots) and the
 * stack limit the translator checks in every prologue, all in one step. The
 * translator's `switch_context` pushes the callee-saved registers, stores ESP,
 * loads the new ESP and pops; `initial_context` builds the first frame of a
 * new stack so that the first switch into it calls a table function. The
 * scheduler decides which task; this file only touches the CPU.
 */
import { initial_context, set_stack_limit, switch_context } from "./intrinsics";

/** Where a task's stacks stand while it is switched out (one per task, never moved: the collector does not move objects). */
@final export class SavedStacks {
  machineSp: usize = 0;
  shadowSp: usize = 0;
  /** The lowest ESP a prologue accepts on this task's machine stack. */
  limit: usize = 0;
}

/**
 * Saves the running task's stack pointers in the SavedStacks at `save` and
 * continues the task whose SavedStacks is at `next`. Both come as addresses,
 * so this function holds no references and asc gives it no shadow-stack
 * frame: the shadow pointer saved here is exactly the caller's, and it comes
 * back unchanged when the saving task is switched to again. The limit changes
 * after this function's own prologue check and before the next stack runs a
 * function, so no prologue compares one stack's ESP with another's limit.
 */
@unsafe("switches the machine stack, the shadow stack and the stack limit")
export function switchStacks(save: usize, next: usize): void {
  store<usize>(save, __stack_pointer, offsetof<SavedStacks>("shadowSp"));
  __stack_pointer = load<usize>(next, offsetof<SavedStacks>("shadowSp"));
  set_stack_limit(load<usize>(next, offsetof<SavedStacks>("limit")));
  switch_context(save + offsetof<SavedStacks>("machineSp"), load<usize>(next, offsetof<SavedStacks>("machineSp")));
}

/** Prepares the stack ending at `stackTop` to start in table function `entry(argument)`; returns its first ESP. */
@unsafe("writes the first frame of a new stack") export function prepareStack(stackTop: usize, entry: i32, argument: i32): usize { return initial_context(stackTop, entry, argument); }

/** The running task's shadow-stack pointer (for the collector's roots). */
@unsafe("reads the shadow-stack pointer") export function shadowStackPointer(): usize { return __stack_pointer; }
