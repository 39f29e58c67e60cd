/**
 * @fileoverview Remembers a panel's last decoded result and hands it out
 * again while its inputs are unchanged (byte arrays compared by value,
 * everything else by identity). The dock re-reads ≥ 10 times a second; an
 * unchanged table then costs a byte comparison, and the same result object
 * lets React skip re-rendering the view.
 *
 * Pipeline place: used inside the `read` of panels whose data changes
 * rarely (IDT, GDT, page tables).
 */

function sameInput(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((byte, i) => byte === b[i]);
  return Object.is(a, b);
}

export class LastResult<T> {
  private inputs: readonly unknown[] | null = null;
  private result: T | undefined;

  /** `compute()`'s result, or the last one if `inputs` equal the last call's. */
  get(inputs: readonly unknown[], compute: () => T): T {
    const last = this.inputs;
    if (last && last.length === inputs.length && last.every((input, i) => sameInput(input, inputs[i]))) return this.result as T;
    this.result = compute();
    this.inputs = inputs;
    return this.result;
  }
}
