/**
 * @fileoverview Edit → build → boot for the page: snapshots the kernel
 * project, has the build worker build it (unless these exact sources were
 * built last time), and boots the image — only a good one: after a failed
 * build the machine keeps running the last good image. It also knows the
 * debug information of the image the machine runs, so a crash address can be
 * turned into a source line.
 *
 * Once the prebuilt image has printed and the page is idle, it builds the
 * sources a few times in the background (`warmUpInBackground`), unseen: the
 * worker loads the compiler, keeps the parses, and the JavaScript engine
 * optimizes the compiler's and the translator's code, so the user's first
 * Build & Run is as fast as their tenth. A user's build cancels them.
 *
 * Pipeline place: between the editor's project (`editor/kernel-project.ts`)
 * and the machine (`machine/machine.ts`); the toolbar, the problem list and
 * `window.playground` call it, components read its state snapshots.
 */
import type { AscOptions, Diagnostic } from '../../toolchain/asc/compile.js';
import type { DebugInfo } from '../../toolchain/translate.js';
import type { UnsafeReport } from '../../toolchain/unsafe/report-format.js';
import type { KernelProject } from '../editor/kernel-project.js';
import { firstOutput } from '../machine/first-output.js';
import type { PlaygroundMachine } from '../machine/playground-machine.js';
import { BuildClient, type BuildInput } from './build-client.js';
import type { PipelineResult, PipelineStep } from './kernel-pipeline.js';
import { Listeners } from '../listeners.js';

/** What the progress line shows: the pipeline's steps, then booting the image. */
export type BuildStep = PipelineStep | 'boot';

export interface StepProgress {
  readonly step: BuildStep;
  /** Milliseconds the step took; undefined while it runs. */
  readonly ms?: number;
}

export interface BuildState {
  /** 'crashed': the worker died or the toolchain threw (see `message`); the sources may be fine. */
  readonly phase: 'idle' | 'building' | 'succeeded' | 'failed' | 'crashed';
  readonly steps: readonly StepProgress[];
  /** Of the last finished build. */
  readonly diagnostics: readonly Diagnostic[];
  /** One line for people: "built in 812 ms", "3 errors", "unchanged: image reused", what crashed. */
  readonly message: string;
}

/** What `build()` and `buildAndRun()` resolve with (also what `window.playground.build()` returns). */
export interface BuildOutcome {
  readonly ok: boolean;
  /** The sources were the ones built last time: nothing was rebuilt. */
  readonly reused: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds per step (empty when reused). */
  readonly stepMs: Readonly<Partial<Record<BuildStep, number>>>;
  readonly message: string;
}

/** The image the machine runs, as far as the page knows it. */
export interface RunningImage {
  readonly origin: 'prebuilt' | 'build';
  /** Its debug information; null until loaded, or when there is none. */
  readonly debug: DebugInfo | null;
  /** The unsafe report of its sources (built images only). */
  readonly unsafeReport: UnsafeReport | null;
}

interface GoodImage {
  readonly elf: ArrayBuffer;
  readonly debug: DebugInfo;
  readonly unsafeReport: UnsafeReport | null;
}

interface Attempt {
  readonly input: BuildInput;
  readonly outcome: BuildOutcome;
  readonly image: GoodImage | null;
}

const IDLE: BuildState = { phase: 'idle', steps: [], diagnostics: [], message: '' };

/**
 * asc's optimize level for builds in the page unless the user picks another: -O0 compiles the kernel several
 * times faster than -O3 (the level of `npm run kernel` and the prebuilt image), which is what edit → boot needs;
 * -O3 is one click away for benchmarks.
 */
export const DEFAULT_OPTIMIZE_LEVEL: NonNullable<AscOptions['optimize']> = 0;

/**
 * Background builds after the first boot. The worker's first build loads the toolchain and parses everything;
 * the JIT goes on speeding the next ones up: in Node (one run on the busy 2-core machine) -O0 builds of the
 * kernel took 4630, 1384, 647, 483, 386, 331 ms (asc levels off by the 5th), the translation alone 3119, 895,
 * 640, 322, 244, 256, 266, 179, 67 ms. A warm build costs ~0.4 s of one core.
 */
export const WARM_UP_BUILDS = 8;
/** Longest wait for an idle moment before the background builds start anyway. */
const IDLE_TIMEOUT_MS = 5000;

export class BuildSession {
  private currentState: BuildState = IDLE;
  private currentImage: RunningImage = { origin: 'prebuilt', debug: null, unsafeReport: null };
  private lastAttempt: Attempt | null = null;
  private optimize = DEFAULT_OPTIMIZE_LEVEL;
  private inFlight: { input: BuildInput; attempt: Promise<Attempt> } | null = null;
  private readonly stateListeners = new Listeners();
  private readonly imageListeners = new Listeners();

  constructor(
    private readonly machine: PlaygroundMachine,
    /** Loads the project on first use (the page loads it after the first boot anyway). */
    private readonly loadProject: () => Promise<KernelProject>,
    private readonly client = new BuildClient(),
  ) {}

  get state(): BuildState {
    return this.currentState;
  }

  get image(): RunningImage {
    return this.currentImage;
  }

  get optimizeLevel(): NonNullable<AscOptions['optimize']> {
    return this.optimize;
  }

  /** asc's optimize level from the next build on. */
  setOptimizeLevel(level: NonNullable<AscOptions['optimize']>): void {
    this.optimize = level;
    this.setState({ ...this.currentState });
  }

  /** Calls `listener` after every state change; returns the unsubscribe function. */
  onStateChange(listener: () => void): () => void {
    return this.stateListeners.add(listener);
  }

  /** Calls `listener` when the machine gets another image or its debug information arrives. */
  onImageChange(listener: () => void): () => void {
    return this.imageListeners.add(listener);
  }

  /** Loads the toolchain in the background (e.g. when the user starts editing), so Build & Run starts at once. */
  warmUp(): void {
    this.client.warmUp();
  }

  /**
   * Boots the prebuilt image at `url` and loads its debug information from
   * the file next to it (eduos.elf → eduos.debug.json), if there is one —
   * once the kernel has printed (`firstOutput`): the JSON is large, and
   * parsing it and naming addresses with it is not what a visitor waits for.
   */
  async bootPrebuilt(url: string, { warmUp = true }: { warmUp?: boolean } = {}): Promise<void> {
    this.setImage({ origin: 'prebuilt', debug: null, unsafeReport: null });
    const booted = firstOutput(this.machine);
    await this.machine.bootFromUrl(url);
    await booted.done;
    const debug = await fetchDebugInfo(url);
    if (debug && this.currentImage.origin === 'prebuilt') this.setImage({ ...this.currentImage, debug });
    if (warmUp) void this.warmUpInBackground();
  }

  /** Builds the project as it is now; the machine is not touched. */
  async build(): Promise<BuildOutcome> {
    return (await this.attempt()).outcome;
  }

  /** Builds, and boots the image if the build succeeded; after a failure the machine keeps what it runs. */
  async buildAndRun(): Promise<BuildOutcome> {
    // The next emulator is built on this thread while the worker compiles: the boot then only loads the image.
    this.machine.prepareBoot();
    let booting: Promise<number> | undefined;
    const { outcome, image } = await this.attempt((built) => (booting = this.boot(built)));
    if (!image) return outcome;
    const bootMs = await (booting ?? this.boot(image));
    return { ...outcome, stepMs: { ...outcome.stepMs, boot: bootMs } };
  }

  /**
   * Builds the project as it is, WARM_UP_BUILDS times, when the page is idle, showing nothing (no progress,
   * no problems, no image): only for the worker to be warm when the user builds. Stops at the user's first
   * build, which cancels the one running (build-client.ts says how); waits while the page is hidden (a tab
   * in the background should not keep a core busy).
   */
  private async warmUpInBackground(): Promise<void> {
    const project = await this.loadProject();
    await whenIdle();
    for (let i = 0; i < WARM_UP_BUILDS && !this.userHasBuilt(); i++) {
      await whenVisible();
      if (this.userHasBuilt()) return;
      const done = await this.client.buildInBackground({ files: project.snapshot(), optimize: this.optimize });
      if (!done) return;
    }
  }

  private userHasBuilt(): boolean {
    return this.lastAttempt !== null || this.inFlight !== null;
  }

  dispose(): void {
    this.client.dispose();
    this.stateListeners.clear();
    this.imageListeners.clear();
  }

  /** `onBuilt` is called with the image of a build this call runs, in the same task as the state says so. */
  private async attempt(onBuilt?: (image: GoodImage) => void): Promise<Attempt> {
    const input: BuildInput = { files: (await this.loadProject()).snapshot(), optimize: this.optimize };
    if (this.inFlight && sameInput(this.inFlight.input, input)) return this.inFlight.attempt;
    if (this.lastAttempt && sameInput(this.lastAttempt.input, input)) return this.reuse(this.lastAttempt);
    const attempt = this.run(input, onBuilt);
    this.inFlight = { input, attempt };
    try {
      return await attempt;
    } finally {
      if (this.inFlight?.attempt === attempt) this.inFlight = null;
    }
  }

  private reuse(last: Attempt): Attempt {
    const outcome: BuildOutcome = { ...last.outcome, reused: true, stepMs: {}, message: `unchanged since the last build: ${last.outcome.message}` };
    this.setState({ ...this.currentState, message: outcome.message });
    return { ...last, outcome };
  }

  private async run(input: BuildInput, onBuilt?: (image: GoodImage) => void): Promise<Attempt> {
    const { files, optimize } = input;
    const steps: StepProgress[] = [];
    const started = performance.now();
    let stepStarted = started;
    const finishStep = () => {
      const running = steps.at(-1);
      if (running && running.ms === undefined) steps[steps.length - 1] = { ...running, ms: performance.now() - stepStarted };
    };
    this.setState({ phase: 'building', steps: [], diagnostics: this.currentState.diagnostics, message: 'loading the toolchain…' });
    let result: PipelineResult;
    try {
      result = await this.client.build({ files, optimize }, (step) => {
        finishStep();
        stepStarted = performance.now();
        steps.push({ step });
        this.setState({ ...this.currentState, steps: [...steps], message: `${step}…` });
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setState({ phase: 'crashed', steps: [], diagnostics: [], message });
      // Not remembered as an attempt: the same sources may build once a fresh worker runs.
      return { input, outcome: { ok: false, reused: false, diagnostics: [], stepMs: {}, message }, image: null };
    }
    finishStep();
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const ok = result.elf !== undefined && result.debug !== undefined && errors === 0;
    const message = ok ? `built (-O${optimize}) in ${Math.round(performance.now() - started)} ms` : `build failed: ${plural(errors, 'error')}`;
    const outcome: BuildOutcome = { ok, reused: false, diagnostics: result.diagnostics, stepMs: result.stepMs, message };
    const image = ok ? { elf: result.elf!.buffer, debug: result.debug!, unsafeReport: result.unsafeReport ?? null } : null;
    this.lastAttempt = { input, outcome, image };
    this.setState({ phase: ok ? 'succeeded' : 'failed', steps, diagnostics: result.diagnostics, message });
    // Before anything awaits: the page renders the finished build and the boot's start at once, not one after the other.
    if (image) onBuilt?.(image);
    return this.lastAttempt;
  }

  /**
   * Boots `image`; resolves with the milliseconds until v86 runs it. The state and the image change in the
   * same task as the boot starts, and the boot's time in the machine's status change: each pair is one render
   * of the page instead of two, on the main thread the new machine needs.
   */
  private async boot(image: GoodImage): Promise<number> {
    const started = performance.now();
    const steps = [...this.currentState.steps.filter((s) => s.step !== 'boot'), { step: 'boot' as const }];
    this.setState({ ...this.currentState, steps });
    this.setImage({ origin: 'build', debug: image.debug, unsafeReport: image.unsafeReport });
    let ms = 0;
    const running = untilRunning(this.machine, () => {
      ms = performance.now() - started;
      this.setState({ ...this.currentState, steps: [...steps.slice(0, -1), { step: 'boot', ms }] });
    });
    await Promise.all([this.machine.boot(image.elf), running]);
    return ms;
  }

  private setState(state: BuildState): void {
    this.currentState = state;
    this.stateListeners.notify();
  }

  private setImage(image: RunningImage): void {
    this.currentImage = image;
    this.imageListeners.notify();
  }
}

/**
 * Whether two builds are of the same sources at the same level. Compares the texts themselves: unchanged files
 * are mostly the very same strings, which compare at once (serializing every source into one key string, as
 * this once did, cost the page's main thread 10–30 ms per build).
 */
function sameInput(a: BuildInput, b: BuildInput): boolean {
  if (a.optimize !== b.optimize || a.files.size !== b.files.size) return false;
  for (const [path, text] of a.files) if (b.files.get(path) !== text) return false;
  return true;
}

/** Resolves at the browser's next idle moment (at the latest after IDLE_TIMEOUT_MS); where it cannot tell, soon. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}

/** Resolves when the page is visible (at once outside a browser). */
function whenVisible(): Promise<void> {
  if (typeof document === 'undefined' || document.visibilityState === 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    const shown = () => {
      if (document.visibilityState !== 'visible') return;
      document.removeEventListener('visibilitychange', shown);
      resolve();
    };
    document.addEventListener('visibilitychange', shown);
  });
}

/**
 * Resolves when the machine leaves 'loading' (running, or an error if v86 could not start); calls `onLeave`
 * first, within the machine's status change.
 */
function untilRunning(machine: PlaygroundMachine, onLeave: () => void): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = machine.onStatusChange((status) => {
      if (status.kind === 'loading') return;
      unsubscribe();
      onLeave();
      resolve();
    });
  });
}

/** The debug JSON next to a prebuilt image; null for other URLs or when it cannot be loaded. */
async function fetchDebugInfo(imageUrl: string): Promise<DebugInfo | null> {
  const url = new URL(imageUrl);
  if (!/^https?:$/.test(url.protocol) || !url.pathname.endsWith('.elf')) return null;
  url.pathname = url.pathname.replace(/\.elf$/, '.debug.json');
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    return response.ok ? ((await response.json()) as DebugInfo) : null;
  } catch {
    return null;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
