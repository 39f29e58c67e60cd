/**
 * @fileoverview The panels of the playground, in tab order. Adding a panel
 * is one line here plus its file (see `panel.ts`).
 *
 * Pipeline place: read by the panel host (`panel-host.ts`), hence by the
 * dock and by `window.playground.panels()`.
 */
import { benchPanel } from './bench-panel.js';
import { eventsPanel } from './events-panel.js';
import { gdtPanel } from './gdt-panel.js';
import { idtPanel } from './idt-panel.js';
import type { AnyPanel } from './panel.js';
import { pagesPanel } from './pages-panel.js';
import { registersPanel } from './registers-panel.js';
import { tasksPanel } from './tasks-panel.js';
import { unsafePanel } from './unsafe-panel.js';

export const PANELS: readonly AnyPanel[] = [registersPanel, idtPanel, gdtPanel, pagesPanel, tasksPanel, eventsPanel, unsafePanel, benchPanel];
