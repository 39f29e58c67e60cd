/**
 * @fileoverview The `pages` panel: the page tables CR3 points at — merged
 * virtual → physical ranges (QEMU `info mem`), the directory → table →
 * frame tree with every flag and the physical address of each entry, a
 * translate box that walks one virtual address step by step, and a picture
 * of physical memory with one cell per frame coloured by owner. Pages mapped
 * since the last pause are highlighted in the ranges and the picture.
 *
 * Pipeline place: a `Panel` (see `panel.ts`) over `walkPageTables`,
 * `buildFrameMap` and `translateLinear`.
 */
import { useState } from 'react';
import { hex } from '../decoders/cpu-state.js';
import { buildFrameMap, framesBehind, type FrameMap } from '../decoders/frame-map.js';
import { imageOwners } from '../decoders/image-owners.js';
import { PAGE_ENTRY_BITS, type PageEntry } from '../decoders/page-entry.js';
import { newlyMapped, type VirtualSpan } from '../decoders/page-ranges.js';
import { translateLinear, type PagingRegisters } from '../decoders/page-translate.js';
import { walkPageTables, type DirectoryRow, type PageWalk } from '../decoders/page-walk.js';
import { FrameMapPicture } from './FrameMapPicture.js';
import { LastResult } from './last-result.js';
import type { Panel, PanelViewProps } from './panel.js';

export interface PagesPanelData {
  readonly paging: PagingRegisters;
  readonly walk: PageWalk;
  /** Virtual pages mapped (or remapped) since the last pause; empty before the first pause. */
  readonly newlyMapped: VirtualSpan[];
  readonly frames: FrameMap;
  /** Frames behind `newlyMapped`. */
  readonly newlyMappedFrames: number[];
}

function Flags({ entry }: { entry: PageEntry }) {
  const set = new Set(entry.flags);
  return (
    <>
      {PAGE_ENTRY_BITS.map((bit) => (
        <td key={bit.name} className={set.has(bit.name) ? 'bit-set' : 'dim'} title={bit.meaning}>
          {set.has(bit.name) ? bit.name : '-'}
        </td>
      ))}
    </>
  );
}

const FLAG_HEADERS = PAGE_ENTRY_BITS.map((bit) => <th key={bit.name}>{bit.name}</th>);

function TableEntries({ row }: { row: DirectoryRow }) {
  return (
    <table className="panel-table mono nested" aria-label={`page table at ${hex(row.address)}`}>
      <thead>
        <tr>
          <th>#</th>
          <th>virtual</th>
          <th>entry at</th>
          <th>raw</th>
          {FLAG_HEADERS}
          <th>frame</th>
        </tr>
      </thead>
      <tbody>
        {row.table.map((pte) => (
          <tr key={pte.index}>
            <td>{pte.index}</td>
            <td>{hex(row.virtualStart + pte.index * 4096)}</td>
            <td>{hex(pte.entryAddress)}</td>
            <td>{hex(pte.raw)}</td>
            <Flags entry={pte} />
            <td>{hex(pte.address)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DirectoryTree({ directory }: { directory: DirectoryRow[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const toggle = (index: number) => setOpen((was) => (was.has(index) ? new Set([...was].filter((i) => i !== index)) : new Set([...was, index])));
  return (
    <table className="panel-table mono" aria-label="Page directory">
      <thead>
        <tr>
          <th>PDE</th>
          <th>virtual</th>
          <th>entry at</th>
          <th>raw</th>
          {FLAG_HEADERS}
          <th>points to</th>
        </tr>
      </thead>
      <tbody>
        {directory.map((pde) => (
          <DirectoryEntryRows key={pde.index} pde={pde} open={open.has(pde.index)} onToggle={() => toggle(pde.index)} />
        ))}
      </tbody>
    </table>
  );
}

function DirectoryEntryRows({ pde, open, onToggle }: { pde: DirectoryRow; open: boolean; onToggle: () => void }) {
  return (
    <>
      <tr data-pde={pde.index}>
        <td>
          {pde.large ? (
            pde.index
          ) : (
            <button type="button" className="tree-toggle" onClick={onToggle} aria-expanded={open}>
              {open ? '▾' : '▸'} {pde.index}
            </button>
          )}
        </td>
        <td>{hex(pde.virtualStart)}</td>
        <td>{hex(pde.entryAddress)}</td>
        <td>{hex(pde.raw)}</td>
        <Flags entry={pde} />
        <td>{pde.large ? `4 MiB frame ${hex(pde.address)}` : `table ${hex(pde.address)} (${pde.table.length} pages)`}</td>
      </tr>
      {open && (
        <tr>
          <td colSpan={14}>
            <TableEntries row={pde} />
          </td>
        </tr>
      )}
    </>
  );
}

function TranslateBox({ paging, source }: { paging: PagingRegisters; source: PanelViewProps<PagesPanelData>['source'] }) {
  const [text, setText] = useState('');
  const address = /^(0x)?[0-9a-f]{1,8}$/i.test(text.trim()) ? parseInt(text.trim(), 16) : null;
  const translation = address === null ? null : translateLinear(address, paging, source.hardware.readPhysical);
  return (
    <div className="translate-box">
      <label>
        translate virtual address <input value={text} onChange={(e) => setText(e.target.value)} placeholder="0x00101000" spellCheck={false} />
      </label>
      {translation && (
        <ol className="mono" data-testid="translate-steps">
          {translation.mode !== 'disabled' && translation.mode !== 'pae' && <li>CR3 = {hex(paging.cr3)} → page directory at {hex(paging.cr3 & 0xfffff000)}</li>}
          {translation.steps.map((step) => (
            <li key={step.level}>
              {step.level === 'directory' ? 'PDE' : 'PTE'} [{step.indexBits}] at {hex(step.entry.entryAddress)} = {hex(step.entry.raw)} ({step.entry.flags.join(' ') || 'no flags'}) →{' '}
              {step.entry.present ? hex(step.entry.address) : 'not present'}
            </li>
          ))}
          <li>
            {translation.physical === null ? translation.summary : `${translation.summary}: physical ${hex(translation.physical)}`}
            {translation.physical !== null && translation.steps.length > 0 && ` (${translation.user ? 'user' : 'supervisor'}, ${translation.writable ? 'writable' : 'read-only'})`}
          </li>
        </ol>
      )}
    </div>
  );
}

function PagesView({ data, source }: PanelViewProps<PagesPanelData>) {
  const { walk } = data;
  const fresh = (start: number, end: number) => data.newlyMapped.some((span) => span.start < end && start < span.end);
  return (
    <div className="pages-panel">
      <p className="panel-summary mono">
        CR0={hex(data.paging.cr0)} CR3={hex(data.paging.cr3)} CR4={hex(data.paging.cr4)} ·{' '}
        {walk.enabled ? (
          <>
            directory at {hex(walk.directoryAddress)} · {walk.directory.length} present PDEs · {(walk.mappedBytes / 1024).toLocaleString('en')} KiB mapped
            {walk.largePages && ' · 4 MiB pages on'}
          </>
        ) : (
          <span data-testid="paging-state">{walk.reason}</span>
        )}
      </p>
      <TranslateBox paging={data.paging} source={source} />
      {walk.enabled && (
        <>
          <h3>Mapped ranges (info mem)</h3>
          <table className="panel-table mono" aria-label="Mapped ranges">
            <thead>
              <tr>
                <th>virtual</th>
                <th>size</th>
                <th>rights</th>
                <th>physical</th>
              </tr>
            </thead>
            <tbody>
              {walk.ranges.map((r) => (
                <tr key={r.virtualStart} className={fresh(r.virtualStart, r.virtualEnd) ? 'changed' : undefined} title={r.qemu}>
                  <td>
                    {hex(r.virtualStart)}-{hex(r.virtualEnd)}
                  </td>
                  <td>{hex(r.size)}</td>
                  <td>{r.rights}</td>
                  <td>
                    {hex(r.physicalStart)}-{hex(r.physicalStart + r.size)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Directory → tables → frames</h3>
          <DirectoryTree directory={walk.directory} />
        </>
      )}
      <h3>Physical memory, one cell per 4 KiB frame</h3>
      <FrameMapPicture frames={data.frames} highlighted={data.newlyMappedFrames} />
    </div>
  );
}

/** The latest walk: the next one reuses its decoded tables where their entries are unchanged (see `walkPageTables`). */
let latestWalk: PageWalk | undefined;
const lastRead = new LastResult<PagesPanelData>();

export const pagesPanel: Panel<PagesPanelData> = {
  id: 'pages',
  title: 'Pages',
  read({ hardware, debugInfo }, baseline) {
    const { cr0, cr3, cr4 } = hardware.cpu();
    const paging = { cr0, cr3, cr4 };
    const walk = walkPageTables(paging, hardware.readPhysical, latestWalk);
    latestWalk = walk;
    const owners = debugInfo ? imageOwners(debugInfo, hardware.readPhysical) : [];
    const ownerKey = owners.map((o) => `${o.owner}:${o.start}-${o.end}`).join();
    return lastRead.get([walk, baseline, ownerKey, cr0, cr3, cr4, hardware.memoryBytes], () => {
      const ranges = walk.enabled ? walk.ranges : [];
      const earlier = baseline?.walk.enabled ? baseline.walk.ranges : null;
      const fresh = earlier ? newlyMapped(earlier, ranges) : [];
      return {
        paging,
        walk,
        newlyMapped: fresh,
        frames: buildFrameMap(hardware.memoryBytes, walk, owners),
        newlyMappedFrames: [...framesBehind(fresh, ranges)],
      };
    });
  },
  View: PagesView,
};
