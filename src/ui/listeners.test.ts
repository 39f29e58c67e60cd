// Listeners: subscribers are called in order with the arguments, and not after they unsubscribed or were cleared.
import { describe, expect, it } from 'vitest';
import { Listeners } from './listeners.js';

describe('Listeners', () => {
  it('calls every subscriber in order with the arguments, until it unsubscribes', () => {
    const listeners = new Listeners<[value: number]>();
    const calls: string[] = [];
    const unsubscribeA = listeners.add((value) => calls.push(`a${value}`));
    listeners.add((value) => calls.push(`b${value}`));
    listeners.notify(1);
    unsubscribeA();
    listeners.notify(2);
    expect(calls).toEqual(['a1', 'b1', 'b2']);
  });

  it('calls nobody after clear()', () => {
    const listeners = new Listeners();
    let calls = 0;
    listeners.add(() => calls++);
    listeners.clear();
    listeners.notify();
    expect(calls).toBe(0);
  });
});
