/**
 * @fileoverview The names a kernel file declares or imports at top level.
 * The unsafe checker uses them to tell asc's builtins (`load`, `memory`, …)
 * from a file's own functions of the same name.
 */
import { DeclarationStatement, ImportStatement, VariableStatement, type Source } from 'assemblyscript';

export function topLevelNames(source: Source): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (statement instanceof DeclarationStatement) names.add(statement.name.text);
    if (statement instanceof VariableStatement) for (const variable of statement.declarations) names.add(variable.name.text);
    if (statement instanceof ImportStatement) {
      if (statement.namespaceName) names.add(statement.namespaceName.text);
      for (const declaration of statement.declarations ?? []) names.add(declaration.name.text);
    }
  }
  return names;
}
