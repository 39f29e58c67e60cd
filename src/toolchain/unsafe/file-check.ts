/**
 * @fileoverview Checks one parsed kernel file against the unsafe rule: walks
 * its AST, opens an unsafe region at each function or method decorated
 * `@unsafe("reason")` (or for the whole file when a line comment
 * `// @unsafe-file: reason` marks it, as the copied garbage collector is),
 * counts the unsafe operations (operations.ts) inside regions and reports each
 * one outside as an error. Also an error: `@unsafe` without a reason, or on
 * something that is not a function. A warning: an `@unsafe` function that
 * performs no unsafe operation itself (calling other `@unsafe` functions is
 * safe), since it only inflates the unsafe count.
 */
import {
  ClassDeclaration,
  DecoratorNode,
  FunctionDeclaration,
  IdentifierExpression,
  NamespaceDeclaration,
  Node,
  StringLiteralExpression,
} from 'assemblyscript';
import type { Diagnostic } from '../asc/diagnostics.js';
import { forEachChild } from './ast-walk.js';
import type { IntrinsicScope } from './intrinsic-bindings.js';
import { classifyOperation, type OperationScope, type UnsafeOperationKind } from './operations.js';
import type { ParsedFile } from './parse.js';
import { topLevelNames } from './top-level-names.js';

/** An unsafe function or file as found, before line counting (report.ts). */
export interface RegionFinding {
  kind: 'function' | 'file';
  name: string;
  reason: string;
  /** Character offset where the region starts (the decorator), for diagnostics about it. */
  start: number;
  startLine: number;
  endLine: number;
  operations: Map<UnsafeOperationKind, number>;
}

export interface FileFindings {
  file: ParsedFile;
  regions: RegionFinding[];
  diagnostics: Diagnostic[];
}

/** Stands in for a reason that was not given, in the report's reason list. */
export const MISSING_REASON = '(missing reason)';

const UNSAFE_FILE_MARKER = /^\/\/\s*@unsafe-file\b\s*(?::(.*))?$/s;

export function checkFile(file: ParsedFile, intrinsics: IntrinsicScope): FileFindings {
  return new FileChecker(file, intrinsics).run();
}

class FileChecker {
  private readonly regions: RegionFinding[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly scope: OperationScope;

  constructor(
    private readonly file: ParsedFile,
    intrinsics: IntrinsicScope,
  ) {
    this.scope = { intrinsics, shadowed: topLevelNames(file.source), text: file.text };
  }

  run(): FileFindings {
    const fileRegion = this.unsafeFileRegion();
    for (const statement of this.file.source.statements) this.visit(statement, null, fileRegion, '');
    this.warnAboutIdleRegions();
    return { file: this.file, regions: this.regions, diagnostics: this.diagnostics };
  }

  /** `// @unsafe-file: reason` anywhere in the file makes all of it one unsafe region. */
  private unsafeFileRegion(): RegionFinding | null {
    for (const comment of this.file.comments) {
      const marker = UNSAFE_FILE_MARKER.exec(comment.text);
      if (!marker) continue;
      const reason = marker[1]?.trim() ?? '';
      if (reason === '') {
        this.error(comment.start, '// @unsafe-file needs a reason after a colon (// @unsafe-file: why all of this file must be unsafe); the reasons are what the unsafe report lists');
      }
      const lastLine = this.file.lines.lineCount;
      return this.openRegion('file', this.file.path, reason || MISSING_REASON, 0, lastLine);
    }
    return null;
  }

  /** `owner` is the enclosing class or namespace name ('' at top level), for region names. */
  private visit(node: Node, parent: Node | null, region: RegionFinding | null, owner: string): void {
    const unsafeDecorator = findUnsafeDecorator(node);
    if (unsafeDecorator) region = this.enterUnsafe(node, unsafeDecorator, region, owner);
    const operation = classifyOperation(node, parent, this.scope);
    if (operation && region) {
      region.operations.set(operation.kind, (region.operations.get(operation.kind) ?? 0) + 1);
    } else if (operation) {
      this.error(
        node.range.start,
        `${operation.what} outside an @unsafe function (${operation.why}; move it into a small @unsafe("reason") function and call that)`,
      );
    }
    const isOwner = node instanceof ClassDeclaration || node instanceof NamespaceDeclaration;
    const childOwner = isOwner ? qualified(owner, node.name.text) : owner;
    forEachChild(node, (child, childParent) => this.visit(child, childParent, region, childOwner));
  }

  /** The region the decorated node's body belongs to: a new one, unless it is already inside one. */
  private enterUnsafe(node: Node, decorator: DecoratorNode, region: RegionFinding | null, owner: string): RegionFinding | null {
    if (!(node instanceof FunctionDeclaration)) {
      this.error(decorator.range.start, '@unsafe marks functions and methods only: put the raw access in a small @unsafe("reason") function and call it from here');
      return region;
    }
    const reason = reasonOf(decorator);
    if (reason === undefined) {
      this.error(decorator.range.start, '@unsafe needs a reason string, e.g. @unsafe("reads the boot loader\'s memory map"): the reasons are what the unsafe report lists (the paper\'s Table 1)');
    }
    if (region) return region;
    const endLine = this.file.lines.lineOf(Math.max(node.range.start, node.range.end - 1));
    return this.openRegion('function', qualified(owner, node.name.text), reason ?? MISSING_REASON, node.range.start, endLine);
  }

  private openRegion(kind: RegionFinding['kind'], name: string, reason: string, start: number, endLine: number): RegionFinding {
    const startLine = this.file.lines.lineOf(start);
    const region: RegionFinding = { kind, name, reason, start, startLine, endLine, operations: new Map() };
    this.regions.push(region);
    return region;
  }

  private warnAboutIdleRegions(): void {
    for (const region of this.regions) {
      if (region.kind !== 'function' || region.operations.size > 0) continue;
      this.diagnostics.push({
        ...this.at(region.start),
        severity: 'warning',
        message: `@unsafe function ${region.name} performs no unsafe operation itself (calling an @unsafe function is safe): drop the decorator so the unsafe count stays honest`,
      });
    }
  }

  private error(offset: number, message: string): void {
    this.diagnostics.push({ ...this.at(offset), severity: 'error', message });
  }

  private at(offset: number): Pick<Diagnostic, 'file' | 'line' | 'column' | 'code'> {
    return { file: this.file.path, ...this.file.lines.position(offset), code: 0 };
  }
}

function findUnsafeDecorator(node: Node): DecoratorNode | undefined {
  const decorators: unknown = (node as { decorators?: unknown }).decorators;
  if (!Array.isArray(decorators)) return undefined;
  return decorators.find(
    (decorator): decorator is DecoratorNode =>
      decorator instanceof DecoratorNode && decorator.name instanceof IdentifierExpression && decorator.name.text === 'unsafe',
  );
}

/** The reason in `@unsafe("reason")`; undefined when missing, empty or not a string literal. */
function reasonOf(decorator: DecoratorNode): string | undefined {
  const argument = decorator.args?.[0];
  if (!(argument instanceof StringLiteralExpression)) return undefined;
  return argument.value.trim() || undefined;
}

function qualified(owner: string, name: string): string {
  return owner ? `${owner}.${name}` : name;
}
