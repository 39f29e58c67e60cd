/**
 * @fileoverview Finds, for every kernel file, the local names that stand for
 * x86 intrinsics: functions declared `@external("x86", "name")` (as in
 * arch/x86/intrinsics.ts), imported from a file that declares them, or
 * re-exported on the way (`export { inb } from …`, `export * from …`), and
 * namespace imports (`import * as cpu from "./intrinsics"`, used as
 * `cpu.outb(…)`). Any use of such a name is an unsafe operation.
 *
 * Resolution follows the imports between the given files only; an import
 * that leaves them (`~lib/…`) cannot reach an intrinsic.
 */
import {
  DecoratorNode,
  ExportStatement,
  FunctionDeclaration,
  IdentifierExpression,
  ImportStatement,
  StringLiteralExpression,
  type Source,
} from 'assemblyscript';

/** Local or exported name → the intrinsic's name (the second argument of `@external("x86", …)`). */
export type IntrinsicNames = ReadonlyMap<string, string>;

export interface IntrinsicScope {
  /** Names that call an intrinsic directly. */
  functions: IntrinsicNames;
  /** Namespace aliases of modules that export intrinsics, with what each exports. */
  namespaces: ReadonlyMap<string, IntrinsicNames>;
}

/** The translator's module name for CPU intrinsics (docs/intrinsics.md). */
const INTRINSIC_MODULE = 'x86';

/** Computes every file's intrinsic scope; `sources` maps a path relative to src/kernel/ to its parsed Source. */
export function intrinsicScopes(sources: ReadonlyMap<string, Source>): Map<string, IntrinsicScope> {
  const resolver = new IntrinsicResolver(sources);
  const scopes = new Map<string, IntrinsicScope>();
  for (const path of sources.keys()) scopes.set(path, resolver.scope(path));
  return scopes;
}

class IntrinsicResolver {
  private readonly exportsByPath = new Map<string, IntrinsicNames>();
  /** Files whose exports are being computed: an import cycle ends there instead of recursing forever. */
  private readonly inProgress = new Set<string>();

  constructor(private readonly sources: ReadonlyMap<string, Source>) {}

  scope(path: string): IntrinsicScope {
    const namespaces = new Map<string, IntrinsicNames>();
    for (const statement of this.statements(path)) {
      if (!(statement instanceof ImportStatement) || !statement.namespaceName) continue;
      const exported = this.exportsOf(statement.internalPath);
      if (exported.size > 0) namespaces.set(statement.namespaceName.text, exported);
    }
    return { functions: this.localNames(path), namespaces };
  }

  /** Intrinsics a file declares itself or imports by name. */
  private localNames(path: string): Map<string, string> {
    const names = new Map<string, string>();
    for (const statement of this.statements(path)) {
      if (statement instanceof FunctionDeclaration) {
        const intrinsic = declaredIntrinsic(statement);
        if (intrinsic !== undefined) names.set(statement.name.text, intrinsic);
      }
      if (statement instanceof ImportStatement && statement.declarations) {
        const exported = this.exportsOf(statement.internalPath);
        for (const declaration of statement.declarations) {
          const intrinsicName = exported.get(declaration.foreignName.text);
          if (intrinsicName !== undefined) names.set(declaration.name.text, intrinsicName);
        }
      }
    }
    return names;
  }

  /**
   * What a module (by asc's internal path, 'arch/x86/intrinsics') exports of
   * intrinsics. Declarations count as exported whether or not they carry
   * `export`: importing one that is not is a compile error anyway.
   */
  private exportsOf(internalPath: string): IntrinsicNames {
    const path = this.fileOf(internalPath);
    if (path === undefined || this.inProgress.has(path)) return new Map();
    const known = this.exportsByPath.get(path);
    if (known) return known;
    this.inProgress.add(path);
    const exported = this.localNames(path);
    for (const statement of this.statements(path)) {
      if (statement instanceof ExportStatement) this.addReexports(path, statement, exported);
    }
    this.inProgress.delete(path);
    this.exportsByPath.set(path, exported);
    return exported;
  }

  /** `export { a as b }`, `export { a as b } from "m"` and `export * from "m"`. */
  private addReexports(path: string, statement: ExportStatement, exported: Map<string, string>): void {
    const origin = statement.internalPath === null ? this.localNames(path) : this.exportsOf(statement.internalPath);
    if (statement.members === null) {
      for (const [name, intrinsic] of origin) exported.set(name, intrinsic);
      return;
    }
    for (const member of statement.members) {
      const intrinsic = origin.get(member.localName.text);
      if (intrinsic !== undefined) exported.set(member.exportedName.text, intrinsic);
    }
  }

  /** The file an internal path names: 'mm' may be mm.ts or mm/index.ts. */
  private fileOf(internalPath: string): string | undefined {
    return [`${internalPath}.ts`, `${internalPath}/index.ts`].find((path) => this.sources.has(path));
  }

  private statements(path: string) {
    return this.sources.get(path)?.statements ?? [];
  }
}

/** The intrinsic a declaration stands for: `@external("x86", "inb") declare function inb(…)` → 'inb'. */
function declaredIntrinsic(declaration: FunctionDeclaration): string | undefined {
  const external = declaration.decorators?.find(
    (decorator: DecoratorNode) => decorator.name instanceof IdentifierExpression && decorator.name.text === 'external',
  );
  const [moduleName, intrinsicName] = external?.args ?? [];
  if (!(moduleName instanceof StringLiteralExpression) || moduleName.value !== INTRINSIC_MODULE) return undefined;
  return intrinsicName instanceof StringLiteralExpression ? intrinsicName.value : declaration.name.text;
}
