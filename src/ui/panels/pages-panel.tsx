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
import { useCallback, useMemo, useState } from 'react';
import { hex } from '../decoders/cpu-state.js';
import { buildFrameMap, framesBehind, type FrameMap } from '../decoders/frame-map.js';
import { imageOwners } from '../decoders/image-owners.js';
import { PAGE_ENTRY_BITS, type PageEntry } from '../decoders/page-entry.js';
import { newlyMapped, type MappedRange, type VirtualSpan } from '../decoders/page-ranges.js';
import { translateLinear, type PagingRegisters } from '../decoders/page-translate.js';
import { walkPageTables, type DirectoryRow, type PageWalk } from '../decoders/page-walk.js';
import { DataTable, type Column, type RowAttributes } from './DataTable.js';
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

/** One column per bit (P, RW, US, PWT, PCD, A, D, PS, G), for the directory and its tables alike. */
const FLAG_COLUMNS: readonly Column<PageEntry>[] = PAGE_ENTRY_BITS.map((bit) => ({
  header: bit.name,
  cell: (entry) => (entry.flags.includes(bit.name) ? bit.name : '-'),
  cellProps: (entry) => ({ className: entry.flags.includes(bit.name) ? 'bit-set' : 'dim', title: bit.meaning }),
}));

/** A page table entry with the virtual address it maps. */
type TableEntry = PageEntry & { readonly virtual: number };

const TABLE_COLUMNS: readonly Column<TableEntry>[] = [
  { header: '#', cell: (pte) => pte.index },
  { header: 'virtual', cell: (pte) => hex(pte.virtual) },
  { header: 'entry at', cell: (pte) => hex(pte.entryAddress) },
  { header: 'raw', cell: (pte) => hex(pte.raw) },
  ...FLAG_COLUMNS,
  { header: 'frame', cell: (pte) => hex(pte.address) },
];

const entryKey = (entry: PageEntry) => entry.index;

function TableEntries({ row }: { row: DirectoryRow }) {
  const entries = row.table.map((pte) => ({ ...pte, virtual: row.virtualStart + pte.index * 4096 }));
  return <DataTable columns={TABLE_COLUMNS} rows={entries} rowKey={entryKey} label={`page table at ${hex(row.address)}`} className="nested" />;
}

const directoryProps = (pde: DirectoryRow): RowAttributes => ({ 'data-pde': pde.index });

function DirectoryTree({ directory }: { directory: DirectoryRow[] }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const columns = useMemo((): readonly Column<DirectoryRow>[] => {
    const toggle = (index: number) => setOpen((was) => (was.has(index) ? new Set([...was].filter((i) => i !== index)) : new Set([...was, index])));
    return [
      {
        header: 'PDE',
        cell: (pde) =>
          pde.large ? (
            pde.index
          ) : (
            <button type="button" className="tree-toggle" onClick={() => toggle(pde.index)} aria-expanded={open.has(pde.index)}>
              {open.has(pde.index) ? '▾' : '▸'} {pde.index}
            </button>
          ),
      },
      { header: 'virtual', cell: (pde) => hex(pde.virtualStart) },
      { header: 'entry at', cell: (pde) => hex(pde.entryAddress) },
      { header: 'raw', cell: (pde) => hex(pde.raw) },
      ...FLAG_COLUMNS,
      { header: 'points to', cell: (pde) => (pde.large ? `4 MiB frame ${hex(pde.address)}` : `table ${hex(pde.address)} (${pde.table.length} pages)`) },
    ];
  }, [open]);
  const detail = useCallback((pde: DirectoryRow) => (open.has(pde.index) ? <TableEntries row={pde} /> : null), [open]);
  return <DataTable columns={columns} rows={directory} rowKey={entryKey} rowProps={directoryProps} rowDetail={detail} label="Page directory" />;
}

/** A mapped range, marked when it holds pages mapped since the last pause. */
interface RangeRow {
  readonly range: MappedRange;
  readonly fresh: boolean;
}

const RANGE_COLUMNS: readonly Column<RangeRow>[] = [
  { header: 'virtual', cell: ({ range }) => `${hex(range.virtualStart)}-${hex(range.virtualEnd)}` },
  { header: 'size', cell: ({ range }) => hex(range.size) },
  { header: 'rights', cell: ({ range }) => range.rights },
  { header: 'physical', cell: ({ range }) => `${hex(range.physicalStart)}-${hex(range.physicalStart + range.size)}` },
];

const rangeKey = ({ range }: RangeRow) => range.virtualStart;
const rangeProps = ({ range, fresh }: RangeRow): RowAttributes => ({ className: fresh ? 'changed' : undefined, title: range.qemu });

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
          <DataTable columns={RANGE_COLUMNS} rows={walk.ranges.map((range) => ({ range, fresh: fresh(range.virtualStart, range.virtualEnd) }))} rowKey={rangeKey} rowProps={rangeProps} label="Mapped ranges" />
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
