// SerialLog: COM1 bytes become text, and waiters resolve exactly when their text arrives.
import { describe, expect, it } from 'vitest';
import { SerialLog } from './serial-log.js';

function appendText(log: SerialLog, text: string): void {
  for (const byte of new TextEncoder().encode(text)) log.appendByte(byte);
}

describe('SerialLog', () => {
  it('decodes UTF-8 split across bytes', () => {
    const log = new SerialLog();
    appendText(log, 'eduOS-ts → ok\r\n');
    expect(log.text).toBe('eduOS-ts → ok\r\n');
  });

  it('resolves a waiter when its text completes, not before', async () => {
    const log = new SerialLog();
    let seen = false;
    const waiting = log.waitFor('banner', 1000).then(() => {
      seen = true;
    });
    appendText(log, 'xxban');
    await Promise.resolve();
    expect(seen).toBe(false);
    appendText(log, 'ner');
    await waiting;
    expect(seen).toBe(true);
  });

  it('resolves at once for text already received', async () => {
    const log = new SerialLog();
    appendText(log, 'hello');
    await expect(log.waitFor('ell', 10)).resolves.toBeUndefined();
  });

  it('rejects after the timeout and quotes what came instead', async () => {
    const log = new SerialLog();
    appendText(log, 'something else');
    await expect(log.waitFor('eduOS-ts', 20)).rejects.toThrow(/"eduOS-ts" within 20 ms; last output: "something else"/);
  });

  it('starts over after clear, keeping pending waiters', async () => {
    const log = new SerialLog();
    appendText(log, 'old boot');
    const waiting = log.waitFor('new boot', 1000);
    log.clear();
    expect(log.text).toBe('');
    appendText(log, 'new boot');
    await expect(waiting).resolves.toBeUndefined();
  });
});
