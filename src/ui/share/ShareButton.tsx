/**
 * @fileoverview The toolbar's Share button: makes the link of the page as it
 * is now (`page-share.ts`), puts it in the address bar and on the clipboard,
 * and shows it in a small popover with its length, a Copy button and a
 * warning when it is very long. After the next change to the files the
 * address bar goes back to the workspace's own address, so a reload never
 * opens a stale link instead of the student's work — also once the popover
 * is closed (its ×, Escape, a click elsewhere, or another link opened).
 *
 * Pipeline place: in `App.tsx`'s toolbar; registers the page's command line
 * and editor location for `window.playground.shareLink()` too.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { BuildSession } from '../build/build-session.js';
import { editorCursorIn } from '../editor/editor-cursor.js';
import type { EditorLocation } from '../editor/editor-location.js';
import type { KernelProject } from '../editor/kernel-project.js';
import { showInAddressBar } from './address-bar.js';
import { linkLengthWarning } from './link-length.js';
import { pageShareLink, providePageView } from './page-share.js';
import './share.css';

export interface ShareButtonProps {
  /** Null while the sources load. */
  readonly project: KernelProject | null;
  readonly session: BuildSession | null;
  readonly commandLine: string;
  /** The file (and line) the editor shows. */
  readonly location: EditorLocation;
}

interface Shared {
  readonly link: string;
  /** null while copying. */
  readonly copied: boolean | null;
}

/**
 * While `open`, calls `close` when the user presses the pointer outside `container` (as a popover closes), or the
 * page opens another link (its hash changes): the popover would otherwise cover what that click or link shows.
 */
function useCloseWhenAway(container: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const pointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('pointerdown', pointerDown, true);
    window.addEventListener('hashchange', close);
    return () => {
      document.removeEventListener('pointerdown', pointerDown, true);
      window.removeEventListener('hashchange', close);
    };
  }, [container, open, close]);
}

export function ShareButton({ project, session, commandLine, location }: ShareButtonProps) {
  const [shared, setShared] = useState<Shared | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Whether the popover shows; closing it keeps `shared`, whose link the address bar still follows. */
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => providePageView(() => ({ commandLine, open: editorCursorIn(location.path) ?? location })), [commandLine, location]);

  useEffect(() => {
    if (!shared || !project) return;
    const linkHash = new URL(shared.link).hash;
    return project.onChange(() => {
      if (window.location.hash === linkHash) showInAddressBar(project.workspace.address);
    });
  }, [shared, project]);

  const share = async () => {
    if (!project || !session) return;
    setOpen(true);
    try {
      const link = await pageShareLink(project, session.optimizeLevel);
      setProblem(null);
      showInAddressBar(new URL(link).hash);
      setShared({ link, copied: null });
      setShared({ link, copied: await copyText(link) });
    } catch (error) {
      setShared(null);
      setProblem(`No link: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const copyAgain = async () => shared && setShared({ ...shared, copied: await copyText(shared.link) });
  const close = useCallback(() => setOpen(false), []);
  useCloseWhenAway(container, open, close);

  const warning = shared && linkLengthWarning(shared.link.length);
  return (
    <div className="share" ref={container}>
      <button type="button" onClick={() => void share()} disabled={!project || !session} data-testid="share-button" title="A link that opens this experiment">
        Share
      </button>
      {open && (shared || problem) && (
        <div className="share-popover" role="dialog" aria-label="Share link" data-testid="share-popover" onKeyDown={(event) => event.key === 'Escape' && close()}>
          {shared && (
            <>
              <div className="share-link-row">
                <input type="text" readOnly value={shared.link} data-testid="share-link" aria-label="Share link" onFocus={(event) => event.target.select()} />
                <button type="button" onClick={() => void copyAgain()}>
                  Copy
                </button>
              </div>
              <p data-testid="share-length">
                {shared.link.length.toLocaleString('en')} characters ·{' '}
                {shared.copied === null ? 'copying…' : shared.copied ? 'copied to the clipboard' : 'the browser did not allow copying: select the link and press Ctrl+C'}
              </p>
              {warning && (
                <p className="share-warning" data-testid="share-warning">
                  {warning}
                </p>
              )}
            </>
          )}
          {problem && <p className="share-warning">{problem}</p>}
          <button type="button" className="share-close" onClick={close} aria-label="Close">
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** Whether the browser let the page put `text` on the clipboard (it needs a secure page and the user's click). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
