/**
 * @fileoverview The panel dock: one tab per registered panel; the visible
 * panel re-reads the machine up to 15 times a second while it runs (only
 * that one: hidden panels cost nothing) and once more, exactly, whenever it
 * pauses, halts or crashes. Live refreshes are on a time budget
 * (`live-refresh.ts`): they take at most 5 % of the main thread, where v86
 * emulates, so a panel whose refresh costs more refreshes less often instead
 * of slowing the machine; none while the page is hidden. A read equal to the
 * last one renders nothing, and a changed one only the rows that changed
 * (`share-unchanged.ts`, `DataTable.tsx`).
 *
 * The open tab is kept in `dock-tab.ts`, so share links record it and bring
 * it back.
 *
 * Pipeline place: mounted by `App.tsx` with the page's machine and the
 * debug information of the image it runs (the build session's); reads go
 * through the machine's panel host (`panel-host.ts`).
 */
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import type { DebugInfo } from '../decoders/debug-symbols.js';
import type { PlaygroundMachine } from '../machine/playground-machine.js';
import { TabStrip } from '../layout/TabStrip.js';
import { useMachineStatus } from '../useMachineStatus.js';
import type { AnyPanel, SnapshotSource } from './panel.js';
import { dockTab, onDockTab, showDockTab } from './dock-tab.js';
import { browserClock, measureChargedRefresh, startLiveRefresh, type LivePolicy } from './live-refresh.js';
import { panelHostFor, type PanelHost } from './panel-host.js';
import { livenessLine, ReadRate } from './read-rate.js';
import { sharedForPanel } from './share-unchanged.js';
import './panels.css';

/**
 * With v86 on the page's main thread: every 66 ms at best (15 Hz, a frame or four apart on a 60 Hz screen; the
 * issue asks ≥ 10 Hz), and the refreshes no more than 5 % of the main thread's time (the bound on what live
 * panels may cost v86): a refresh that costs more than 3.3 ms, its frame included, spaces the next ones out — to one a second at
 * the least. Each frame is also charged the 0.5 ms of the browser's own work around it that no callback sees
 * (`live-refresh.ts`).
 */
const SHARED_THREAD_POLICY: LivePolicy = { intervalMs: 66, share: 0.05, maxIntervalMs: 1000, unseenFrameMs: 0.5 };

/**
 * With v86 in the machine worker the refreshes take no time from it, and their budget only keeps the page
 * responsive on a slow machine: at most a quarter of the main thread. Refreshes then cost more than on a busy main
 * thread (7 ms against 3.5 ms, median, on the 2-core machine of 2026-11-28: the page's thread now waits for the
 * core v86 does not use), which 5 % would allow only 7 times a second.
 */
const OWN_THREAD_POLICY: LivePolicy = { ...SHARED_THREAD_POLICY, share: 0.25 };

/** The live budget for `machine`: tight where v86 emulates on the page's thread. */
export function livePolicyFor(machine: Pick<PlaygroundMachine, 'emulatesHere'>): LivePolicy {
  return machine.emulatesHere ? SHARED_THREAD_POLICY : OWN_THREAD_POLICY;
}

export interface PanelDockProps {
  readonly machine: PlaygroundMachine;
  /** The running image's debug information (null: none, or not loaded yet): addresses → functions and lines. */
  readonly debugInfo: DebugInfo | null;
  /** The running image's unsafe report (null: none known), for the unsafe panel. */
  readonly unsafeReport: UnsafeReport | null;
}

export function PanelDock({ machine, debugInfo, unsafeReport }: PanelDockProps) {
  const host = panelHostFor(machine);
  const isPanel = (id: string | null): id is string => host.panels.some((panel) => panel.id === id);
  const [activeId, setActiveId] = useState(() => {
    const chosen = dockTab();
    return isPanel(chosen) ? chosen : host.panels[0].id;
  });
  const active = host.panel(activeId);
  const tabs = host.panels.map((panel) => ({ id: panel.id, label: panel.title }));

  useEffect(() => onDockTab((id) => isPanel(id) && setActiveId(id)), [host]);

  useEffect(() => host.setDebugInfo(debugInfo), [host, debugInfo]);
  useEffect(() => host.setUnsafeReport(unsafeReport), [host, unsafeReport]);

  return (
    <section className="panel panel-dock" data-testid="panel-dock" aria-label="Hardware panels">
      <TabStrip tabs={tabs} selected={active.id} onSelect={showDockTab} label="Hardware panels" testIdPrefix="panel-tab-" />
      <LivePanel key={active.id} host={host} machine={machine} panel={active} />
    </section>
  );
}

/**
 * Reads `panel` on every status change and debug-information change, and
 * while the machine runs on `LIVE_POLICY`'s budget; the line above it says
 * how live its data is (`read-rate.ts`). Each read is of the hardware then
 * (a fresh snapshot when v86 runs in the machine worker). A read equal to
 * the last one renders nothing (unless the panel opts out of looking: its
 * `shareUnchanged`); a live one renders at once (`flushSync`), so the
 * budget counts the read, React's render and, through the next frame, the
 * browser's.
 */
function LivePanel({ host, machine, panel }: { host: PanelHost; machine: PlaygroundMachine; panel: AnyPanel }) {
  const status = useMachineStatus(machine);
  const [data, setData] = useState<unknown>(null);
  /** Live reads per second over the last whole second (null until one has passed, and while not running). */
  const [readsPerSecond, setReadsPerSecond] = useState<number | null>(null);
  // The view reads memory through it on demand (the translate box); kept current without re-rendering.
  const source = useRef<SnapshotSource | null>(null);
  const shown = useRef<unknown>(null);

  useEffect(() => {
    /** Set when this effect is cleaned up: a read still waiting for its snapshot then shows nothing. */
    let superseded = false;
    /**
     * Reads the panel on the hardware now; resolves with the data to show (undefined when it equals what is shown)
     * and when the read began, once its snapshot had come.
     */
    const read = async (): Promise<{ next: unknown; readStarted: number }> => {
      const fresh = await host.readFresh(panel.id);
      const readStarted = fresh?.readStarted ?? performance.now();
      if (superseded) return { next: undefined, readStarted };
      source.current = fresh?.source ?? null;
      const next = sharedForPanel(panel, shown.current, fresh?.data ?? null);
      if (next === shown.current) return { next: undefined, readStarted };
      shown.current = next;
      return { next, readStarted };
    };
    // A read that fails (the machine worker gone) leaves the panel as it was; the status line says why.
    const refresh = () =>
      void read().then(({ next }) => next !== undefined && setData(next), () => undefined);
    const rate = new ReadRate(performance.now());
    const refreshLive = async () => {
      const perSecond = rate.read(performance.now());
      const { next, readStarted } = await read();
      const changed = !superseded && (next !== undefined || perSecond !== null);
      if (changed) {
        flushSync(() => {
          if (next !== undefined) setData(next);
          if (perSecond !== null) setReadsPerSecond(Math.round(perSecond));
        });
      }
      return { changed, workStarted: readStarted };
    };
    refresh();
    setReadsPerSecond(null);
    const unsubscribe = host.onChange(refresh);
    const stop = status.kind === 'running' ? startLiveRefresh(refreshLive, livePolicyFor(machine), browserClock(() => machine.emulatedUntil()), measureChargedRefresh) : null;
    return () => {
      superseded = true;
      stop?.();
      unsubscribe();
    };
  }, [host, machine, panel, status]);

  const { View } = panel;
  const liveness = livenessLine(status, readsPerSecond, machine.emulatesHere ? livePolicyFor(machine).share : null);
  return (
    <>
      <p className="dock-liveness" data-testid="dock-liveness">
        {liveness}
      </p>
      <div className="panel-body" role="tabpanel" data-testid={`panel-${panel.id}`} data-status={status.kind}>
        {data !== null && source.current ? <View data={data} source={source.current} /> : <p className="dim">The machine is not running yet.</p>}
      </div>
    </>
  );
}
