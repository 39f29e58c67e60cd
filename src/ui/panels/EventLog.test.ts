// The event list's markup: a header line, one line per event with its index, kind and highlight, and the lines far
// from the view left empty (before the first measurement, the lines near the top are the ones in full).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EventLog, type EventLine } from './EventLog.js';

function lines(count: number): EventLine[] {
  return Array.from({ length: count }, (_, i) => ({ index: 1000 - i, kind: i % 2 ? 'interrupt' : 'context switch', values: ['line', String(1000 - i)], isNew: i < 2 }));
}

describe('EventLog', () => {
  it('renders the header and a line per event with its attributes', () => {
    const html = renderToStaticMarkup(createElement(EventLog, { headers: ['#', 'kind'], widths: [5, 10], lines: lines(3), label: 'Events' }));
    expect(html).toContain('<div class="event-log-header">#    kind</div><ol aria-label="Events" style="height:48px">');
    expect(html).toContain('<li data-event-index="1000" data-kind="context switch" class="changed">line 1000</li>');
    expect(html).toContain('<li data-event-index="998" data-kind="context switch">line 998</li></ol>');
  });

  it('leaves the lines far from the view empty, with their attributes', () => {
    const html = renderToStaticMarkup(createElement(EventLog, { headers: ['#', 'kind'], widths: [5, 10], lines: lines(70), label: 'Events' }));
    expect(html).toContain('<li data-event-index="937" data-kind="interrupt">line 937</li>'); // position 63
    expect(html).toContain('<li data-event-index="936" data-kind="context switch"></li>'); // position 64
    expect(html.match(/<li [^>]*><\/li>/g)).toHaveLength(6);
  });
});
