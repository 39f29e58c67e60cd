/**
 * @fileoverview The rows a terminal of a given size shows for a serial log:
 * the screen of a small, plain-text terminal model, for the early serial view
 * (`early-serial-view.ts`) that shows COM1 output until xterm.js has loaded.
 *
 * Pipeline place: `early-serial-view.ts` calls it with the machine's COM1 text
 * (`Machine.serialText()`) on every frame that text changed. It lays text out
 * as the serial terminal's xterm does with `convertEol`, so the view xterm
 * replaces looks the same: lines wrap at the last column, a tab goes to the
 * next multiple of 8, carriage return and backspace move the cursor back and
 * later text overwrites; other control characters and escape sequences
 * (colours, cursor moves) are left out — xterm takes over within a second or
 * so, and a boot log is plain text.
 */

const TAB_STOP = 8;
/** A CSI escape sequence (ESC [ parameters final byte), or ESC and one more character. */
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[^[])/y;

/** The last `rows` rows of the screen that `text` leaves on a `columns`-wide terminal (fewer while it has printed less). */
export function terminalRows(text: string, columns: number, rows: number): string[] {
  const screen: string[][] = [[]];
  let line = screen[0];
  let column = 0;
  const newLine = () => {
    line = [];
    screen.push(line);
    column = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') newLine();
    else if (char === '\r') column = 0;
    else if (char === '\b') column = Math.max(0, column - 1);
    else if (char === '\t') column = Math.min(columns - 1, (Math.floor(column / TAB_STOP) + 1) * TAB_STOP);
    else if (char === '\x1b') {
      ESCAPE_SEQUENCE.lastIndex = i;
      if (ESCAPE_SEQUENCE.test(text)) i = ESCAPE_SEQUENCE.lastIndex - 1;
    } else if (char >= ' ' && char !== '\x7f') {
      if (column === columns) newLine(); // the pending wrap: only a character past the last column starts a row
      line[column++] = char;
    }
  }
  return screen.slice(-rows).map((cells) => Array.from(cells, (cell) => cell ?? ' ').join(''));
}
