/**
 * @fileoverview Starts the page's machine before the page has rendered: the
 * machine worker with v86 (`machine/remote/`; or, with `?machine=main`, a
 * `Machine` on this thread), the screen element it is shown in (still
 * detached), the build session that boots the prebuilt image the URL names,
 * and that boot.
 *
 * Pipeline place: `main.tsx` loads this module side by side with React and
 * `App`, which are several times larger, and calls `startPage` as soon as it
 * has arrived: the kernel boots while the rest of the page still loads and
 * renders. `App` gets the result and shows it (the serial terminal replays
 * what COM1 got before it mounted; `Screen` adopts the screen element).
 */

import { BuildSession } from './build/build-session.js';
import { loadKernelProject } from './editor/kernel-sources.js';
import type { Machine } from './machine/machine.js';
import type { PlaygroundMachine } from './machine/playground-machine.js';
import { RemoteMachine } from './machine/remote/remote-machine.js';
import { createRemoteScreenElement } from './machine/remote/remote-screen-element.js';
import type { MessageEndpoint } from './machine/remote/protocol.js';
import { createScreenElement } from './machine/screen-element.js';

/** The page's machine, the build session that drives it, and the element v86 draws the VGA screen into. */
export interface StartedPage {
  readonly machine: PlaygroundMachine;
  readonly session: BuildSession;
  readonly screen: HTMLElement;
}

/**
 * Creates the page's machine and session and starts booting `imageUrl`; they live as long as the page.
 * `warmUp`: whether the session may build in the background after the boot (`BuildSession.bootPrebuilt`).
 */
export async function startPage(imageUrl: string, warmUp: boolean, inWorker: boolean): Promise<StartedPage> {
  const { machine, screen } = inWorker ? machineInWorker() : await machineHere();
  const session = new BuildSession(machine, loadKernelProject);
  void session.bootPrebuilt(imageUrl, { warmUp });
  return { machine, session, screen };
}

/** v86 on this thread, drawing into a screen element of its own; v86's JavaScript and core load only for it. */
async function machineHere(): Promise<{ machine: Machine; screen: HTMLElement }> {
  const [{ Machine }, { v86Core }] = await Promise.all([import('./machine/machine.js'), import('./v86-core.js')]);
  void v86Core().catch(() => undefined); // the download starts now; the boot that waits for it reports a failure
  const screen = createScreenElement();
  return { machine: new Machine({ v86Wasm: v86Core, screenContainer: screen }), screen };
}

/** v86 in the machine worker, its screen drawn here from the text it sends. */
function machineInWorker(): { machine: RemoteMachine; screen: HTMLElement } {
  const worker = new Worker(new URL('./machine/remote/machine-worker.ts', import.meta.url), { type: 'module' });
  const machine = new RemoteMachine(worker as unknown as MessageEndpoint);
  worker.addEventListener('error', (event) => machine.workerFailed(event.message || 'its script did not load'));
  return { machine, screen: createRemoteScreenElement(machine) };
}
