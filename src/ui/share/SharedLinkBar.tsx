/**
 * @fileoverview The bar under the toolbar while the page shows a shared
 * experiment: what the link changed, that it has a workspace of its own
 * (the student's edits are kept apart), and the ways back — to the link's
 * version, to "my edits". For a broken link it says what is wrong; the page
 * runs as without the link.
 *
 * Pipeline place: rendered by `App.tsx` under the toolbar; runs
 * `useSharedLink`, which opens the link and builds it.
 */
import { kernelFingerprint } from './capture-share.js';
import './share.css';
import { useSharedLink, type SharedLinkPage } from './useSharedLink.js';

export function SharedLinkBar(page: SharedLinkPage) {
  const { state, backToMyEdits, restoreLinkVersion, dismiss } = useSharedLink(page);
  switch (state.kind) {
    case 'none':
      return null;
    case 'opening':
      return (
        <p className="share-bar" data-testid="share-bar">
          Opening the shared experiment…
        </p>
      );
    case 'broken':
      return (
        <p className="share-bar share-broken" role="alert" data-testid="share-error">
          <span>
            {state.message} The page runs as without the link: the prebuilt kernel, and{' '}
            {state.before.kind === 'open' ? 'the experiment it showed' : 'your own edits'}.
          </span>
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      );
    case 'open': {
      const files = Object.keys(state.link.state.files);
      const otherKernel = state.link.state.kernel !== kernelFingerprint(state.project.originals);
      return (
        <p className="share-bar" data-testid="share-bar">
          <span>
            <strong>Shared experiment</strong>
            {files.length ? ` changing ${files.join(', ')}` : ' (no changed files)'}, in a workspace of its own: your own edits are kept
            apart.
            {state.resumed && ' You opened this link before: it shows your changes since.'}
            {otherKernel && <span className="share-warning"> It was made with other kernel sources than this page has: it may not build as it did.</span>}
          </span>
          <button type="button" onClick={restoreLinkVersion} title="Drop your changes to the experiment">
            Restore the link's version
          </button>
          <button type="button" onClick={backToMyEdits} data-testid="share-back">
            Back to my edits
          </button>
        </p>
      );
    }
  }
}
