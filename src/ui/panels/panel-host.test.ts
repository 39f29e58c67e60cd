// The panel host: reads panels by id, and hands each panel its data at the last pause (running) or the pause before (paused).
import { describe, expect, it } from 'vitest';
import type { CpuState } from '../decoders/cpu-state.js';
import type { Hardware } from '../machine/hardware.js';
import type { PlaygroundMachine } from '../machine/playground-machine.js';
import type { MachineStatus } from '../machine/status.js';
import type { Panel } from './panel.js';
import { PanelHost } from './panel-host.js';

/** A machine whose status the test sets, with a CPU whose EAX the test sets. */
function fakeMachine() {
  const listeners = new Set<(status: MachineStatus) => void>();
  const state = { status: { kind: 'idle' } as MachineStatus, eax: 0 };
  const hardware = (): Hardware | null =>
    state.status.kind === 'idle' || state.status.kind === 'loading'
      ? null
      : { cpu: () => ({ general: { eax: state.eax } }) as unknown as CpuState, readPhysical: (_: number, n: number) => new Uint8Array(n), memoryBytes: 0 };
  const machine = {
    get status() {
      return state.status;
    },
    onStatusChange: (listener: (status: MachineStatus) => void) => (listeners.add(listener), () => listeners.delete(listener)),
    hardware,
    // As Machine's: the read runs at once, on the hardware now.
    refreshHardware: async <T,>(read: (hardware: Hardware) => T) => {
      const now = hardware();
      return now ? { hardware: now, result: read(now) } : null;
    },
  };
  const setStatus = (status: MachineStatus) => {
    state.status = status;
    for (const listener of listeners) listener(status);
  };
  return { machine: machine as unknown as PlaygroundMachine, state, setStatus };
}

/** Reports EAX now and EAX in its baseline. */
const eaxPanel: Panel<{ eax: number; before: number | null }> = {
  id: 'eax',
  title: 'EAX',
  read: (source, baseline) => ({ eax: source.hardware.cpu().general.eax, before: baseline?.eax ?? null }),
  View: () => null,
};

describe('PanelHost', () => {
  it('reads nothing before the machine runs, and says which panels exist for an unknown id', async () => {
    const { machine } = fakeMachine();
    const host = new PanelHost(machine, [eaxPanel]);
    expect(host.read('eax')).toBeNull();
    expect(await host.readFresh('eax')).toBeNull();
    expect(() => host.read('tasks')).toThrow('no panel "tasks"; panels: eax');
    await expect(host.readFresh('tasks')).rejects.toThrow('no panel "tasks"; panels: eax');
  });

  it('reads a panel fresh, with the source it read', async () => {
    const { machine, state, setStatus } = fakeMachine();
    const host = new PanelHost(machine, [eaxPanel]);
    setStatus({ kind: 'running' });
    state.eax = 7;
    const fresh = await host.readFresh('eax');
    expect(fresh!.data).toEqual({ eax: 7, before: null });
    expect(fresh!.source.hardware.cpu().general.eax).toBe(7);
  });

  it('compares with the last pause while running and with the pause before while paused; a reboot forgets', () => {
    const { machine, state, setStatus } = fakeMachine();
    const host = new PanelHost(machine, [eaxPanel]);
    setStatus({ kind: 'running' });
    state.eax = 1;
    expect(host.read('eax')).toEqual({ eax: 1, before: null });
    setStatus({ kind: 'stopped' });
    expect(host.read('eax')).toEqual({ eax: 1, before: null });
    setStatus({ kind: 'running' });
    state.eax = 2;
    expect(host.read('eax')).toEqual({ eax: 2, before: 1 });
    setStatus({ kind: 'halted', exitCode: null });
    expect(host.read('eax')).toEqual({ eax: 2, before: 1 });
    setStatus({ kind: 'loading', step: 'starting v86' });
    setStatus({ kind: 'running' });
    expect(host.read('eax')).toEqual({ eax: 2, before: null });
  });

  it("counts the machine's boots for the serial console, once per boot however many loading steps it has", () => {
    const { machine, setStatus } = fakeMachine();
    const host = new PanelHost(machine, [eaxPanel]);
    const boot = () => host.source({ cpu: () => ({}) as CpuState, readPhysical: (_: number, n: number) => new Uint8Array(n), memoryBytes: 0 })!.serial!.boot();
    expect(boot()).toBe(0);
    setStatus({ kind: 'loading', step: 'fetching images/eduos.elf' });
    setStatus({ kind: 'loading', step: 'starting v86' });
    setStatus({ kind: 'running' });
    expect(boot()).toBe(1);
    setStatus({ kind: 'loading', step: 'starting v86' });
    setStatus({ kind: 'running' });
    expect(boot()).toBe(2);
  });
});
