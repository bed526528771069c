import { ts } from "../typescript.js";

/**
 * CommonJS: an imported class is serialized by tsc -p as the bare reference (`author_1.Author`),
 * by a one-file transpile with a guard because it cannot know it is a class (TypeScript:
 * `typeof (_a = typeof X !== "undefined" && X) === "function" ? _a : Object`; oxc: `typeof X ===
 * "undefined" ? Object : X`). They differ when the class is not defined yet (circular imports
 * between entities): undefined for tsc, Object for the guard. Where the import is known to be a
 * class, the guard is unwrapped. ESM keeps the guard: there, tsc's bare reference throws (the
 * binding is still in its temporal dead zone) and the guard does not.
 */
export function classGuardTransformer(isImportedClass: (dotted: string) => boolean): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const unwrap = (node: ts.Node): ts.Node => {
      const reference = guardedReference(node);
      if (reference && isImportedClass(dotted(reference)!)) return reference;
      return ts.visitEachChild(node, unwrap, context);
    };
    // Only inside the emitted `__metadata(...)` calls: user code is never rewritten.
    const visit = (node: ts.Node): ts.Node =>
      ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "__metadata" ? ts.visitEachChild(node, unwrap, context) : ts.visitEachChild(node, visit, context);
    return ts.visitEachChild(sourceFile, visit, context);
  };
}

/** `typeof (_a = typeof X !== "undefined" && X) === "function" ? _a : Object`: the X, or undefined. */
function guardedReference(node: ts.Node): ts.Expression | undefined {
  if (!ts.isConditionalExpression(node) || !ts.isIdentifier(node.whenFalse) || node.whenFalse.text !== "Object") return undefined;
  const condition = node.condition;
  if (!ts.isBinaryExpression(condition) || condition.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken || !ts.isTypeOfExpression(condition.left)) return undefined;
  let assigned: ts.Expression = condition.left.expression;
  while (ts.isParenthesizedExpression(assigned)) assigned = assigned.expression;
  if (!ts.isBinaryExpression(assigned) || assigned.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const guard = assigned.right;
  if (!ts.isBinaryExpression(guard) || guard.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) return undefined;
  const reference = guard.right;
  return dotted(reference) === undefined ? undefined : reference;
}

/** `a.b.C` as an expression, back to the dotted name it was serialized from. */
function dotted(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) {
    const left = dotted(expression.expression);
    return left && `${left}.${expression.name.text}`;
  }
  return undefined;
}
