/**
 * @fileoverview Structural sharing between two reads of a panel: the new
 * data, with every part that equals the old data's (by value) replaced by the
 * old object itself. A read equal to the last one gives back the last one.
 * So the dock can skip a refresh whose data did not change, and a memoized
 * row (`DataTable.tsx`) sees the same object for a row that did not change,
 * and renders nothing for it.
 *
 * Pipeline place: the dock (`PanelDock.tsx`) passes each live read through
 * `shareUnchanged` before it hands it to React (`sharedForPanel`: unless the
 * panel opts out). The panels' JSON
 * (`window.playground.panel`) does not go through here.
 */

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `previous` if the shared members are all previous's (and as many), `next` if they are all next's (nothing to
 * share), else the rebuilt `shared`.
 */
function pick<C>(previous: C, next: C, shared: C, counts: { previous: number; next: number; members: number }, sameShape: boolean): C {
  if (sameShape && counts.previous === counts.members) return previous;
  return counts.next === counts.members ? next : shared;
}

function shareArray(previous: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  const counts = { previous: 0, next: 0, members: next.length };
  const shared = next.map((item, i) => {
    const value = i < previous.length ? shareUnchanged(previous[i], item) : item;
    if (i < previous.length && value === previous[i]) counts.previous++;
    if (value === item) counts.next++;
    return value;
  });
  return pick(previous, next, shared, counts, previous.length === next.length);
}

function shareObject(previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(next);
  const counts = { previous: 0, next: 0, members: keys.length };
  const shared: Record<string, unknown> = {};
  for (const key of keys) {
    const value = key in previous ? shareUnchanged(previous[key], next[key]) : next[key];
    if (key in previous && value === previous[key]) counts.previous++;
    if (value === next[key]) counts.next++;
    shared[key] = value;
  }
  return pick(previous, next, shared, counts, keys.length === Object.keys(previous).length);
}

/**
 * `next`, or `previous` where they are equal: arrays and plain objects are
 * compared member by member (and rebuilt around the members that changed),
 * everything else (numbers, strings, class instances, typed arrays) by
 * identity (`Object.is`).
 */
export function shareUnchanged<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return previous as T;
  if (Array.isArray(previous) && Array.isArray(next)) return shareArray(previous, next) as T;
  if (isPlainObject(previous) && isPlainObject(next)) return shareObject(previous, next) as T;
  return next;
}

/**
 * What the dock shows after a panel's read: `read` shared with what it shows now (`shareUnchanged`: `shown` itself
 * when equal), or `read` as it is for a panel that opts out (`Panel.shareUnchanged` false).
 */
export function sharedForPanel<T>(panel: { readonly shareUnchanged?: boolean }, shown: unknown, read: T): T {
  return panel.shareUnchanged === false ? read : shareUnchanged(shown, read);
}
