/**
 * @fileoverview Where the kernel was when it crashed v86 or reset the
 * machine: the last EIP, its function and source line (from the running
 * image's debug information), and a button that opens the line in the editor.
 *
 * Pipeline place: under the toolbar in `App.tsx`; reads the machine's error
 * status (which carries the EIP) and `BuildSession`'s running image;
 * symbolizes with the panels' decoder (`decoders/debug-symbols.ts`).
 */
import { DebugSymbols, formatSymbol } from '../decoders/debug-symbols.js';
import type { EditorLocation } from '../editor/editor-location.js';
import type { MachineStatus } from '../machine/status.js';
import type { RunningImage } from './build-session.js';

export interface CrashNoticeProps {
  readonly status: MachineStatus;
  readonly image: RunningImage;
  readonly onOpen: (location: EditorLocation) => void;
  readonly canOpen: (path: string) => boolean;
}

export function CrashNotice({ status, image, onOpen, canOpen }: CrashNoticeProps) {
  if (status.kind !== 'error' || status.eip === undefined) return null;
  const symbol = image.debug ? new DebugSymbols(image.debug).symbolize(status.eip) : null;
  const where = !image.debug ? 'no debug information for this image' : symbol ? formatSymbol(symbol) : "outside the kernel's code";
  const { file, line } = symbol ?? {};
  return (
    <p className="crash-notice" data-testid="crash-notice">
      Last EIP 0x{status.eip.toString(16).padStart(8, '0')}: {where}
      {file && line && canOpen(file) && (
        <button type="button" onClick={() => onOpen({ path: file, line })}>
          Open {file}:{line}
        </button>
      )}
    </p>
  );
}
