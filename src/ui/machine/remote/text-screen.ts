/**
 * @fileoverview The VGA text screen as data, for a machine that runs in a
 * worker, where v86 has no screen element to draw into: the cells (a CP437
 * character code and its foreground and background colour), the cursor, and
 * the updates that carry changed rows from the worker to the page.
 *
 * `TextScreen` is kept on both sides: in the worker from v86's screen
 * adapter calls (`screen-capture.ts`), which `takeUpdate` turns into one
 * message per slice of emulation with the rows that changed; on the page
 * from those messages (`applyUpdate`), read a row at a time as runs of one
 * colour (`rowRuns`) to draw.
 */

/** CP437, the VGA's character set, in Unicode: what each character code shows. Code 0 and 255 show as spaces. */
export const CP437 =
  ' ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼' +
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂' +
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';

export interface TextCursor {
  readonly row: number;
  readonly col: number;
  readonly visible: boolean;
}

/** One changed row: its character codes and colours (0xRRGGBB), one entry per column. */
export interface RowUpdate {
  readonly row: number;
  readonly chars: Uint8Array;
  readonly fg: Int32Array;
  readonly bg: Int32Array;
}

/** What changed on the screen since the last update. */
export interface ScreenUpdate {
  readonly cols: number;
  readonly rows: number;
  /** True in a graphics mode, which this screen does not show. */
  readonly graphical: boolean;
  readonly cursor: TextCursor;
  readonly changedRows: readonly RowUpdate[];
}

/** A run of cells of one colour in a row. */
export interface TextRun {
  readonly text: string;
  readonly fg: number;
  readonly bg: number;
}

export class TextScreen {
  cols = 0;
  rows = 0;
  graphical = false;
  cursor: TextCursor = { row: 0, col: 0, visible: false };
  private chars = new Uint8Array(0);
  private fg = new Int32Array(0);
  private bg = new Int32Array(0);
  private readonly changed = new Set<number>();

  /** A new size empties the screen. */
  setSize(cols: number, rows: number): void {
    if (cols === this.cols && rows === this.rows) return;
    [this.cols, this.rows] = [cols, rows];
    this.chars = new Uint8Array(cols * rows);
    this.fg = new Int32Array(cols * rows);
    this.bg = new Int32Array(cols * rows);
    this.clear();
  }

  clear(): void {
    this.chars.fill(0);
    this.fg.fill(0);
    this.bg.fill(0);
    for (let row = 0; row < this.rows; row++) this.changed.add(row);
  }

  putChar(row: number, col: number, char: number, bg: number, fg: number): void {
    if (row >= this.rows || col >= this.cols) return;
    const cell = row * this.cols + col;
    this.chars[cell] = char;
    this.bg[cell] = bg;
    this.fg[cell] = fg;
    this.changed.add(row);
  }

  /** Whether anything changed since the last `takeUpdate`. */
  hasChanges(): boolean {
    return this.changed.size > 0;
  }

  /** The rows changed since the last call (copies), with the size, mode and cursor now. */
  takeUpdate(): ScreenUpdate {
    const changedRows = [...this.changed].sort((a, b) => a - b).map((row) => {
      const [start, end] = [row * this.cols, (row + 1) * this.cols];
      return { row, chars: this.chars.slice(start, end), fg: this.fg.slice(start, end), bg: this.bg.slice(start, end) };
    });
    this.changed.clear();
    return { cols: this.cols, rows: this.rows, graphical: this.graphical, cursor: this.cursor, changedRows };
  }

  /** On the page: brings this copy up to date with the worker's; returns the rows that changed. */
  applyUpdate(update: ScreenUpdate): number[] {
    this.setSize(update.cols, update.rows);
    this.changed.clear();
    this.graphical = update.graphical;
    this.cursor = update.cursor;
    for (const { row, chars, fg, bg } of update.changedRows) {
      this.chars.set(chars, row * this.cols);
      this.fg.set(fg, row * this.cols);
      this.bg.set(bg, row * this.cols);
    }
    return update.changedRows.map((changed) => changed.row);
  }

  /** A row as text (CP437 shown in Unicode). */
  rowText(row: number): string {
    return Array.from(this.chars.subarray(row * this.cols, (row + 1) * this.cols), (char) => CP437[char]).join('');
  }

  /** A row as runs of cells with the same colours, left to right. */
  rowRuns(row: number): TextRun[] {
    const runs: TextRun[] = [];
    for (let col = 0; col < this.cols; col++) {
      const cell = row * this.cols + col;
      const last = runs[runs.length - 1];
      if (last && last.fg === this.fg[cell] && last.bg === this.bg[cell]) runs[runs.length - 1] = { ...last, text: last.text + CP437[this.chars[cell]] };
      else runs.push({ text: CP437[this.chars[cell]], fg: this.fg[cell], bg: this.bg[cell] });
    }
    return runs;
  }
}
