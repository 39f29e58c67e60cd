/**
 * @fileoverview Console input: bytes from COM1 and characters from the PS/2
 * keyboard arrive in interrupt handlers and wait in a small ring; a task reads
 * them with `readByte` (blocking on a semaphore that counts the bytes in the
 * ring) or whole lines with `readLine`, which echoes and handles backspace.
 * When the ring is full, further bytes are dropped.
 */
import { INPUT_RING_SIZE } from "./config";
import { print } from "./console";
import { COM1_IRQ, serialEnableReceiveInterrupt, serialReceive } from "./arch/x86/serial";
import { setIrqHandler } from "./arch/x86/irq";
import { keyboardInit } from "./arch/x86/keyboard";
import { disableInterrupts, restoreInterrupts } from "./arch/x86/interrupt-flag";
import { Semaphore } from "./synch/semaphore";

@inline const BACKSPACE: u8 = 0x08;
@inline const DELETE: u8 = 0x7f;
@inline const CARRIAGE_RETURN: u8 = 0x0d;
@inline const LINE_FEED: u8 = 0x0a;

const ring = new StaticArray<u8>(INPUT_RING_SIZE);
let readIndex: i32 = 0;
let stored: i32 = 0;
const available = new Semaphore(0);
let dropped: u32 = 0;

/** Connects COM1 and the keyboard to the ring (their IRQs are unmasked from here on). */
export function consoleInputInit(): void {
  setIrqHandler(COM1_IRQ, drainSerial);
  serialEnableReceiveInterrupt();
  keyboardInit(receiveByte);
}

function drainSerial(irq: i32): void {
  for (let byte = serialReceive(); byte >= 0; byte = serialReceive()) receiveByte(<u8>byte);
}

/** Called in interrupt context with each received byte. */
function receiveByte(byte: u8): void {
  if (stored == INPUT_RING_SIZE) {
    dropped++;
    return;
  }
  ring[(readIndex + stored) % INPUT_RING_SIZE] = byte;
  stored++;
  available.signal();
}

/** The next input byte; waits for one. */
export function readByte(): u8 {
  available.wait();
  const wereEnabled = disableInterrupts();
  const byte = ring[readIndex];
  readIndex = (readIndex + 1) % INPUT_RING_SIZE;
  stored--;
  restoreInterrupts(wereEnabled);
  return byte;
}

/** Bytes dropped because the ring was full. */
export function droppedInputBytes(): u32 {
  return dropped;
}

/** After a CR ends a line, an LF right behind it belongs to the same line end. */
let skipLineFeed = false;

/** Reads one line (without its end), echoing what is typed; backspace erases. CR, LF and CR LF all end it. */
export function readLine(): string {
  let line = "";
  while (true) {
    const byte = readByte();
    const isPairedLineFeed = byte == LINE_FEED && skipLineFeed;
    skipLineFeed = false;
    if (isPairedLineFeed) continue;
    if (byte == CARRIAGE_RETURN || byte == LINE_FEED) {
      skipLineFeed = byte == CARRIAGE_RETURN;
      break;
    }
    if (byte == BACKSPACE || byte == DELETE) {
      if (line.length > 0) {
        line = line.substring(0, line.length - 1);
        print("\x08 \x08");
      }
      continue;
    }
    const character = String.fromCharCode(byte);
    line += character;
    print(character);
  }
  print("\n");
  return line;
}
