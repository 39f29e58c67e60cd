// The text screen as data: the worker's copy hands on only changed rows, the page's copy applied from them holds
// the same cells, rows read as text (CP437 in Unicode) and as runs of one colour.
import { describe, expect, it } from 'vitest';
import { CP437, TextScreen } from './text-screen.js';

const [WHITE, BLACK, RED] = [0xffffff, 0x000000, 0xaa0000];

describe('TextScreen', () => {
  it('maps all 256 CP437 codes, ASCII to itself', () => {
    expect([...CP437]).toHaveLength(256);
    expect(CP437.slice(0x20, 0x7f)).toBe(Array.from({ length: 0x5f }, (_, i) => String.fromCharCode(0x20 + i)).join(''));
    expect([CP437[0x01], CP437[0xb3], CP437[0xdb]]).toEqual(['☺', '│', '█']);
  });

  it('sends the changed rows, which bring a copy on the page up to date', () => {
    const worker = new TextScreen();
    worker.setSize(4, 3);
    worker.takeUpdate();
    expect(worker.hasChanges()).toBe(false);
    'Hi!'.split('').forEach((char, col) => worker.putChar(1, col, char.charCodeAt(0), BLACK, col === 2 ? RED : WHITE));
    worker.cursor = { row: 1, col: 3, visible: true };
    const update = worker.takeUpdate();
    expect(update.changedRows.map((row) => row.row)).toEqual([1]);
    const page = new TextScreen();
    expect(page.applyUpdate({ ...update, changedRows: [] })).toEqual([]); // the size alone: a blank screen
    expect(page.applyUpdate(update)).toEqual([1]);
    expect(page.rowText(1)).toBe('Hi! ');
    expect(page.rowText(0)).toBe('    ');
    expect(page.cursor).toEqual({ row: 1, col: 3, visible: true });
    expect(page.rowRuns(1)).toEqual([
      { text: 'Hi', fg: WHITE, bg: BLACK },
      { text: '!', fg: RED, bg: BLACK },
      { text: ' ', fg: 0, bg: 0 },
    ]);
  });

  it('ignores cells outside the screen; a clear changes every row', () => {
    const screen = new TextScreen();
    screen.setSize(2, 2);
    screen.takeUpdate();
    screen.putChar(5, 0, 65, BLACK, WHITE);
    expect(screen.hasChanges()).toBe(false);
    screen.clear();
    expect(screen.takeUpdate().changedRows.map((row) => row.row)).toEqual([0, 1]);
  });
});
