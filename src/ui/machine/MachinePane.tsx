/**
 * @fileoverview The machine's two outputs as tabs: the serial terminal
 * (COM1, where the shell runs) and the VGA screen, as QEMU's View menu
 * offers serial0 and the VGA display. Both stay in the page and keep their
 * size; the one not chosen is only invisible, so xterm.js can measure its
 * font, and v86 draw into the screen, whichever tab shows.
 *
 * Pipeline place: rendered by `App.tsx` beside the editor (or, in windows
 * between 1100 and 1400 px wide, beside the panel dock: styles.css).
 */
import { useState } from 'react';
import { TabStrip, type TabOption } from '../layout/TabStrip.js';
import type { PlaygroundMachine } from './playground-machine.js';
import { Screen } from './Screen.js';
import { SerialTerminal } from './SerialTerminal.js';

type MachineTab = 'serial' | 'screen';

const TABS: (TabOption & { id: MachineTab })[] = [
  { id: 'serial', label: 'Serial (COM1)', title: 'The kernel’s serial port: its log and the shell' },
  { id: 'screen', label: 'Screen (VGA)', title: 'The VGA text screen; click it and type for the PS/2 keyboard' },
];

interface MachinePaneProps {
  readonly machine: PlaygroundMachine;
  /** The element v86 draws the screen into. */
  readonly screen: HTMLElement;
  readonly onScancode: (scancode: number) => void;
}

export function MachinePane({ machine, screen, onScancode }: MachinePaneProps) {
  const [shown, setShown] = useState<MachineTab>('serial');
  return (
    <section className="machine-pane" aria-label="Machine">
      <TabStrip tabs={TABS} selected={shown} onSelect={(id) => setShown(id as MachineTab)} label="Machine outputs" testIdPrefix="machine-tab-" />
      <div className="machine-outputs">
        <div className={shown === 'serial' ? 'machine-output' : 'machine-output offstage'}>
          <SerialTerminal machine={machine} />
        </div>
        <div className={shown === 'screen' ? 'machine-output' : 'machine-output offstage'}>
          <Screen display={screen} onScancode={onScancode} />
        </div>
      </div>
    </section>
  );
}
