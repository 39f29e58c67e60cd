/**
 * @fileoverview Versions of the share format and the migrations between
 * them, as Compiler Explorer does for its URL state: a link records the
 * version it was written in, and a page that writes a newer version still
 * opens it by upgrading its JSON one version at a time, then checking it as
 * the current version. A link never stops working because the page moved on.
 *
 * Pipeline place: between unpacking a link (`share-link.ts`) and the current
 * version's checks (`share-state.ts`, whose `SHARE_FORMAT` is the page's).
 * To add version N+1: write `upgrades[N]` (version N's JSON → N+1's),
 * bump `version`, and change `parse` to check N+1's fields.
 */
import { ShareLinkError } from './share-error.js';

export interface ShareFormat<State> {
  /** The version new links are written in (the last one; versions start at 1). */
  readonly version: number;
  /** `upgrades[v]` turns the JSON of a version-v link into version v+1's, for every v below `version`. */
  readonly upgrades: Readonly<Record<number, (older: unknown) => unknown>>;
  /** Checks JSON of the current version and returns it typed; throws `ShareLinkError` ('bad-state', 'bad-path'). */
  readonly parse: (json: unknown) => State;
}

/** Throws 'unknown-version' for a link written in a version newer than the format's (by a newer playground). */
export function checkReadable(format: ShareFormat<unknown>, version: number): void {
  if (version <= format.version) return;
  throw new ShareLinkError(
    'unknown-version',
    `This link was made by a newer playground (share format v${version}; this page reads v1 to v${format.version}). Open it where it was made, or reload this page to get the newest playground.`,
  );
}

/** The state a link of `version` holds (its JSON), upgraded to the format's current version and checked. */
export function upgradeToCurrent<State>(format: ShareFormat<State>, version: number, json: unknown): State {
  checkReadable(format, version);
  let upgraded = json;
  for (let from = version; from < format.version; from++) {
    const upgrade = format.upgrades[from];
    if (!upgrade) throw new Error(`the share format has no upgrade from v${from} to v${from + 1}`);
    upgraded = upgrade(upgraded);
  }
  return format.parse(upgraded);
}
