/**
 * @fileoverview The one error a share link can fail to open with: what is
 * wrong (`problem`, for code and tests) and a sentence for people (`message`,
 * shown on the page and by `window.playground.readShareLink`).
 *
 * Pipeline place: thrown by the link's decoding steps (`share-link.ts`,
 * `share-versions.ts`, `share-state.ts`); the page shows it and keeps
 * working as if it had been opened without the link.
 */

export type ShareLinkProblem =
  /** The URL has no `s=<version>.<data>`, or it is malformed. */
  | 'not-a-share-link'
  /** Made by a newer playground (a share format this page does not know). */
  | 'unknown-version'
  /** Not base64url, cut off, or compressed data that does not unpack. */
  | 'corrupt'
  /** The state's length does not match the length the link records. */
  | 'wrong-length'
  /** The state does not match the checksum the link records. */
  | 'wrong-checksum'
  /** The data unpacks but is not a share state (missing or mistyped fields). */
  | 'bad-state'
  /** A file path that cannot name a kernel file ('../x.ts', 'main.js'). */
  | 'bad-path';

export class ShareLinkError extends Error {
  override readonly name = 'ShareLinkError';

  constructor(
    readonly problem: ShareLinkProblem,
    message: string,
  ) {
    super(message);
  }
}
