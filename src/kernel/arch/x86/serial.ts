/**
 * @fileoverview The first serial port (COM1, a 16550 UART) as the kernel's
 * log: set up once for polled output, then written byte by byte. Tests and the
 * playground read the kernel's output here.
 */
import { SERIAL_BAUD_DIVISOR } from "../../config";
import { inb, outb } from "./intrinsics";

@inline const COM1: u16 = 0x3f8;

// UART registers, as offsets from the port base.
@inline const DATA: u16 = 0;                // transmit holding register / divisor low byte with DLAB
@inline const INTERRUPT_ENABLE: u16 = 1;    // divisor high byte with DLAB
@inline const FIFO_CONTROL: u16 = 2;
@inline const LINE_CONTROL: u16 = 3;
@inline const MODEM_CONTROL: u16 = 4;
@inline const LINE_STATUS: u16 = 5;

@inline const LINE_CONTROL_DLAB: u8 = 0x80;     // divisor latch access
@inline const LINE_CONTROL_8N1: u8 = 0x03;      // 8 data bits, no parity, 1 stop bit
@inline const FIFO_ENABLE_CLEAR_14: u8 = 0xc7;  // enable and clear FIFOs, 14-byte threshold
@inline const MODEM_DTR_RTS_OUT2: u8 = 0x0b;
@inline const LINE_STATUS_THR_EMPTY: u8 = 0x20; // transmitter can take a byte

/** Polled mode (no UART interrupts), SERIAL_BAUD_DIVISOR baud, 8N1, FIFOs on. */
@unsafe export function serialInit(): void {
  outb(COM1 + INTERRUPT_ENABLE, 0);
  outb(COM1 + LINE_CONTROL, LINE_CONTROL_DLAB);
  outb(COM1 + DATA, <u8>(SERIAL_BAUD_DIVISOR & 0xff));
  outb(COM1 + INTERRUPT_ENABLE, <u8>(SERIAL_BAUD_DIVISOR >> 8));
  outb(COM1 + LINE_CONTROL, LINE_CONTROL_8N1);
  outb(COM1 + FIFO_CONTROL, FIFO_ENABLE_CLEAR_14);
  outb(COM1 + MODEM_CONTROL, MODEM_DTR_RTS_OUT2);
}

/** Waits until the transmitter is free, then sends one byte. */
@unsafe export function serialPutc(byte: u8): void {
  while ((inb(COM1 + LINE_STATUS) & LINE_STATUS_THR_EMPTY) == 0) {}
  outb(COM1 + DATA, byte);
}
