/**
 * @fileoverview A symbol as the panels show it ("name+0x1c (file.ts:12)");
 * when the symbol has a source line, a click asks the page to open it.
 *
 * Pipeline place: used by the registers (EIP) and IDT (handlers) views;
 * opening goes through `open-source.ts`.
 */
import type { SourceSymbol } from '../decoders/debug-symbols.js';
import { requestOpenSource } from './open-source.js';

export function SourceLink({ symbol, text }: { symbol: SourceSymbol | null; text: string }) {
  if (!symbol?.file || !symbol.line) return <span className="symbol">{text}</span>;
  const { file, line } = symbol;
  return (
    <button type="button" className="symbol source-link" title={`open ${file}:${line}`} onClick={() => requestOpenSource({ file, line })}>
      {text}
    </button>
  );
}
