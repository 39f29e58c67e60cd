/**
 * @fileoverview The serial terminal panel: COM1 of the machine in an xterm.js
 * terminal. What the kernel writes appears here; what the user types goes to
 * the kernel's COM1 receive register.
 *
 * Pipeline place: subscribes to `Machine.onSerialByte` (guest → screen) and
 * calls `Machine.sendSerial` (keyboard → guest). A new boot clears it.
 *
 * xterm.js is a third of the page's script, so it is not what shows the
 * kernel's first words: the panel mounts with the early view
 * (`early-serial-view.ts`), which draws COM1's text in the terminal's
 * font and size from the first frame on; xterm.js loads once the first boot
 * has got somewhere (`firstOutput`), opens hidden over the early view, and
 * takes its place in the frame in which it has drawn the same text.
 */

import type { FitAddon } from '@xterm/addon-fit';
import type { Terminal } from '@xterm/xterm';
import { useLayoutEffect, useRef } from 'react';
import { MIN_TERMINAL_ROWS, showEarlySerial, type TerminalGeometry } from './early-serial-view.js';
import { firstOutput } from './first-output.js';
import type { PlaygroundMachine } from './playground-machine.js';

/**
 * The classic VT100 page a kernel expects (where the page fits the window, as many rows as the pane has room for),
 * in a font small enough that its 80 columns fit the machine pane beside the editor; xterm.js's default font family.
 */
const GEOMETRY: TerminalGeometry = { columns: 80, rows: 24, fontSizePx: 12, fontFamily: 'monospace' };

/** Loads xterm.js, its fit add-on and its style sheet (their own chunk). */
async function loadXterm(): Promise<{ Terminal: typeof import('@xterm/xterm').Terminal; FitAddon: typeof import('@xterm/addon-fit').FitAddon }> {
  const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), import('@xterm/xterm/css/xterm.css')]);
  return { Terminal, FitAddon };
}

/**
 * Keeps the terminal's rows filling `container` while its size changes (the window, the dock's splitter), its 80
 * columns as they are: xterm.js's fit add-on measures the rows that fit as xterm.js lays them out. The container's
 * height comes from the page's layout, never from the terminal (styles.css). Returns the function that stops.
 */
function keepRowsFitted(container: HTMLElement, terminal: Terminal, fit: FitAddon): () => void {
  const observer = new ResizeObserver(() => {
    const rows = fit.proposeDimensions()?.rows;
    if (rows && rows !== terminal.rows) terminal.resize(GEOMETRY.columns, Math.max(rows, MIN_TERMINAL_ROWS));
  });
  observer.observe(container);
  return () => observer.disconnect();
}

export function SerialTerminal({ machine }: { machine: PlaygroundMachine }) {
  const containerRef = useRef<HTMLDivElement>(null);

  // A layout effect: the early view is in the page's first paint.
  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const early = showEarlySerial(container, machine, GEOMETRY);
    let removeEarlyView: (() => void) | null = early.remove;
    let disposeTerminal = () => {};
    let unmounted = false;
    const booted = firstOutput(machine);
    void booted.done
      .then(loadXterm)
      .then(({ Terminal, FitAddon }) => {
        if (unmounted) return;
        const host = document.createElement('div');
        host.className = 'serial-xterm-pending';
        container.append(host);
        // Kernels print "\n" alone; convertEol keeps lines from stair-stepping.
        const terminal = new Terminal({
          cols: GEOMETRY.columns,
          rows: early.rows,
          fontSize: GEOMETRY.fontSizePx,
          fontFamily: GEOMETRY.fontFamily,
          convertEol: true,
          scrollback: 5000,
        });
        const fit = new FitAddon();
        terminal.loadAddon(fit);
        terminal.open(host);
        // The text so far and every later byte, subscribed in the same task: nothing lost, nothing twice.
        terminal.write(machine.serialText(), () => {
          // Swapped in the frame xterm first draws that text (it draws only while on screen: the early view stays until then).
          const drawn = terminal.onRender(() => {
            drawn.dispose();
            host.className = 'serial-xterm';
            removeEarlyView?.();
            removeEarlyView = null;
          });
          terminal.refresh(0, terminal.rows - 1);
        });
        const unsubscribeBytes = machine.onSerialByte((byte) => terminal.write(Uint8Array.of(byte)));
        const unsubscribeStatus = machine.onStatusChange((status) => {
          if (status.kind === 'loading') terminal.reset();
        });
        const typing = terminal.onData((text) => machine.sendSerial(text));
        const stopFitting = keepRowsFitted(container, terminal, fit);
        disposeTerminal = () => {
          stopFitting();
          typing.dispose();
          unsubscribeStatus();
          unsubscribeBytes();
          terminal.dispose();
          host.remove();
        };
      });
    return () => {
      unmounted = true;
      booted.cancel();
      disposeTerminal();
      removeEarlyView?.();
    };
  }, [machine]);

  return (
    <section className="panel serial-panel" data-testid="serial" aria-label="Serial terminal (COM1)">
      <div ref={containerRef} className="serial-terminal" />
    </section>
  );
}
