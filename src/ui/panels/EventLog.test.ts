// The event list's markup: a header line, one line per event with its index, kind and highlight, and only the lines
// near the view written out (before the first measurement, those near the top), after a padding for those above.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EventLog, type EventLine } from './EventLog.js';

function lines(count: number): { count: number; lineAt: (position: number) => EventLine; asked: number[] } {
  const asked: number[] = [];
  const lineAt = (i: number): EventLine => {
    asked.push(i);
    return { index: 1000 - i, kind: i % 2 ? 'interrupt' : 'context switch', values: ['line', String(1000 - i)], isNew: i < 2 };
  };
  return { count, lineAt, asked };
}

describe('EventLog', () => {
  it('renders the header and a line per event with its attributes', () => {
    const html = renderToStaticMarkup(createElement(EventLog, { headers: ['#', 'kind'], widths: [5, 10], ...lines(3), label: 'Events' }));
    expect(html).toContain('<div class="event-log-header">#    kind</div><ol aria-label="Events" style="height:48px;padding-top:0">');
    expect(html).toContain('<li data-event-index="1000" data-kind="context switch" class="changed">line 1000</li>');
    expect(html).toContain('<li data-event-index="998" data-kind="context switch">line 998</li></ol>');
  });

  it('writes out only the lines near the view, and asks for no other', () => {
    const many = lines(70);
    const html = renderToStaticMarkup(createElement(EventLog, { headers: ['#', 'kind'], widths: [5, 10], ...many, label: 'Events' }));
    expect(html).toContain('style="height:1120px;padding-top:0"');
    expect(html).toContain('<li data-event-index="937" data-kind="interrupt">line 937</li></ol>'); // position 63, the last
    expect(html.match(/<li /g)).toHaveLength(64);
    expect(many.asked).toEqual(Array.from({ length: 64 }, (_, i) => i));
  });
});
