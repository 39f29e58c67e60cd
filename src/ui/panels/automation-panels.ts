/**
 * @fileoverview The panels' part of `window.playground`: list the panel ids
 * and read any panel's data as JSON, the same data the panel shows.
 *
 * A panel's `read` hands out the same object while its data is unchanged
 * (see `last-result.ts`), so each panel's last JSON copy is kept and handed
 * out again for that object: polling an unchanged pages panel (~2 MB of
 * JSON) then costs the panel's read, not a serialization. The copy is
 * deep-frozen, so no caller can change what the next caller gets.
 *
 * Pipeline place: spread into the automation object by `automation.ts`;
 * reads go through the machine's panel host (`panel-host.ts`).
 */
import type { PlaygroundMachine } from '../machine/playground-machine.js';
import { panelHostFor, type PanelHost } from './panel-host.js';

export interface PanelAutomation {
  /** The ids of the registered panels, in tab order, e.g. ["registers", "idt", "gdt", "pages"]. */
  panels(): string[];
  /**
   * Resolves with the panel's data now, as frozen plain JSON; null while no emulator runs. Rejects for an unknown
   * id. The same object again while the panel's data is unchanged.
   */
  panel(id: string): Promise<unknown>;
}

/** Freezes `value` and every object and array inside it; returns it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** `panels()` and `panel(id)` over `host` (any object that lists and reads panels by id). */
export function panelAutomationOf(host: Pick<PanelHost, 'panels' | 'readFresh'>): PanelAutomation {
  /** Per panel id: the data object last read, and the frozen JSON copy made from it. */
  const copies = new Map<string, { data: unknown; json: unknown }>();
  return {
    panels: () => host.panels.map((panel) => panel.id),
    panel: async (id) => {
      const data = (await host.readFresh(id))?.data ?? null;
      if (data === null) return null;
      const last = copies.get(id);
      if (last && last.data === data) return last.json;
      const json = deepFreeze(JSON.parse(JSON.stringify(data)));
      copies.set(id, { data, json });
      return json;
    },
  };
}

/** `panels()` and `panel(id)` over the machine's one panel host. */
export function panelAutomation(machine: PlaygroundMachine): PanelAutomation {
  return panelAutomationOf(panelHostFor(machine));
}
