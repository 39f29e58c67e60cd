/**
 * @fileoverview The element v86 draws the VGA screen into, made before the
 * page has rendered anything.
 *
 * Pipeline place: `start-page.ts` creates it and passes it to `Machine` as
 * `screenContainer`, so the first boot starts without waiting for React;
 * the `Screen` panel adopts it into the page when it mounts. Until then v86
 * draws into it detached, so nothing the kernel put on the screen is lost.
 */

/** A detached `div` with the text `div` (text modes) and the `canvas` (graphics modes) v86's screen adapter fills. */
export function createScreenElement(): HTMLElement {
  const screen = document.createElement('div');
  screen.className = 'v86-display';
  const text = document.createElement('div');
  text.className = 'v86-text';
  const graphics = document.createElement('canvas');
  graphics.className = 'v86-graphics';
  graphics.hidden = true;
  screen.append(text, graphics);
  return screen;
}
