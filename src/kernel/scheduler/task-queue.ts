/**
 * @fileoverview A FIFO of tasks linked through the tasks themselves (`next`),
 * so queueing never allocates: the ready queues, a semaphore's waiters and a
 * task's joiners are all TaskQueues. A task is in at most one queue
 * (`task.queue` says which), so it can be taken out of the middle when killed.
 */
import { Task } from "./task";

export class TaskQueue {
  head: Task | null = null;
  tail: Task | null = null;
  length: i32 = 0;

  get isEmpty(): bool { return this.head == null; }

  /** Appends `task`, which must be in no queue. */
  push(task: Task): void {
    task.queue = this;
    task.next = null;
    const tail = this.tail;
    if (tail) tail.next = task;
    else this.head = task;
    this.tail = task;
    this.length++;
  }

  /** Removes and returns the first task, or null. */
  pop(): Task | null {
    const task = this.head;
    if (task) this.remove(task);
    return task;
  }

  /** Takes `task` (which is in this queue) out. */
  remove(task: Task): void {
    let previous: Task | null = null;
    let cursor = this.head;
    while (cursor && cursor != task) {
      previous = cursor;
      cursor = cursor.next;
    }
    if (!cursor) return;
    if (previous) previous.next = task.next;
    else this.head = task.next;
    if (this.tail == task) this.tail = previous;
    task.next = null;
    task.queue = null;
    this.length--;
  }
}
