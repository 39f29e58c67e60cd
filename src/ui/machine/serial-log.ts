/**
 * @fileoverview Everything the kernel has written to COM1 since the machine
 * booted, as text, and promises that resolve when a given text shows up.
 *
 * Pipeline place: `machine.ts` appends every `serial0-output-byte` from v86;
 * `window.playground.serialText()` / `waitForSerial()` (automation.ts) and the
 * Node tests read it. Bytes are decoded as UTF-8 as they stream in.
 */

interface Waiter {
  readonly text: string;
  readonly resolve: () => void;
}

/** How long a machine's `waitForSerial` waits unless told otherwise. */
export const DEFAULT_SERIAL_TIMEOUT_MS = 10_000;

/** How many characters of the log a timeout message quotes, so it shows what came instead. */
const TAIL_IN_TIMEOUT_MESSAGE = 200;

export class SerialLog {
  private decoded = '';
  private decoder = new TextDecoder('utf-8');
  private waiters = new Set<Waiter>();

  /** The text received so far. */
  get text(): string {
    return this.decoded;
  }

  /** Adds one byte the guest wrote to the serial port and wakes the waiters whose text is now there. */
  appendByte(byte: number): void {
    const before = this.decoded.length;
    this.decoded += this.decoder.decode(Uint8Array.of(byte), { stream: true });
    if (this.decoded.length === before) return;
    for (const waiter of this.waiters) {
      // Only the end can hold a new match: start one needle-length before the new characters.
      if (this.decoded.includes(waiter.text, Math.max(0, before - waiter.text.length + 1))) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Forgets the text (a new boot starts a new log); pending waiters keep waiting for the new output. */
  clear(): void {
    this.decoded = '';
    this.decoder = new TextDecoder('utf-8');
  }

  /** Resolves once the log contains `text` (at once if it already does); rejects after `timeoutMs`. */
  waitFor(text: string, timeoutMs: number): Promise<void> {
    if (this.decoded.includes(text)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const tail = this.decoded.slice(-TAIL_IN_TIMEOUT_MESSAGE);
        reject(new Error(`serial output did not show ${JSON.stringify(text)} within ${timeoutMs} ms; last output: ${JSON.stringify(tail)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        text,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.add(waiter);
    });
  }
}
