/**
 * @fileoverview Puts a hash into the address bar without reloading the page
 * or adding a history entry, so the address bar can show a share link and
 * later go back to the workspace's own address.
 *
 * Pipeline place: used by the Share button and the shared-link bar.
 */

/** Shows `hash` ('#s=1.…', or '' for none) in the address bar. */
export function showInAddressBar(hash: string): void {
  const url = new URL(window.location.href);
  url.hash = hash;
  // `url.hash = ''` leaves a bare '#' behind; the page's own address has none.
  window.history.replaceState(window.history.state, '', hash ? url.href : url.href.replace(/#$/, ''));
}
