// The decoders and the hardware panels against live v86 memory in Node: a test kernel with known tables, and the
// real eduOS-ts image (whatever stage it is at). Page translation is checked against v86's own MMU.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { Machine } from '../machine/machine.js';
import { gdtPanel } from '../panels/gdt-panel.js';
import { idtPanel } from '../panels/idt-panel.js';
import type { SnapshotSource } from '../panels/panel.js';
import { pagesPanel } from '../panels/pages-panel.js';
import { registersPanel } from '../panels/registers-panel.js';
import { CR0_PG } from './control-registers.js';
import { DebugSymbols, type DebugInfo } from './debug-symbols.js';
import { hardwareTestKernel, LAYOUT, READY } from './hardware-test-kernel.js';
import { translateLinear } from './page-translate.js';
import type { PageWalk } from './page-walk.js';

const v86Wasm = WebAssembly.compile(readFileSync(createRequire(import.meta.url).resolve('v86/build/v86.wasm')));
const REAL_IMAGE = 'public/images/eduos.elf';
const REAL_DEBUG = 'public/images/eduos.debug.json';

/** v86's MMU: the wasm export behind `cpu.translate_address_system_read` (it panics, i.e. throws, on a page fault). */
interface V86Mmu {
  translate_address_system_read(linear: number): number;
}

function v86Mmu(machine: Machine): V86Mmu {
  return (machine as unknown as { emulator: { v86: { v86: { cpu: V86Mmu } } } }).emulator.v86.v86.cpu;
}

function sourceOf(machine: Machine, debugInfo: DebugInfo | null): SnapshotSource {
  const hardware = machine.hardware();
  if (!hardware) throw new Error('no hardware: the machine is not running');
  return { hardware, debugInfo, symbols: debugInfo ? new DebugSymbols(debugInfo) : null };
}

/** Resolves once the guest sets CR0.PG, or after `timeoutMs` (a kernel stage without paging). */
async function untilPagingOrTimeout(machine: Machine, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && ((machine.hardware()?.cpu().cr0 ?? 0) & CR0_PG) === 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Range ends, page boundaries and pseudo-random addresses inside every mapped range. */
function sampleMappedAddresses(walk: Extract<PageWalk, { enabled: true }>, perRange: number): number[] {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  return walk.ranges.flatMap((r) => [
    r.virtualStart,
    r.virtualEnd - 1,
    ...Array.from({ length: perRange }, () => (r.virtualStart + Math.floor(random() * r.size)) >>> 0),
  ]);
}

/** Compares our walk with v86's MMU for every sampled mapped address; returns how many were compared. */
function expectSameTranslations(machine: Machine, source: SnapshotSource, walk: Extract<PageWalk, { enabled: true }>): number {
  const cpu = source.hardware.cpu();
  const mmu = v86Mmu(machine);
  const addresses = sampleMappedAddresses(walk, 60);
  for (const linear of addresses) {
    const ours = translateLinear(linear, cpu, source.hardware.readPhysical).physical;
    expect({ linear, physical: ours }).toEqual({ linear, physical: mmu.translate_address_system_read(linear) >>> 0 });
  }
  return addresses.length;
}

describe('hardware panels on a test kernel with known tables (live v86)', () => {
  let machine: Machine;
  afterEach(async () => {
    await machine.destroy();
  });

  it('decodes registers, IDT, GDT and page tables as the kernel set them, and translates like v86', async () => {
    const kernel = hardwareTestKernel();
    machine = new Machine({ v86Wasm: () => v86Wasm, memoryBytes: 64 << 20 });
    await machine.boot(kernel.image.slice().buffer);
    await machine.waitForSerial(READY);
    await machine.stop();
    const source = sourceOf(machine, kernel.debugInfo);

    const registers = registersPanel.read(source, null);
    expect(registers.control[0].set).toEqual(expect.arrayContaining(['PE', 'WP', 'PG']));
    expect(registers.control[4 - 1].set).toEqual(['PSE', 'PGE']);
    expect(registers.control[2].note).toBe('page directory at 0x00200000');
    expect(registers.cpl).toBe(0);
    expect(registers.segments.find((s) => s.name === 'cs')).toMatchObject({ selector: 0x08, index: 1, rpl: 0 });
    expect(registers.segments.find((s) => s.name === 'tr')?.selector).toBe(0x28);
    expect(registers.eip.value).toBe(kernel.symbols.spin);

    const idt = idtPanel.read(source, null);
    expect(idt.idtr).toEqual({ base: kernel.symbols.idt, limit: 2047 });
    expect(idt.presentCount).toBe(256);
    expect(idt.rows[14]).toMatchObject({ name: 'Page Fault', handler: kernel.symbols.isr_page_fault, gateType: '32-Bit Interrupt Gate', selector: 8, dpl: 0 });
    expect(idt.rows[14].symbol).toBe('isr_page_fault (hardware-test-kernel.S:11)');
    expect(idt.rows[0x80]).toMatchObject({ name: 'System Call', handler: kernel.symbols.isr_syscall, gateType: '32-Bit Trap Gate', dpl: 3 });
    expect(idt.rows.filter((r) => r.handler === kernel.symbols.isr_default)).toHaveLength(254);

    const gdt = gdtPanel.read(source, null);
    expect(gdt.rows.map((r) => `${r.selector}:${r.kind}:${r.dpl}`)).toEqual(['0:null:0', '8:code:0', '16:data:0', '24:code:3', '32:data:3', '40:tss:0']);
    expect(gdt.rows[1].loadedIn).toEqual(['cs']);
    expect(gdt.rows[2].loadedIn).toEqual(['es', 'ss', 'ds', 'fs', 'gs']);
    expect(gdt.rows[5]).toMatchObject({ base: LAYOUT.tss, limit: 0x67, access: '32-Bit TSS (Busy)', loadedIn: ['tr'] }); // LTR marked it busy

    const pages = pagesPanel.read(source, null);
    const walk = pages.walk;
    if (!walk.enabled) throw new Error(`paging should be on: ${walk.reason}`);
    expect(walk.directory.map((pde) => pde.index)).toEqual([0, 1, 0x100]);
    expect(walk.ranges.map((r) => r.qemu)).toEqual([
      '0x00001000-0x00300000 0x002ff000 -rw -> 0x00001000-0x00300000', // the uncached VGA page has the same rights: merged
      '0x00300000-0x00301000 0x00001000 urw -> 0x00300000-0x00301000',
      '0x00301000-0x00800000 0x004ff000 -rw -> 0x00301000-0x00800000',
      '0x40000000-0x40002000 0x00002000 urw -> 0x00500000-0x00502000',
      '0x40002000-0x40003000 0x00001000 ur- -> 0x00600000-0x00601000',
    ]);
    const remapped = walk.directory[2].table;
    expect(remapped[0].flags).toEqual(['P', 'RW', 'US', 'A', 'D']); // the kernel wrote there: the CPU set A and D
    expect(remapped[2].flags).toEqual(['P', 'US', 'A']); // and read there
    expect(walk.directory[0].table.find((pte) => pte.address === LAYOUT.vgaPage)?.flags).toEqual(['P', 'RW', 'PWT', 'PCD']);
    const ownerAt = (address: number) => pages.frames.runs.find((r) => address / 4096 >= r.frame && address / 4096 < r.frame + r.count)?.owner;
    expect([LAYOUT.directory, LAYOUT.lowTable, LAYOUT.remapTable].map(ownerAt)).toEqual(['page-tables', 'page-tables', 'page-tables']);
    expect([0x500000, 0x600000, 0x100000, 0x150000, 0x900000].map(ownerAt)).toEqual(['remapped', 'remapped', 'kernel', 'identity', 'unmapped']);

    expect(expectSameTranslations(machine, source, walk)).toBeGreaterThan(250);
    for (const unmapped of [0x0, 0x00000fff, 0x40003000, 0xc0000000, 0x00800000]) {
      expect(translateLinear(unmapped, source.hardware.cpu(), source.hardware.readPhysical).physical).toBeNull();
    }
    // v86 agrees: its MMU faults (its Rust core panics: a throw here) on an address our walk calls unmapped.
    expect(() => v86Mmu(machine).translate_address_system_read(0x40003000)).toThrow();
  });
});

describe.skipIf(!existsSync(REAL_IMAGE))('hardware panels on the real eduOS-ts image (live v86)', () => {
  let machine: Machine;
  afterEach(async () => {
    await machine.destroy();
  });

  it('decodes whatever the kernel has set up so far, consistently with v86', async () => {
    const debugInfo = existsSync(REAL_DEBUG) ? (JSON.parse(readFileSync(REAL_DEBUG, 'utf8')) as DebugInfo) : null;
    machine = new Machine({ v86Wasm: () => v86Wasm });
    const image = readFileSync(REAL_IMAGE);
    await machine.boot(image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength));
    await machine.waitForSerial('eduOS-ts');
    await untilPagingOrTimeout(machine, 3_000); // a kernel that turns paging on does so early in its boot
    await machine.stop();
    const source = sourceOf(machine, debugInfo);
    const cpu = source.hardware.cpu();

    const registers = registersPanel.read(source, null);
    expect(registers.control[0].set).toContain('PE');
    expect(registers.cpl).toBe(cpu.segments.cs & 3);
    if (debugInfo && cpu.eip >= debugInfo.textStart && cpu.eip < debugInfo.textEnd) expect(registers.eip.symbol).not.toBe('');

    const idt = idtPanel.read(source, null);
    expect(idt.rows).toHaveLength(256);
    if (cpu.idtr.limit === 0) {
      expect(idt.rows.every((r) => !r.inTable)).toBe(true);
    } else {
      expect(idt.rows[14]).toMatchObject({ name: 'Page Fault', present: true, selector: 8 });
      if (debugInfo) expect(idt.rows[14].symbol).not.toBe('');
    }

    const gdt = gdtPanel.read(source, null);
    if (cpu.gdtr.limit === 0) expect(gdt.rows).toEqual([]);
    else expect(gdt.rows[1]).toMatchObject({ selector: 8, kind: 'code', present: true });

    const { walk } = pagesPanel.read(source, null);
    if (!walk.enabled) {
      expect(cpu.cr0 >>> 31).toBe(0);
      expect(walk.reason).toMatch(/^paging disabled/);
    } else {
      expect(expectSameTranslations(machine, source, walk)).toBeGreaterThan(0);
    }
  });
});
