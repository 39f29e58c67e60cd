/**
 * @fileoverview The serial terminal panel: COM1 of the machine in an xterm.js
 * terminal. What the kernel writes appears here; what the user types goes to
 * the kernel's COM1 receive register.
 *
 * Pipeline place: subscribes to `Machine.onSerialByte` (guest → screen) and
 * calls `Machine.sendSerial` (keyboard → guest). A new boot clears it.
 */

import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { Machine } from './machine.js';

/** The size of the serial console a kernel expects (the classic VT100 page). */
const COLUMNS = 80;
const ROWS = 24;
/** Small enough that the terminal and the 80-column screen fit side by side in a 1280 px window. */
const FONT_SIZE_PX = 12;

export function SerialTerminal({ machine }: { machine: Machine }) {
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // Kernels print "\n" alone; convertEol keeps lines from stair-stepping.
    const terminal = new Terminal({ cols: COLUMNS, rows: ROWS, fontSize: FONT_SIZE_PX, convertEol: true, scrollback: 5000 });
    terminal.open(container);
    terminal.write(machine.serialText());
    const unsubscribeBytes = machine.onSerialByte((byte) => terminal.write(Uint8Array.of(byte)));
    const unsubscribeStatus = machine.onStatusChange((status) => {
      if (status.kind === 'loading') terminal.reset();
    });
    const typing = terminal.onData((text) => machine.sendSerial(text));
    return () => {
      typing.dispose();
      unsubscribeStatus();
      unsubscribeBytes();
      terminal.dispose();
    };
  }, [machine]);

  return (
    <section className="panel serial-panel" data-testid="serial" aria-label="Serial terminal (COM1)">
      <h2>Serial (COM1)</h2>
      <div ref={containerRef} className="serial-terminal" />
    </section>
  );
}
