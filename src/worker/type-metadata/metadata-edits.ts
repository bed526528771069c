import { ts } from "../typescript.js";
import type { TsconfigInfo } from "../tsconfig-info.js";
import { DeclarationResolver, type ModuleSource, type Resolution } from "./declaration-resolver.js";
import type { MetadataDependencies } from "./dependencies.js";
import { referenceKind, type MetadataKind } from "./serialization-kind.js";

/** A replacement of source text; edits never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface MetadataCorrections {
  edits: TextEdit[];
  /** What the corrections read from other files (the transform cache's key extension). */
  dependencies: MetadataDependencies;
  /** Whether `a.b.C`, as written in this file, names a class imported from another file. */
  isImportedClass(dotted: string): boolean;
  /** oxc would serialize something here unlike tsc (a decorated class with a setter): TypeScript must transpile the file. */
  needsTypeScript: boolean;
}

export interface MetadataCorrectionOptions {
  tsconfig: TsconfigInfo;
  strictNullChecks: boolean;
  esm: boolean;
  /**
   * Who transpiles the corrected text. TypeScript's transpileModule sees the file's own
   * declarations, so only references into other files are corrected; oxc sees none (a local
   * literal-union alias is Object to it), so every reference is, and without strictNullChecks
   * `null` and `undefined` leave unions in the source, as tsc drops them (oxc does so only
   * around primitives).
   */
  transpiler: "typescript" | "oxc";
}

/**
 * Corrects decorator metadata that a one-file transpile (TypeScript's transpileModule or
 * oxc) cannot get right on its own: a type imported from another file is unknown to it, so an
 * imported string enum becomes `design:type Object` where tsc -p writes String, and TypeORM
 * rejects the column. Every type reference in a position the metadata serializer reads
 * (property types, parameter and return types, accessor types, constructor parameters of
 * decorated classes), and whose meaning comes from another file, is resolved here and
 * replaced in the source by a keyword type that serializes to the constructor tsc would
 * write: `string` for String, `object` for Object, and so on. Unions around it (`Status |
 * null`) are then serialized by the transpiler itself, with the project's strictNullChecks,
 * exactly as tsc does. The edits are text, so both transpilers read the same corrected
 * source; they keep every line where it was (a replacement spanning lines keeps its line
 * breaks), so line numbers and source maps stay exact.
 *
 * In ESM output, an import or re-export of something that is only a type (an alias, an
 * interface) would be kept (the transpiler cannot know) and Node would refuse to link it: such
 * specifiers get an inline `type`, which makes both transpilers drop them, as tsc does when it
 * knows they are types.
 */
export function metadataCorrections(sourceFile: ts.SourceFile, options: MetadataCorrectionOptions): MetadataCorrections {
  const resolver = new DeclarationResolver(options.tsconfig);
  const module = DeclarationResolver.moduleOf(sourceFile);
  const edits: TextEdit[] = [];
  const typeOnlyImports = new Set<string>();
  let needsTypeScript = false;

  // Without decorators there is no metadata; without imports TypeScript's own view of the file is enough.
  if ((module.index.imports.size > 0 || options.transpiler === "oxc") && sourceFile.text.includes("@")) {
    const collector = new TypeReferenceCollector({ sourceFile, module, resolver, options, typeOnlyImports, edits });
    const visit = (node: ts.Node): void => {
      if (ts.isTypeNode(node)) return;
      if (ts.isClassLike(node) && isDecoratedClass(node)) {
        collector.collectClass(node);
        // oxc writes `design:paramtypes []` for a decorated accessor; tsc writes the setter's parameter.
        needsTypeScript ||= node.members.some(ts.isSetAccessorDeclaration);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(sourceFile, visit);
  }
  if (options.esm) typeOnlySpecifierEdits(sourceFile, module, resolver, typeOnlyImports, edits);

  return {
    edits,
    dependencies: resolver.dependencies,
    isImportedClass: (dotted) => isImportedClass(resolver, module, dotted),
    needsTypeScript: needsTypeScript && options.transpiler === "oxc",
  };
}

/** The source with `edits` applied. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return source;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

/** `export { X }` / `export { X } from` / `import { X }` of only-types, marked `type` (ESM only). */
function typeOnlySpecifierEdits(sourceFile: ts.SourceFile, module: ModuleSource, resolver: DeclarationResolver, typeOnlyImports: Set<string>, edits: TextEdit[]): void {
  // Exports first: `export { X }` of an imported type also makes that import type-only.
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      if (!element.isTypeOnly && isTypeOnlyExport(resolver, module, statement, element, typeOnlyImports)) edits.push(insertType(sourceFile, element));
    }
  }
  if (typeOnlyImports.size === 0) return;
  for (const statement of sourceFile.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (!clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if (!element.isTypeOnly && typeOnlyImports.has(element.name.text)) edits.push(insertType(sourceFile, element));
      }
    }
    if (clause.name && typeOnlyImports.has(clause.name.text)) {
      // `import Foo from` becomes `import type Foo from`; `import Foo, { a } from` loses `Foo, `.
      if (!bindings) edits.push(insertType(sourceFile, clause));
      else edits.push(blankOut(sourceFile.text, clause.name.getStart(sourceFile), bindings.getStart(sourceFile)));
    } else if (bindings && ts.isNamespaceImport(bindings) && !clause.name && typeOnlyImports.has(bindings.name.text)) {
      edits.push(insertType(sourceFile, clause));
    }
  }
}

function insertType(sourceFile: ts.SourceFile, node: ts.Node): TextEdit {
  const start = node.getStart(sourceFile);
  return { start, end: start, text: "type " };
}

/** Spaces over `source[start, end)`, line breaks kept. */
function blankOut(source: string, start: number, end: number): TextEdit {
  return { start, end, text: source.slice(start, end).replace(/[^\r\n]/g, " ") };
}

/**
 * A named (re-)export of something that is only a type. A one-file transpile must keep it (it
 * cannot know), and Node then refuses to link the ESM module, where tsc -p would have elided
 * it. `isolatedModules` projects write `export type` and never get here.
 */
function isTypeOnlyExport(resolver: DeclarationResolver, module: ModuleSource, statement: ts.ExportDeclaration, element: ts.ExportSpecifier, typeOnlyImports: Set<string>): boolean {
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

function isImportedClass(resolver: DeclarationResolver, module: ModuleSource, dotted: string): boolean {
  const parts = dotted.split(".");
  if (!module.index.imports.has(parts[0]!)) return false;
  let name: ts.EntityName = ts.factory.createIdentifier(parts[0]!);
  for (const part of parts.slice(1)) name = ts.factory.createQualifiedName(name, part);
  const resolution = resolver.resolveEntityName(module, name);
  return resolution?.kind === "declarations" && !resolution.typeOnly && resolution.declarations.some((d) => d.kind === "class");
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

interface CollectorContext {
  sourceFile: ts.SourceFile;
  module: ModuleSource;
  resolver: DeclarationResolver;
  options: MetadataCorrectionOptions;
  typeOnlyImports: Set<string>;
  edits: TextEdit[];
}

class TypeReferenceCollector {
  private readonly sourceFile: ts.SourceFile;
  private readonly module: ModuleSource;
  private readonly resolver: DeclarationResolver;
  private readonly strictNullChecks: boolean;
  private readonly oxc: boolean;
  private readonly typeOnlyImports: Set<string>;
  private readonly edits: TextEdit[];

  constructor(context: CollectorContext) {
    ({ sourceFile: this.sourceFile, module: this.module, resolver: this.resolver, typeOnlyImports: this.typeOnlyImports, edits: this.edits } = context);
    this.strictNullChecks = context.options.strictNullChecks;
    this.oxc = context.options.transpiler === "oxc";
  }

  collectClass(node: ts.ClassLikeDeclaration): void {
    for (const member of node.members) {
      if (ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isMethodDeclaration(member)) {
        if (member.type) this.collectType(member.type);
      }
      if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member) || ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) if (parameter.type) this.collectType(parameter.type);
      }
    }
  }

  /** The positions tsc's serializer looks through (its serializeTypeNode), and nothing deeper. */
  private collectType(node: ts.TypeNode): void {
    if (ts.isParenthesizedTypeNode(node)) return this.collectType(node.type);
    if (ts.isUnionTypeNode(node) && this.oxc && !this.strictNullChecks) this.dropNullish(node);
    if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) return node.types.forEach((t) => this.collectType(t));
    if (ts.isConditionalTypeNode(node)) {
      this.collectType(node.trueType);
      return this.collectType(node.falseType);
    }
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return this.collectType(node.type);
    if (!ts.isTypeReferenceNode(node)) return;
    const kind = this.classify(node);
    if (!kind) return;
    const start = node.getStart(this.sourceFile);
    const lineBreaks = this.sourceFile.text.slice(start, node.end).replace(/[^\n]/g, "");
    this.edits.push({ start, end: node.end, text: KEYWORD[kind] + lineBreaks });
  }

  /** `User | null` as `User       ` (with its `|`), when something else is left. */
  private dropNullish(node: ts.UnionTypeNode): void {
    const nullish = (t: ts.TypeNode) => t.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
    const types = node.types;
    if (!types.some(nullish) || types.every(nullish)) return;
    const text = this.sourceFile.text;
    types.forEach((type, i) => {
      if (!nullish(type)) return;
      // The member and the bar before it; the first member takes the bar after it instead.
      const start = i > 0 ? types[i - 1]!.end : type.getStart(this.sourceFile);
      const end = i > 0 ? type.end : types[i + 1]!.getStart(this.sourceFile);
      this.edits.push({ start, end, text: text.slice(start, end).replace(/[^\r\n]/g, " ") });
    });
  }

  private classify(node: ts.TypeReferenceNode): MetadataKind | undefined {
    this.resolver.crossedFile = false;
    const resolution = this.resolver.resolveEntityName(this.module, node.typeName);
    if (!resolution) return undefined;
    const kind = referenceKind(resolution, this.resolver, this.strictNullChecks);
    this.noteTypeOnlyImport(node.typeName, resolution);
    // A reference TypeScript's own view of the file can follow (a local enum, a local alias
    // of locals) is already serialized right by it; leave it to it.
    return this.resolver.crossedFile || this.oxc ? kind : undefined;
  }

  /** An imported name with no value behind it (an alias, an interface): ESM output must not import it. */
  private noteTypeOnlyImport(typeName: ts.EntityName, resolution: Resolution): void {
    if (!ts.isIdentifier(typeName) || !this.module.index.imports.has(typeName.text)) return;
    if (isTypeOnlyDeclaration(resolution)) this.typeOnlyImports.add(typeName.text);
  }
}

/** Keyword types that serialize to each constructor (parenthesized where a union could bind wrongly). */
const KEYWORD: Record<MetadataKind, string> = {
  String: "string",
  Number: "number",
  Boolean: "boolean",
  BigInt: "bigint",
  Symbol: "symbol",
  Void: "void",
  Object: "object",
  Array: "any[]",
  Function: "(() => any)",
};
