/**
 * @fileoverview Visits the nodes of an AssemblyScript AST that can hold code
 * the unsafe checker must see: statements, expressions, declarations and
 * their bodies and initializers.
 *
 * asc's AST has some sixty node classes and no visitor, so the walk is
 * generic: it follows every property that holds a `Node` or an array of
 * them. What it leaves out is chosen so that a name is only ever visited
 * where it is *used*: declared names (`name`), property names after a dot,
 * object literal keys, labels, import/export lists (resolved separately by
 * intrinsic-bindings.ts), decorators (checked by the caller) and type
 * annotations (a type is not an operation; `changetype<T>` reads its type
 * argument itself). `range` is skipped because it points back at the Source.
 */
import {
  ExportStatement,
  ImportStatement,
  NamedTypeNode,
  Node,
  TupleTypeNode,
  TypeName,
  TypeParameterNode,
} from 'assemblyscript';

/** Properties that never lead to a use of a name. */
const SKIPPED_PROPERTIES = new Set(['range', 'name', 'foreignName', 'property', 'names', 'label', 'decorators']);

/** Calls `visit(child, node)` for each child of `node` that may contain code. */
export function forEachChild(node: Node, visit: (child: Node, parent: Node) => void): void {
  for (const [key, value] of Object.entries(node)) {
    if (SKIPPED_PROPERTIES.has(key)) continue;
    if (Array.isArray(value)) {
      for (const element of value) if (isCodeNode(element)) visit(element, node);
    } else if (isCodeNode(value)) {
      visit(value, node);
    }
  }
}

function isCodeNode(value: unknown): value is Node {
  if (!(value instanceof Node)) return false;
  const isType =
    value instanceof NamedTypeNode || value instanceof TupleTypeNode || value instanceof TypeName || value instanceof TypeParameterNode;
  return !isType && !(value instanceof ImportStatement) && !(value instanceof ExportStatement);
}
