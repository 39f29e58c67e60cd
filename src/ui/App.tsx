/**
 * @fileoverview The playground page: a status line, the machine's serial
 * terminal and its VGA screen. Later issues add the editor and more panels here.
 *
 * Pipeline place: the root component (mounted by `main.tsx`). It creates the
 * one `Machine` of the page, boots the kernel image the URL names
 * (`page-options.ts`), and exposes it as `window.playground`.
 */

import { useEffect, useRef, useState } from 'react';
import { installAutomation } from './automation.js';
import { Machine } from './machine/machine.js';
import { Screen } from './machine/Screen.js';
import { SerialTerminal } from './machine/SerialTerminal.js';
import { kernelImageUrl } from './page-options.js';
import { StatusLine } from './StatusLine.js';
import { useMachineStatus } from './useMachineStatus.js';
import { v86Core } from './v86-core.js';

export function App() {
  const screenRef = useRef<HTMLDivElement>(null);
  const [machine, setMachine] = useState<Machine | null>(null);
  const status = useMachineStatus(machine);

  useEffect(() => {
    const created = new Machine({ v86Wasm: v86Core(), screenContainer: screenRef.current ?? undefined });
    const removeAutomation = installAutomation(created);
    setMachine(created);
    void created.bootFromUrl(kernelImageUrl(window.location.href));
    return () => {
      removeAutomation();
      void created.destroy();
    };
  }, []);

  return (
    <div className="playground">
      <header className="toolbar">
        <h1>eduOS-ts playground</h1>
        <StatusLine status={status} />
        <button type="button" onClick={() => void machine?.reset()} disabled={!machine || status.kind === 'loading'}>
          Reboot
        </button>
      </header>
      <main className="panels">
        {machine && <SerialTerminal machine={machine} />}
        <Screen ref={screenRef} />
      </main>
    </div>
  );
}
