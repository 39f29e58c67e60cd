// The checks a decoded link's JSON passes before the page opens it.
import { describe, expect, it } from 'vitest';
import { ShareLinkError } from './share-error.js';
import { parseShareState, type ShareState } from './share-state.js';

const GOOD: ShareState = {
  files: { 'main.ts': 'export function _start(): void {}\n', 'demo/new.ts': '' },
  commandLine: 'hz=100',
  optimize: 2,
  open: { path: 'main.ts', line: 12 },
  kernel: '0123abcd',
};

function problemOf(json: unknown): string {
  try {
    parseShareState(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    return `${(error as ShareLinkError).problem}: ${(error as Error).message}`;
  }
  return 'accepted';
}

describe('parseShareState', () => {
  it('accepts a v1 state, with or without a line', () => {
    expect(parseShareState(JSON.parse(JSON.stringify(GOOD)))).toEqual(GOOD);
    expect(parseShareState({ ...GOOD, open: { path: 'main.ts' } }).open).toEqual({ path: 'main.ts' });
  });

  it('refuses paths that are not kernel files, naming them', () => {
    expect(problemOf({ ...GOOD, files: { '../../etc/passwd.ts': 'x' } })).toMatch(/^bad-path: .*"\.\.\/\.\.\/etc\/passwd\.ts", which is not a kernel file/);
    expect(problemOf({ ...GOOD, files: { 'main.js': 'x' } })).toMatch(/^bad-path: .*"main\.js"/);
    expect(problemOf({ ...GOOD, open: { path: '/main.ts' } })).toMatch(/^bad-path: .*"\/main\.ts"/);
  });

  it('names the field that is missing or mistyped', () => {
    expect(problemOf(null)).toMatch(/^bad-state: .*the link is not a JSON object/);
    expect(problemOf([])).toMatch(/^bad-state/);
    expect(problemOf({ ...GOOD, files: undefined })).toMatch(/"files" is not a JSON object/);
    expect(problemOf({ ...GOOD, files: { 'main.ts': 3 } })).toMatch(/the text of "main\.ts" is not a string/);
    expect(problemOf({ ...GOOD, commandLine: null })).toMatch(/"commandLine" is not a string/);
    expect(problemOf({ ...GOOD, optimize: 4 })).toMatch(/"optimize" is not an optimize level/);
    expect(problemOf({ ...GOOD, optimize: '0' })).toMatch(/"optimize"/);
    expect(problemOf({ ...GOOD, open: { path: 'main.ts', line: 0 } })).toMatch(/"open.line" is not a line number/);
    expect(problemOf({ ...GOOD, open: { path: 'main.ts', line: 1.5 } })).toMatch(/"open.line"/);
    expect(problemOf({ ...GOOD, kernel: undefined })).toMatch(/"kernel" is not a string/);
  });
});
