/**
 * @fileoverview A spinlock for one CPU: acquiring it turns interrupts off (so
 * no interrupt handler or preemption can enter the section) and remembers
 * whether they were on; releasing restores exactly that. A task must not
 * block or yield while holding one. The `locked` flag catches nesting the same
 * lock, which on one CPU would be a deadlock.
 */
import { disableInterrupts, restoreInterrupts } from "../arch/x86/interrupt-flag";

export class Spinlock {
  private locked: bool = false;
  private interruptsWereEnabled: bool = false;

  constructor(readonly name: string) {}

  acquire(): void {
    const wereEnabled = disableInterrupts();
    assert(!this.locked, "spinlock acquired twice");
    this.locked = true;
    this.interruptsWereEnabled = wereEnabled;
  }

  release(): void {
    assert(this.locked, "spinlock released but not held");
    this.locked = false;
    restoreInterrupts(this.interruptsWereEnabled);
  }

  get isLocked(): bool { return this.locked; }
}
