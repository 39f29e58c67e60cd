/**
 * @fileoverview The panels' part of `window.playground`: list the panel ids
 * and read any panel's data as JSON, the same data the panel shows.
 *
 * Pipeline place: spread into the automation object by `automation.ts`;
 * reads go through the machine's panel host (`panel-host.ts`).
 */
import type { Machine } from '../machine/machine.js';
import { panelHostFor } from './panel-host.js';

export interface PanelAutomation {
  /** The ids of the registered panels, in tab order, e.g. ["registers", "idt", "gdt", "pages"]. */
  panels(): string[];
  /** The panel's data now, as plain JSON; null while no emulator runs. Throws for an unknown id. */
  panel(id: string): unknown;
}

export function panelAutomation(machine: Machine): PanelAutomation {
  const host = panelHostFor(machine);
  return {
    panels: () => host.panels.map((panel) => panel.id),
    panel: (id) => {
      const data = host.read(id);
      return data === null ? null : JSON.parse(JSON.stringify(data));
    },
  };
}
