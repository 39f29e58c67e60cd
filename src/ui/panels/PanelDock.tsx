/**
 * @fileoverview The panel dock: one tab per registered panel; the visible
 * panel re-reads the machine about 15 times a second while it runs (only
 * that one: hidden panels cost nothing) and once more, exactly, whenever it
 * pauses, halts or crashes.
 *
 * Pipeline place: mounted by `App.tsx` with the page's machine and the
 * debug information of the image it runs (the build session's); reads go
 * through the machine's panel host (`panel-host.ts`).
 */
import { useEffect, useRef, useState } from 'react';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import type { DebugInfo } from '../decoders/debug-symbols.js';
import type { Machine } from '../machine/machine.js';
import { useMachineStatus } from '../useMachineStatus.js';
import type { AnyPanel, SnapshotSource } from './panel.js';
import { panelHostFor, type PanelHost } from './panel-host.js';
import './panels.css';

/** At most this often while running: ≥ 10 Hz as promised, and a frame or four apart on a 60 Hz screen. */
const LIVE_INTERVAL_MS = 66;

export interface PanelDockProps {
  readonly machine: Machine;
  /** The running image's debug information (null: none, or not loaded yet): addresses → functions and lines. */
  readonly debugInfo: DebugInfo | null;
  /** The running image's unsafe report (null: none known), for the unsafe panel. */
  readonly unsafeReport: UnsafeReport | null;
}

export function PanelDock({ machine, debugInfo, unsafeReport }: PanelDockProps) {
  const host = panelHostFor(machine);
  const [activeId, setActiveId] = useState(host.panels[0].id);
  const active = host.panel(activeId);

  useEffect(() => host.setDebugInfo(debugInfo), [host, debugInfo]);
  useEffect(() => host.setUnsafeReport(unsafeReport), [host, unsafeReport]);

  return (
    <section className="panel panel-dock" data-testid="panel-dock" aria-label="Hardware panels">
      <div role="tablist" className="panel-tabs">
        {host.panels.map((panel) => (
          <button
            key={panel.id}
            type="button"
            role="tab"
            aria-selected={panel.id === activeId}
            data-testid={`panel-tab-${panel.id}`}
            onClick={() => setActiveId(panel.id)}
          >
            {panel.title}
          </button>
        ))}
      </div>
      <LivePanel key={active.id} host={host} machine={machine} panel={active} />
    </section>
  );
}

/**
 * Reads `panel` on every status change and, while the machine runs, every
 * LIVE_INTERVAL_MS (on animation frames). A read that returns the same data
 * object as before (see `last-result.ts`) re-renders nothing.
 */
function LivePanel({ host, machine, panel }: { host: PanelHost; machine: Machine; panel: AnyPanel }) {
  const status = useMachineStatus(machine);
  const [data, setData] = useState<unknown>(null);
  // The view reads memory through it on demand (the translate box); kept current without re-rendering.
  const source = useRef<SnapshotSource | null>(null);

  useEffect(() => {
    const refresh = () => {
      source.current = host.source();
      setData(source.current ? host.read(panel.id, source.current) : null);
    };
    refresh();
    const unsubscribe = host.onChange(refresh);
    if (status.kind !== 'running') return unsubscribe;
    let frame = 0;
    let last = 0;
    const tick = (now: number) => {
      if (now - last >= LIVE_INTERVAL_MS) {
        last = now;
        refresh();
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
    };
  }, [host, panel, status]);

  const { View } = panel;
  return (
    <div className="panel-body" role="tabpanel" data-testid={`panel-${panel.id}`} data-status={status.kind}>
      {data !== null && source.current ? <View data={data} source={source.current} /> : <p className="dim">The machine is not running yet.</p>}
    </div>
  );
}
