/**
 * @fileoverview A set of listeners to one kind of change: `add` subscribes
 * and returns the unsubscribe function (the shape React's
 * `useSyncExternalStore` takes), `notify` calls them all in the order they
 * subscribed.
 *
 * Pipeline place: the machine (COM1 bytes, status), the build session (build
 * state, running image) and the editor's project switch tell the page about
 * changes through it.
 */

export class Listeners<Args extends unknown[] = []> {
  private readonly listeners = new Set<(...args: Args) => void>();

  /** Subscribes `listener`; returns the function that unsubscribes it. */
  add(listener: (...args: Args) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  notify(...args: Args): void {
    for (const listener of this.listeners) listener(...args);
  }

  clear(): void {
    this.listeners.clear();
  }
}
