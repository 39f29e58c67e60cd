// The unsafe checker with a cache: after edits it reports what a check from scratch reports, parses and walks
// again only what changed, and walks an unchanged file again when an edit elsewhere changes which of its names
// are x86 intrinsics.
import { describe, expect, it } from 'vitest';
import { UnsafeCheckCache } from './check-cache.js';
import { checkUnsafe } from './check.js';
import { intrinsicScopes } from './intrinsic-bindings.js';

const INTRINSICS = '@external("x86", "cli") export declare function cli(): void;\n';
/** Safe: `stop` is an ordinary function… */
const HELPERS = 'export function stop(): void {}\n';
/** …until helpers.ts re-exports the intrinsic under that name instead. */
const HELPERS_REEXPORTING = 'export { cli as stop } from "./intrinsics";\n';
const USER = 'import { stop } from "./helpers";\nexport function shutdown(): void {\n  stop();\n}\n';

function project(helpers: string, user = USER): Map<string, string> {
  return new Map([
    ['intrinsics.ts', INTRINSICS],
    ['helpers.ts', helpers],
    ['user.ts', user],
  ]);
}

describe('UnsafeCheckCache', () => {
  it('gives the results of a check from scratch, edit after edit', () => {
    const cache = new UnsafeCheckCache();
    const edits = [
      project(HELPERS),
      project(HELPERS, `${USER}export function poke(): void { store<u8>(0, 1); }\n`),
      project(HELPERS_REEXPORTING),
      project(HELPERS, 'export function broken( {\n'),
      project(HELPERS),
    ];
    for (const files of edits) expect(checkUnsafe(files, cache)).toEqual(checkUnsafe(files));
  });

  it('walks an unchanged file again when the intrinsics it imports change', () => {
    const cache = new UnsafeCheckCache();
    expect(checkUnsafe(project(HELPERS), cache).diagnostics).toEqual([]);
    const after = checkUnsafe(project(HELPERS_REEXPORTING), cache);
    expect(after.diagnostics).toContainEqual(expect.objectContaining({ file: 'user.ts', line: 3, column: 3, severity: 'error' }));
  });

  it('parses and walks a file once while its text and scope stay the same', () => {
    const cache = new UnsafeCheckCache();
    const parsed = cache.parse('user.ts', USER);
    expect(cache.parse('user.ts', USER)).toBe(parsed);
    expect(cache.parse('user.ts', `${USER}\n`)).not.toBe(parsed);

    const files = project(HELPERS);
    const sources = new Map([...files].map(([path, text]) => [path, cache.parse(path, text).file.source]));
    const scope = intrinsicScopes(sources).get('user.ts')!;
    const user = cache.parse('user.ts', USER).file;
    const findings = cache.check(user, scope);
    expect(cache.check(user, scope)).toBe(findings);
    expect(cache.check(user, { functions: new Map([['stop', 'cli']]), namespaces: new Map() })).not.toBe(findings);
  });

  it('forgets files that are gone', () => {
    const cache = new UnsafeCheckCache();
    const parsed = cache.parse('old.ts', HELPERS);
    cache.keepOnly(new Set(['user.ts']));
    expect(cache.parse('old.ts', HELPERS)).not.toBe(parsed);
  });
});
