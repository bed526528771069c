import { ts } from "ts-morph";
import type { TsconfigInfo } from "../tsconfig-info.js";
import { DeclarationResolver, type ModuleSource, type Resolution } from "./declaration-resolver.js";
import type { MetadataDependencies } from "./dependencies.js";
import { referenceKind, type MetadataKind } from "./serialization-kind.js";

export interface MetadataTransformers {
  transformers: ts.CustomTransformers;
  /** Filled while transpileModule runs: what the corrections read from other files. */
  dependencies(): MetadataDependencies;
}

/**
 * Corrects decorator metadata that transpileModule cannot get right on its own. It compiles
 * one file at a time, so a type imported from another file is unknown to its checker: an
 * imported string enum becomes `design:type Object` where tsc -p writes String, and TypeORM
 * rejects the column. Before TypeScript's own transform runs, every type reference in a
 * position the metadata serializer reads (property types, parameter and return types,
 * accessor types, constructor parameters of decorated classes), and whose meaning comes from
 * another file, is resolved here and replaced by a keyword type that serializes to the same
 * constructor tsc would write: `string` for String, `object` for Object, and so on. Unions
 * around it (`Status | null`) are then serialized by TypeScript itself, with the project's
 * strictNullChecks, exactly as tsc does. Only type nodes change, so positions, line numbers
 * and source maps do not move.
 *
 * In ESM output, an import of something that is only a type (an alias, an interface) would be
 * kept because the original metadata referenced it, and Node would refuse to link it; the
 * `after` step drops those specifiers, as tsc does when it knows they are types.
 */
export function metadataTransformers(options: { tsconfig: TsconfigInfo; strictNullChecks: boolean; esm: boolean }): MetadataTransformers {
  const resolver = new DeclarationResolver(options.tsconfig);
  const typeOnlyImports = new Set<string>();
  let module: ModuleSource | undefined;

  const before: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) => {
    // Without decorators there is no metadata; without imports the file's own checker sees everything.
    if (!sourceFile.text.includes("@")) return sourceFile;
    module = DeclarationResolver.moduleOf(sourceFile);
    if (module.index.imports.size === 0) return sourceFile;
    const rewriter = new TypeRewriter(context.factory, module, resolver, options.strictNullChecks, typeOnlyImports);
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isTypeNode(node)) return node;
      if (ts.isClassLike(node) && isDecoratedClass(node)) node = rewriter.rewriteClass(node);
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(sourceFile, visit, context);
  };

  /**
   * CommonJS: an imported class is serialized by tsc as the bare reference (`author_1.Author`),
   * by transpileModule with a guard (`typeof (_a = ...) === "function" ? _a : Object`) because
   * it cannot know it is a class. They differ when the class is not defined yet (circular
   * imports between entities): undefined for tsc, Object for the guard. Where the import is
   * known to be a class, the guard is unwrapped. ESM keeps the guard: there, tsc's bare
   * reference throws (the binding is still in its temporal dead zone) and the guard does not.
   */
  const afterCommonJs: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) => {
    if (!module || module.index.imports.size === 0) return sourceFile;
    const current = module;
    const unwrap = (node: ts.Node): ts.Node => {
      const reference = guardedReference(node);
      if (reference && isImportedClass(resolver, current, reference)) return reference;
      return ts.visitEachChild(node, unwrap, context);
    };
    // Only inside the emitted `__metadata(...)` calls: user code is never rewritten.
    const visit = (node: ts.Node): ts.Node =>
      ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "__metadata" ? ts.visitEachChild(node, unwrap, context) : ts.visitEachChild(node, visit, context);
    return ts.visitEachChild(sourceFile, visit, context);
  };

  const after: ts.TransformerFactory<ts.SourceFile> = (context) => (sourceFile) => {
    const original = ts.getOriginalNode(sourceFile) as ts.SourceFile;
    const hasReexports = original.statements.some((s) => ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && ts.isNamedExports(s.exportClause));
    if (typeOnlyImports.size === 0 && !hasReexports) return sourceFile;
    module ??= DeclarationResolver.moduleOf(original);
    const f = context.factory;
    // Exports first: `export { X }` of an imported type also makes that import type-only.
    const exportsKept = sourceFile.statements.flatMap((statement) => {
      if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return [statement];
      const elements = statement.exportClause.elements.filter((element) => !isTypeOnlyExport(resolver, module!, statement, element, typeOnlyImports));
      if (elements.length === statement.exportClause.elements.length) return [statement];
      if (elements.length === 0) return [];
      return [f.updateExportDeclaration(statement, statement.modifiers, false, f.updateNamedExports(statement.exportClause, elements), statement.moduleSpecifier, statement.attributes)];
    });
    const statements = exportsKept.flatMap((statement) => {
      if (!ts.isImportDeclaration(statement) || !statement.importClause) return [statement];
      const updated = withoutTypeOnlyBindings(f, statement, typeOnlyImports);
      return updated ? [updated] : [];
    });
    return f.updateSourceFile(sourceFile, statements);
  };

  return {
    transformers: { before: [before], after: options.esm ? [after] : [afterCommonJs] },
    dependencies: () => resolver.dependencies,
  };
}

/**
 * A named (re-)export of something that is only a type. transpileModule must keep it (it
 * cannot know), and Node then refuses to link the ESM module, where tsc -p would have elided
 * it. `isolatedModules` projects write `export type` and never get here.
 */
function isTypeOnlyExport(resolver: DeclarationResolver, module: ModuleSource, statement: ts.ExportDeclaration, element: ts.ExportSpecifier, typeOnlyImports: Set<string>): boolean {
  if (element.isTypeOnly) return true;
  const name = (element.propertyName ?? element.name).text;
  let resolution: Resolution | undefined;
  if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    const target = resolver.resolveModule(module.file, statement.moduleSpecifier.text);
    resolution = target && resolver.resolveExport(target, name, false, new Set());
  } else {
    if (!module.index.imports.has(name)) return false; // a local declaration: the file's own checker elides local types
    resolution = resolver.resolveLocal(module, name, false, new Set());
  }
  const typeOnly = isTypeOnlyDeclaration(resolution);
  if (typeOnly && !statement.moduleSpecifier) typeOnlyImports.add(name);
  return typeOnly;
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
  return ts.isIdentifier(reference) || ts.isPropertyAccessExpression(reference) ? reference : undefined;
}

function isImportedClass(resolver: DeclarationResolver, module: ModuleSource, reference: ts.Expression): boolean {
  const name = entityName(reference);
  if (!name) return false;
  let root: ts.EntityName = name;
  while (ts.isQualifiedName(root)) root = root.left;
  if (!module.index.imports.has(root.text)) return false;
  const resolution = resolver.resolveEntityName(module, name);
  return resolution?.kind === "declarations" && !resolution.typeOnly && resolution.declarations.some((d) => d.kind === "class");
}

/** `a.b.C` as an expression, back to the entity name it was serialized from. */
function entityName(expression: ts.Expression): ts.EntityName | undefined {
  if (ts.isIdentifier(expression)) return ts.factory.createIdentifier(expression.text);
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) {
    const left = entityName(expression.expression);
    return left && ts.factory.createQualifiedName(left, expression.name.text);
  }
  return undefined;
}

function isTypeOnlyDeclaration(resolution: Resolution | undefined): boolean {
  return resolution?.kind === "declarations" && resolution.declarations.every((d) => d.kind === "alias" || d.kind === "interface");
}

function isDecoratedClass(node: ts.ClassLikeDeclaration): boolean {
  if (ts.getDecorators(node)?.length) return true;
  return node.members.some(
    (member) =>
      (ts.canHaveDecorators(member) && (ts.getDecorators(member)?.length ?? 0) > 0) ||
      ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isSetAccessorDeclaration(member)) &&
        member.parameters.some((parameter) => (ts.getDecorators(parameter)?.length ?? 0) > 0)),
  );
}

class TypeRewriter {
  constructor(
    private readonly factory: ts.NodeFactory,
    private readonly module: ModuleSource,
    private readonly resolver: DeclarationResolver,
    private readonly strictNullChecks: boolean,
    private readonly typeOnlyImports: Set<string>,
  ) {}

  rewriteClass<T extends ts.ClassLikeDeclaration>(node: T): T {
    const f = this.factory;
    const members = node.members.map((member) => {
      if (ts.isPropertyDeclaration(member) && member.type) {
        return f.updatePropertyDeclaration(member, member.modifiers, member.name, member.questionToken ?? member.exclamationToken, this.rewriteType(member.type), member.initializer);
      }
      if (ts.isMethodDeclaration(member)) {
        return f.updateMethodDeclaration(member, member.modifiers, member.asteriskToken, member.name, member.questionToken, member.typeParameters, this.rewriteParameters(member.parameters), member.type && this.rewriteType(member.type), member.body);
      }
      if (ts.isGetAccessorDeclaration(member)) {
        return f.updateGetAccessorDeclaration(member, member.modifiers, member.name, this.rewriteParameters(member.parameters), member.type && this.rewriteType(member.type), member.body);
      }
      if (ts.isSetAccessorDeclaration(member)) {
        return f.updateSetAccessorDeclaration(member, member.modifiers, member.name, this.rewriteParameters(member.parameters), member.body);
      }
      if (ts.isConstructorDeclaration(member)) {
        return f.updateConstructorDeclaration(member, member.modifiers, this.rewriteParameters(member.parameters), member.body);
      }
      return member;
    });
    if (members.every((member, i) => member === node.members[i])) return node;
    const updated = ts.isClassDeclaration(node)
      ? f.updateClassDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members)
      : f.updateClassExpression(node as ts.ClassExpression, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members);
    return updated as unknown as T;
  }

  private rewriteParameters(parameters: ts.NodeArray<ts.ParameterDeclaration>): ts.NodeArray<ts.ParameterDeclaration> {
    const rewritten = parameters.map((p) =>
      p.type ? this.factory.updateParameterDeclaration(p, p.modifiers, p.dotDotDotToken, p.name, p.questionToken, this.rewriteType(p.type), p.initializer) : p,
    );
    return rewritten.every((p, i) => p === parameters[i]) ? parameters : this.factory.createNodeArray(rewritten, parameters.hasTrailingComma);
  }

  /** The positions tsc's serializer looks through (its serializeTypeNode), and nothing deeper. */
  private rewriteType(node: ts.TypeNode): ts.TypeNode {
    const f = this.factory;
    if (ts.isParenthesizedTypeNode(node)) {
      const inner = this.rewriteType(node.type);
      return inner === node.type ? node : f.updateParenthesizedType(node, inner);
    }
    if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) {
      const types = node.types.map((t) => this.rewriteType(t));
      if (types.every((t, i) => t === node.types[i])) return node;
      return ts.isUnionTypeNode(node) ? f.updateUnionTypeNode(node, f.createNodeArray(types)) : f.updateIntersectionTypeNode(node, f.createNodeArray(types));
    }
    if (ts.isConditionalTypeNode(node)) {
      const trueType = this.rewriteType(node.trueType);
      const falseType = this.rewriteType(node.falseType);
      return trueType === node.trueType && falseType === node.falseType ? node : f.updateConditionalTypeNode(node, node.checkType, node.extendsType, trueType, falseType);
    }
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) {
      const inner = this.rewriteType(node.type);
      return inner === node.type ? node : f.updateTypeOperatorNode(node, inner);
    }
    if (ts.isTypeReferenceNode(node)) {
      const kind = this.classify(node);
      return kind ? ts.setTextRange(keywordFor(f, kind), node) : node;
    }
    return node;
  }

  private classify(node: ts.TypeReferenceNode): MetadataKind | undefined {
    this.resolver.crossedFile = false;
    const resolution = this.resolver.resolveEntityName(this.module, node.typeName);
    if (!resolution) return undefined;
    const kind = referenceKind(resolution, this.resolver, this.strictNullChecks);
    this.noteTypeOnlyImport(node.typeName, resolution);
    // A reference the file's own checker could follow (a local enum, a local alias of
    // locals) is already serialized right by transpileModule; leave it to TypeScript.
    return this.resolver.crossedFile ? kind : undefined;
  }

  /** An imported name with no value behind it (an alias, an interface): ESM output must not import it. */
  private noteTypeOnlyImport(typeName: ts.EntityName, resolution: Resolution): void {
    if (!ts.isIdentifier(typeName) || !this.module.index.imports.has(typeName.text)) return;
    if (isTypeOnlyDeclaration(resolution)) this.typeOnlyImports.add(typeName.text);
  }
}

function keywordFor(f: ts.NodeFactory, kind: MetadataKind): ts.TypeNode {
  switch (kind) {
    case "String":
      return f.createKeywordTypeNode(ts.SyntaxKind.StringKeyword);
    case "Number":
      return f.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword);
    case "Boolean":
      return f.createKeywordTypeNode(ts.SyntaxKind.BooleanKeyword);
    case "BigInt":
      return f.createKeywordTypeNode(ts.SyntaxKind.BigIntKeyword);
    case "Symbol":
      return f.createKeywordTypeNode(ts.SyntaxKind.SymbolKeyword);
    case "Void":
      return f.createKeywordTypeNode(ts.SyntaxKind.VoidKeyword);
    case "Object":
      return f.createKeywordTypeNode(ts.SyntaxKind.ObjectKeyword);
    case "Array":
      return f.createArrayTypeNode(f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));
    case "Function":
      return f.createFunctionTypeNode(undefined, [], f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));
  }
}

function withoutTypeOnlyBindings(f: ts.NodeFactory, statement: ts.ImportDeclaration, typeOnly: Set<string>): ts.ImportDeclaration | undefined {
  const clause = statement.importClause!;
  const name = clause.name && !typeOnly.has(clause.name.text) ? clause.name : undefined;
  let bindings = clause.namedBindings;
  if (bindings && ts.isNamedImports(bindings)) {
    const elements = bindings.elements.filter((element) => !typeOnly.has(element.name.text));
    if (elements.length === bindings.elements.length && name === clause.name) return statement;
    bindings = elements.length > 0 ? f.updateNamedImports(bindings, elements) : undefined;
  } else if (name === clause.name) {
    return statement;
  }
  // Nothing left to import: tsc drops the whole declaration too.
  if (!name && !bindings) return undefined;
  return f.updateImportDeclaration(statement, statement.modifiers, f.updateImportClause(clause, clause.phaseModifier, name, bindings), statement.moduleSpecifier, statement.attributes);
}
