/**
 * @fileoverview Judges one boot: reads the guest's COM1 lines and decides, for every action of the
 * job, whether it passed; a guest that stopped early fails every action it did not report, with why.
 *
 * Pipeline place: last step per job, the same for every engine (the V8 reference prints the same
 * lines as the guest). The guest protocol, one line per action `i` (0-based index into the job):
 *   `#<i> ok`             returned, results equal the expected ones (or a plain invoke returned)
 *   `#<i> fail <text>`    returned, results differ; text shows what was returned
 *   `#<i> trap <kind>`    trapped with a spec trap message such as `integer divide by zero`
 *   `#<i> returned`       a trap was expected but the call returned
 *   `#init trap <kind>`   instantiation (start function or an active segment) trapped; nothing follows
 *   `#done`               all actions ran
 * Other lines are ignored, so the guest may print diagnostics.
 */
import { describeAction, describeExpect } from './spec-format.js';
import type { ModuleJob } from './spec-plan.js';
import type { SpecAction } from './spec-types.js';

/** What an engine reports for one job: the guest's serial output and how the run ended. */
export interface BootResult {
  serial: string;
  exitCode: number | null;
  timedOut: boolean;
  wallMs: number;
  /** The engine could not run the job at all (builder exception, boot error); the reason. */
  error?: string;
}

export interface CheckResult {
  file: string;
  line: number;
  action: string;
  expected: string;
  got: string;
  passed: boolean;
  /** Not counted as passed or failed: the check ran into float arithmetic, which the translator refuses by design. */
  skipped?: 'float-inside';
}

interface GuestReport {
  lines: Map<number, { status: string; detail: string }>;
  initTrap?: string;
  done: boolean;
}

/** The trap the translator's spec mode puts in functions that need the FPU. */
const FLOAT_TRAP = 'float instruction not supported';
const actionLine = /^#(\d+) (ok|fail|trap|returned)(?: (.*))?$/;
const initTrapLine = /^#init trap (.*)$/;

export function judgeJob(job: ModuleJob, boot: BootResult): CheckResult[] {
  const report = readGuestReport(boot.serial);
  if (job.expectInitTrap !== undefined) return [judgeInitTrap(job, job.expectInitTrap, report, boot)];
  return job.actions.map((action, index) => {
    const line = report.lines.get(index);
    const got = line ? describeLine(line.status, line.detail) : missingReason(report, boot);
    const passed = line !== undefined && actionPassed(action, line.status, line.detail);
    const skipped = !passed && line?.status === 'trap' && line.detail === FLOAT_TRAP ? 'float-inside' as const : undefined;
    return { file: job.file, line: action.line, action: describeAction(action), expected: describeExpect(action.expect), got, passed, skipped };
  });
}

function readGuestReport(serial: string): GuestReport {
  const report: GuestReport = { lines: new Map(), done: false };
  for (const text of serial.split(/\r?\n/).map((line) => line.trim())) {
    const action = actionLine.exec(text);
    const initTrap = initTrapLine.exec(text);
    if (action) report.lines.set(Number(action[1]), { status: action[2], detail: action[3] ?? '' });
    else if (initTrap) report.initTrap = initTrap[1];
    else if (text === '#done') report.done = true;
  }
  return report;
}

function actionPassed(action: SpecAction, status: string, detail: string): boolean {
  switch (action.expect.kind) {
    case 'return':
      return status === 'ok';
    case 'none':
      return status === 'ok' || status === 'returned';
    case 'trap':
    case 'exhaustion':
      return status === 'trap' && trapMessageMatches(action.expect.message, detail);
  }
}

/**
 * The spec interpreter accepts a trap when its own message starts with the expected one. The guest
 * prints the bare message, while the interpreter appends detail to some (`uninitialized element 2`),
 * so a printed message also matches an expected one that adds a numeric detail to it.
 */
export function trapMessageMatches(expected: string, printed: string): boolean {
  const want = normalise(expected);
  const have = normalise(printed);
  if (have.startsWith(want)) return true;
  return want.startsWith(have + ' ') && /^\d+$/.test(want.slice(have.length + 1));
}

function normalise(message: string): string {
  return message.trim().replace(/\s+/g, ' ');
}

function judgeInitTrap(job: ModuleJob, expected: string, report: GuestReport, boot: BootResult): CheckResult {
  const passed = report.initTrap !== undefined && trapMessageMatches(expected, report.initTrap);
  const got = report.initTrap !== undefined ? `trap ${report.initTrap}`
    : report.done ? 'instantiated without a trap' : missingReason(report, boot);
  return { file: job.file, line: job.line, action: 'instantiate module', expected: `trap ${expected}`, got, passed };
}

function describeLine(status: string, detail: string): string {
  return detail ? `${status} ${detail}` : status;
}

/** Why the guest printed no line for an action. */
function missingReason(report: GuestReport, boot: BootResult): string {
  if (boot.error) return boot.error;
  if (report.initTrap !== undefined) return `instantiation trapped: ${report.initTrap}`;
  if (report.done) return 'guest finished without reporting this action';
  if (boot.timedOut) return `timed out after ${Math.round(boot.wallMs)} ms before reporting this action`;
  if (boot.serial.trim() === '') return `guest printed nothing (exit code ${boot.exitCode})`;
  return `guest stopped before reporting this action (exit code ${boot.exitCode})`;
}
