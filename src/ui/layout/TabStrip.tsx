/**
 * @fileoverview A row of tabs, as the WAI-ARIA tabs pattern has them: one
 * tab in the page's Tab order (the chosen one), the arrow keys move to the
 * next or previous tab and choose it, Home and End to the first and last.
 * The panel dock and the machine's outputs use it.
 *
 * Pipeline place: rendered by `PanelDock.tsx` and `MachinePane.tsx`; styled
 * by panels.css (`.panel-tabs`).
 */
import type { KeyboardEvent } from 'react';

export interface TabOption {
  readonly id: string;
  readonly label: string;
  readonly title?: string;
}

interface TabStripProps {
  readonly tabs: readonly TabOption[];
  readonly selected: string;
  readonly onSelect: (id: string) => void;
  /** What the tabs choose between, for screen readers. */
  readonly label: string;
  /** Each tab's `data-testid` is this followed by its id. */
  readonly testIdPrefix: string;
}

/** The tab the key moves to from `index` among `count`, or null for a key that does not move. */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function TabStrip({ tabs, selected, onSelect, label, testIdPrefix }: TabStripProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabAfterKey(event.key, tabs.findIndex((tab) => tab.id === selected), tabs.length);
    if (next === null) return;
    event.preventDefault();
    onSelect(tabs[next].id);
    event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="panel-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          tabIndex={tab.id === selected ? 0 : -1}
          title={tab.title}
          data-testid={`${testIdPrefix}${tab.id}`}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
