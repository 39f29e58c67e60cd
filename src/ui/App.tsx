/**
 * @fileoverview The playground page: a toolbar (Build & Run, Pause/Resume,
 * Reboot, the boot command line, the optimize level, the panels switch, Share,
 * build progress, machine status), the bar of a shared experiment opened from
 * a link, the kernel's file tree, the code editor with the build's problems,
 * the machine (serial terminal and VGA screen, as tabs) and the panel dock
 * below a line that resizes it. Where the window is large enough the page
 * fits it, each part scrolling on its own (styles.css).
 *
 * Pipeline place: the root component, mounted by `main.tsx` with the page's
 * one `Machine` and its build session (`start-page.ts`), which are already
 * booting the prebuilt kernel image the URL names (`page-options.ts`) while
 * this chunk loads. The first render is what shows that boot: the toolbar,
 * the serial terminal (its early view) and the screen; the kernel's sources,
 * the editor (Monaco is most of the page's weight) and the panel dock (its
 * first read of the machine) come once the page has shown the kernel's first
 * output (`firstOutput`), so they never delay it — the dock in a slot kept
 * for it from the start, so nothing around it moves; the compiler loads in a worker once
 * the page is idle after that (`build-session.ts`'s background warm-up). It
 * exposes everything as `window.playground`.
 */

import { lazy, Suspense, useCallback, useEffect, useState, type CSSProperties } from 'react';
import type { AscOptions } from '../toolchain/asc/compile.js';
import { installAutomation } from './automation.js';
import { useBuildShortcut } from './build/build-shortcut.js';
import { BuildProgress } from './build/BuildProgress.js';
import { CrashNotice } from './build/CrashNotice.js';
import { ProblemList } from './build/ProblemList.js';
import { useBuildState, useRunningImage } from './build/useBuildSession.js';
import type { EditorLocation } from './editor/editor-location.js';
import { FileTree } from './editor/FileTree.js';
import { loadKernelProject } from './editor/kernel-sources.js';
import { usePageProject } from './editor/usePageProject.js';
import { firstOutput } from './machine/first-output.js';
import type { PlaygroundMachine } from './machine/playground-machine.js';
import { MachinePane } from './machine/MachinePane.js';
import { DockSplitter } from './layout/DockSplitter.js';
import { useDockShare } from './layout/useDockShare.js';
import { kernelImageUrl } from './page-options.js';
import { OPEN_SOURCE_EVENT, type OpenSourceDetail } from './panels/open-source.js';
import { PanelDock } from './panels/PanelDock.js';
import { useUnsafeReport } from './panels/useUnsafeReport.js';
import { ShareButton } from './share/ShareButton.js';
import { SharedLinkBar } from './share/SharedLinkBar.js';
import type { StartedPage } from './start-page.js';
import { StatusLine } from './StatusLine.js';
import { useMachineStatus } from './useMachineStatus.js';

const CodeEditor = lazy(() => import('./editor/CodeEditor.js'));

/** The file the editor shows first. */
const FIRST_FILE = 'main.ts';

const OPTIMIZE_CHOICES: { level: NonNullable<AscOptions['optimize']>; label: string }[] = [
  { level: 0, label: '-O0 (fast build)' },
  { level: 1, label: '-O1' },
  { level: 2, label: '-O2' },
  { level: 3, label: '-O3 (as npm run kernel)' },
];

export function App({ page }: { page: StartedPage }) {
  const { machine, session, screen } = page;
  const [location, setLocation] = useState<EditorLocation>({ path: FIRST_FILE });
  const [commandLine, setCommandLine] = useState('');
  const [showPanels, setShowPanels] = useState(true);
  const dock = useDockShare();
  const status = useMachineStatus(machine);
  const build = useBuildState(session);
  const image = useRunningImage(session);
  const unsafeReport = useUnsafeReport(image, kernelImageUrl(window.location.href));
  const firstBootDone = useFirstBootDone(machine);
  const project = usePageProject(firstBootDone);
  const pressKey = useCallback((scancode: number) => machine.pressKeys([scancode]), [machine]);

  useEffect(() => installAutomation(machine, session, loadKernelProject), [machine, session]);

  useEffect(() => {
    const open = (event: Event) => {
      const { file, line } = (event as CustomEvent<OpenSourceDetail>).detail;
      setLocation({ path: file, line });
    };
    window.addEventListener(OPEN_SOURCE_EVENT, open);
    return () => window.removeEventListener(OPEN_SOURCE_EVENT, open);
  }, []);

  const canOpen = useCallback((path: string) => project?.has(path) ?? false, [project]);
  const warmUp = useCallback(() => session.warmUp(), [session]);
  const canBuild = project !== null && build.phase !== 'building';
  const buildAndRun = useCallback(() => {
    if (canBuild) void session.buildAndRun();
  }, [canBuild, session]);
  useBuildShortcut(buildAndRun);
  const changeCommandLine = useCallback(
    (text: string) => {
      setCommandLine(text);
      machine.setCommandLine(text);
    },
    [machine],
  );

  return (
    <div className={showPanels ? 'playground' : 'playground no-dock'} style={{ '--dock-share': dock.share } as CSSProperties}>
      <header className="toolbar">
        <h1>eduOS-ts playground</h1>
        <button
          type="button"
          className="primary"
          onClick={buildAndRun}
          onPointerEnter={warmUp}
          disabled={!canBuild}
          title="Build the kernel in the browser and boot it (Ctrl+Enter or Ctrl+S)"
        >
          Build &amp; Run
        </button>
        {status.kind === 'stopped' ? (
          <button type="button" onClick={() => void machine.resume()}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={() => void machine.stop()} disabled={status.kind !== 'running'}>
            Pause
          </button>
        )}
        <button type="button" onClick={() => void machine.reset()} disabled={status.kind === 'loading'}>
          Reboot
        </button>
        <label className="boot-options" title="The Multiboot command line the kernel gets from the next boot on">
          Command line
          <input
            type="text"
            value={commandLine}
            placeholder="e.g. hz=100"
            spellCheck={false}
            data-testid="command-line"
            onChange={(event) => changeCommandLine(event.target.value)}
          />
        </label>
        <label className="boot-options" title="asc's optimize level for Build & Run">
          Optimize
          <select
            value={session.optimizeLevel}
            data-testid="optimize-level"
            onChange={(event) => session.setOptimizeLevel(Number(event.target.value) as NonNullable<AscOptions['optimize']>)}
          >
            {OPTIMIZE_CHOICES.map(({ level, label }) => (
              <option key={level} value={level}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="boot-options" title="Hide the panel dock: no panel reads the machine while it runs">
          <input type="checkbox" checked={showPanels} data-testid="show-panels" onChange={(event) => setShowPanels(event.target.checked)} />
          Panels
        </label>
        <ShareButton project={project} session={session} commandLine={commandLine} location={location} />
        <BuildProgress state={build} />
        <StatusLine status={status} />
      </header>
      <SharedLinkBar session={session} project={project} setCommandLine={changeCommandLine} showLocation={setLocation} />
      <CrashNotice status={status} image={image} onOpen={setLocation} canOpen={canOpen} />
      <main className="workspace">
        <FileTree project={project} openPath={location.path} onOpen={(path) => setLocation({ path })} />
        <section className="editor-pane" aria-label="Editor">
          <div className="editor-title">{location.path}</div>
          {project ? (
            <Suspense fallback={<p className="note editor-loading">Loading the editor…</p>}>
              <CodeEditor project={project} location={location} diagnostics={build.diagnostics} unsafeReport={unsafeReport} onEdit={warmUp} />
            </Suspense>
          ) : (
            <p className="note editor-loading">The editor loads once the kernel has started.</p>
          )}
          <ProblemList diagnostics={build.diagnostics} onOpen={setLocation} canOpen={canOpen} />
        </section>
        <MachinePane machine={machine} screen={screen} onScancode={pressKey} />
      </main>
      {showPanels && (
        <>
          <DockSplitter share={dock.share} onChange={dock.move} onCommit={dock.keep} />
          <div className="dock-slot">{firstBootDone && <PanelDock machine={machine} debugInfo={image.debug} unsafeReport={unsafeReport} />}</div>
        </>
      )}
    </div>
  );
}

/**
 * False until the first boot has got somewhere and the page has shown it (`firstOutput`: printed, ended, or ran
 * silently for a while; a frame painted since), then true for good.
 */
function useFirstBootDone(machine: PlaygroundMachine): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (done) return;
    const { done: settled, cancel } = firstOutput(machine);
    void settled.then(() => setDone(true));
    return cancel;
  }, [machine, done]);
  return done;
}
