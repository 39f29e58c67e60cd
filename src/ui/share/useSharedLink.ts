/**
 * @fileoverview React hook: opens the share link in the address bar — at
 * page load and whenever the hash changes to another link — as a workspace
 * of its own (`open-shared.ts`), then, once the page is ready (the first boot
 * done and the project shown), applies the link's command line, optimize
 * level and editor location and builds and boots the experiment (Build &
 * Run). A broken link leaves the page as it would be without it and says
 * why.
 *
 * Pipeline place: used by `SharedLinkBar.tsx`; switches the page's project
 * through `editor/kernel-sources.ts`, builds through the page's
 * `BuildSession`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BuildSession } from '../build/build-session.js';
import type { EditorLocation } from '../editor/editor-location.js';
import type { KernelProject } from '../editor/kernel-project.js';
import { loadWorkspace, switchProject } from '../editor/kernel-sources.js';
import { MY_EDITS } from '../editor/workspace.js';
import { showInAddressBar } from './address-bar.js';
import { showDockTab } from '../panels/dock-tab.js';
import { openSharedExperiment, restoreLinkVersion, type OpenedExperiment } from './open-shared.js';
import { ShareLinkError } from './share-error.js';
import { decodeShareLink, shareAddressOf, type DecodedShareLink } from './share-link.js';

type NoLink = { readonly kind: 'none' };
type OpenLink = { readonly kind: 'open'; readonly link: DecodedShareLink } & OpenedExperiment;

export type SharedLinkState =
  | NoLink
  | { readonly kind: 'opening' }
  | OpenLink
  /** `before`: what the page showed before the broken link (it still does). */
  | { readonly kind: 'broken'; readonly message: string; readonly before: NoLink | OpenLink };

/** How the link reaches the parts of the page the hook does not own. */
export interface SharedLinkPage {
  readonly session: BuildSession | null;
  /** The project the page shows (null until the first boot is done). */
  readonly project: KernelProject | null;
  readonly setCommandLine: (text: string) => void;
  readonly showLocation: (location: EditorLocation) => void;
}

export interface SharedLink {
  readonly state: SharedLinkState;
  /** Shows the student's own edits again (the link's workspace stays stored) and drops the link from the address bar. */
  readonly backToMyEdits: () => void;
  /** Drops the changes made to the open experiment: back to the link's files. */
  readonly restoreLinkVersion: () => void;
  /** Hides the message about a broken link; the address bar goes back to what the page shows. */
  readonly dismiss: () => void;
}

export function useSharedLink(page: SharedLinkPage): SharedLink {
  const [state, setState] = useState<SharedLinkState>(() => (shareAddressOf(window.location.href) ? { kind: 'opening' } : { kind: 'none' }));
  /** Counts openings, so the result of one superseded by another (or by "back") is dropped. */
  const openings = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const pageRef = useRef(page);
  pageRef.current = page;
  /** The link whose Build & Run has started: once per opening. */
  const built = useRef<DecodedShareLink | null>(null);

  useEffect(() => {
    const openFromAddressBar = () => {
      const address = shareAddressOf(window.location.href);
      const current = stateRef.current;
      if (!address || (current.kind === 'open' && current.link.address === address)) return;
      const opening = ++openings.current;
      const before = current.kind === 'open' ? current : ({ kind: 'none' } as const);
      setState({ kind: 'opening' });
      const opened = decodeShareLink(address).then(async (link) => ({ link, ...(await openSharedExperiment(link)) }));
      switchProject(opened.then(({ project }) => project));
      opened.then(
        (experiment) => opening === openings.current && setState({ kind: 'open', ...experiment }),
        (error: unknown) => opening === openings.current && setState({ kind: 'broken', message: messageOf(error), before }),
      );
    };
    openFromAddressBar();
    window.addEventListener('hashchange', openFromAddressBar);
    return () => {
      window.removeEventListener('hashchange', openFromAddressBar);
      openings.current++;
    };
  }, []);

  const { session, project } = page;
  useEffect(() => {
    if (session && (state.kind === 'opening' || state.kind === 'open')) session.warmUp();
  }, [session, state.kind]);

  useEffect(() => {
    if (state.kind !== 'open' || project !== state.project || !session || built.current === state.link) return;
    built.current = state.link;
    const { commandLine, optimize, open, panel } = state.link.state;
    pageRef.current.setCommandLine(commandLine);
    session.setOptimizeLevel(optimize);
    if (project.has(open.path)) pageRef.current.showLocation(open);
    if (panel !== undefined) showDockTab(panel);
    void session.buildAndRun();
  }, [state, session, project]);

  const backToMyEdits = useCallback(() => {
    openings.current++;
    showInAddressBar(MY_EDITS.address);
    switchProject(loadWorkspace(MY_EDITS));
    setState({ kind: 'none' });
  }, []);
  const restore = useCallback(() => {
    const current = stateRef.current;
    if (current.kind === 'open') restoreLinkVersion(current.project, current.link.state.files);
  }, []);
  const dismiss = useCallback(() => {
    const current = stateRef.current;
    if (current.kind !== 'broken') return;
    showInAddressBar(current.before.kind === 'open' ? current.before.link.address : MY_EDITS.address);
    setState(current.before);
  }, []);
  return { state, backToMyEdits, restoreLinkVersion: restore, dismiss };
}

function messageOf(error: unknown): string {
  if (error instanceof ShareLinkError) return error.message;
  return `The link could not be opened: ${error instanceof Error ? error.message : String(error)}.`;
}
