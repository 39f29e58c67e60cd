/**
 * @fileoverview The WeensyOS-style picture of physical memory: one square per
 * 4 KiB frame, coloured by owner, frames mapped since the last pause drawn
 * bright with a white border, a legend, and the frame under the pointer named.
 *
 * Pipeline place: drawn by the pages panel from `buildFrameMap`'s runs. New
 * owners (task stacks, free lists… from the kernel's descriptor) only need
 * an entry in `OWNER_STYLES`; unknown ones still get a stable colour.
 */
import { useEffect, useRef, useState } from 'react';
import { WALK_OWNERS, type FrameMap } from '../decoders/frame-map.js';
import { hex } from '../decoders/cpu-state.js';
import { IMAGE_OWNERS } from '../decoders/image-owners.js';

const CELL_PX = 4;
/** 128 frames (512 KiB) per row: 64 MiB of RAM is a 512 × 512 px square. */
const COLUMNS = 128;

export const OWNER_STYLES: Record<string, { colour: string; label: string }> = {
  [IMAGE_OWNERS.image]: { colour: '#d2a8ff', label: 'kernel image' },
  [IMAGE_OWNERS.stack]: { colour: '#f778ba', label: 'boot stack' },
  [IMAGE_OWNERS.heap]: { colour: '#ffa657', label: 'heap (wasm memory)' },
  [WALK_OWNERS.pageTables]: { colour: '#ff7b72', label: 'page tables' },
  [WALK_OWNERS.remapped]: { colour: '#79c0ff', label: 'mapped elsewhere' },
  [WALK_OWNERS.identity]: { colour: '#2f4f3a', label: 'identity-mapped, unclaimed' },
  [WALK_OWNERS.unmapped]: { colour: '#262a31', label: 'not mapped' },
  [WALK_OWNERS.unknown]: { colour: '#3a3f48', label: 'RAM (paging off)' },
};

function ownerStyle(owner: string): { colour: string; label: string } {
  const known = OWNER_STYLES[owner];
  if (known) return known;
  let hash = 0;
  for (const char of owner) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { colour: `hsl(${hash % 360} 60% 60%)`, label: owner };
}

function ownerAt(frames: FrameMap, frame: number): string | undefined {
  return frames.runs.find((run) => frame >= run.frame && frame < run.frame + run.count)?.owner;
}

export function FrameMapPicture({ frames, highlighted }: { frames: FrameMap; highlighted: readonly number[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const rows = Math.ceil(frames.frameCount / COLUMNS);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    for (const run of frames.runs) {
      context.fillStyle = ownerStyle(run.owner).colour;
      for (let frame = run.frame; frame < run.frame + run.count; frame++) {
        context.fillRect((frame % COLUMNS) * CELL_PX, Math.floor(frame / COLUMNS) * CELL_PX, CELL_PX - 1, CELL_PX - 1);
      }
    }
    context.fillStyle = '#ffffff';
    for (const frame of highlighted) context.fillRect((frame % COLUMNS) * CELL_PX, Math.floor(frame / COLUMNS) * CELL_PX, CELL_PX - 1, CELL_PX - 1);
  }, [frames, highlighted]);

  const owners = [...new Set(frames.runs.map((run) => run.owner))];
  const hoveredOwner = hovered === null ? undefined : ownerAt(frames, hovered);
  return (
    <div className="frame-map" data-testid="frame-map">
      <canvas
        ref={canvasRef}
        width={COLUMNS * CELL_PX}
        height={rows * CELL_PX}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const frame = Math.floor((e.clientY - box.top) / CELL_PX) * COLUMNS + Math.floor((e.clientX - box.left) / CELL_PX);
          setHovered(frame < frames.frameCount ? frame : null);
        }}
        onMouseLeave={() => setHovered(null)}
      />
      <ul className="legend">
        {owners.map((owner) => (
          <li key={owner} data-owner={owner}>
            <span className="swatch" style={{ background: ownerStyle(owner).colour }} /> {ownerStyle(owner).label}
          </li>
        ))}
        {highlighted.length > 0 && (
          <li>
            <span className="swatch" style={{ background: '#ffffff' }} /> mapped since the last pause ({highlighted.length})
          </li>
        )}
      </ul>
      <p className="mono dim">{hovered === null ? ' ' : `frame ${hex(hovered * frames.frameBytes)}: ${hoveredOwner ? ownerStyle(hoveredOwner).label : ''}`}</p>
    </div>
  );
}
