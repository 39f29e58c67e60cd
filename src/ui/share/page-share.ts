/**
 * @fileoverview The share link of the page as it is now: the project the
 * page shows, with what the toolbar and the editor show (registered by the
 * Share button, which sees the page's state), as a URL of this page.
 *
 * Pipeline place: called by the Share button and by
 * `window.playground.shareLink()` (`automation.ts`), which has no view of its
 * own; uses `capture-share.ts` and `share-link.ts`.
 */
import type { KernelProject } from '../editor/kernel-project.js';
import { dockTab } from '../panels/dock-tab.js';
import { captureShareState, type PageView } from './capture-share.js';
import { encodeShareLink } from './share-link.js';
import type { OptimizeLevel } from './share-state.js';

type ToolbarView = Omit<PageView, 'optimize' | 'panel'>;

/** Before the toolbar has registered: what the page starts with. */
const STARTING_VIEW: ToolbarView = { commandLine: '', open: { path: 'main.ts' } };
let readView: () => ToolbarView = () => STARTING_VIEW;

/** Registers where the page's command line and editor location come from; returns the function that unregisters it. */
export function providePageView(read: () => ToolbarView): () => void {
  readView = read;
  return () => {
    if (readView === read) readView = () => STARTING_VIEW;
  };
}

/** This page's URL with the share link of `project` and the page's view as its hash. */
export async function pageShareLink(project: KernelProject, optimize: OptimizeLevel): Promise<string> {
  const url = new URL(window.location.href);
  url.hash = await encodeShareLink(captureShareState(project, { ...readView(), optimize, panel: dockTab() }));
  return url.href;
}
