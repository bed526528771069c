import { ts } from "../typescript.js";

/** One top-level declaration of a name, as far as metadata serialization cares. */
export type LocalDeclaration =
  | { kind: "enum"; node: ts.EnumDeclaration }
  | { kind: "alias"; node: ts.TypeAliasDeclaration }
  | { kind: "interface" }
  | { kind: "class" }
  /** A function, variable or namespace: a value without a type of the same name. */
  | { kind: "value"; node?: ts.VariableDeclaration };

/** `import { imported as local }`, `import local from` ("default"), `import * as local` ("*"). */
export interface ImportBinding {
  specifier: string;
  imported: string;
  typeOnly: boolean;
}

export type ExportBinding =
  /** `export enum X`, `export { X }`, `export { X as Y }`, `export default X`: a name of this file (local or imported). */
  | { kind: "local"; name: string; typeOnly: boolean }
  /** `export { X } from`, `export { X as Y } from`, `export * as Y from` (imported "*"). */
  | { kind: "reexport"; specifier: string; imported: string; typeOnly: boolean };

export interface ModuleIndex {
  locals: Map<string, LocalDeclaration[]>;
  imports: Map<string, ImportBinding>;
  exports: Map<string, ExportBinding>;
  /** `export * from`: searched in order for names not exported explicitly. */
  starExports: Array<{ specifier: string; typeOnly: boolean }>;
}

/**
 * A file's top-level names, read syntactically (no program, no checker): what it declares,
 * imports and exports. This is all the resolver needs to follow a type reference to the
 * declaration it names, across barrels.
 */
export function indexModule(sourceFile: ts.SourceFile): ModuleIndex {
  const index: ModuleIndex = { locals: new Map(), imports: new Map(), exports: new Map(), starExports: [] };
  const declare = (name: string, declaration: LocalDeclaration) => {
    const list = index.locals.get(name);
    if (list) list.push(declaration);
    else index.locals.set(name, [declaration]);
  };
  for (const statement of sourceFile.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    const exportName = (name: string | undefined) => {
      if (!exported) return;
      if (isDefault) index.exports.set("default", { kind: "local", name: name ?? "default", typeOnly: false });
      else if (name) index.exports.set(name, { kind: "local", name, typeOnly: false });
    };
    if (ts.isEnumDeclaration(statement)) {
      declare(statement.name.text, { kind: "enum", node: statement });
      exportName(statement.name.text);
    } else if (ts.isTypeAliasDeclaration(statement)) {
      declare(statement.name.text, { kind: "alias", node: statement });
      exportName(statement.name.text);
    } else if (ts.isInterfaceDeclaration(statement)) {
      declare(statement.name.text, { kind: "interface" });
      exportName(statement.name.text);
    } else if (ts.isClassDeclaration(statement)) {
      if (statement.name) declare(statement.name.text, { kind: "class" });
      exportName(statement.name?.text);
    } else if (ts.isFunctionDeclaration(statement) || ts.isModuleDeclaration(statement)) {
      if (statement.name && ts.isIdentifier(statement.name)) {
        declare(statement.name.text, { kind: "value" });
        exportName(statement.name.text);
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        declare(declaration.name.text, { kind: "value", node: declaration });
        exportName(declaration.name.text);
      }
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (!clause) continue;
      const specifier = statement.moduleSpecifier.text;
      if (clause.name) index.imports.set(clause.name.text, { specifier, imported: "default", typeOnly: clause.isTypeOnly });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        index.imports.set(bindings.name.text, { specifier, imported: "*", typeOnly: clause.isTypeOnly });
      } else if (bindings) {
        for (const element of bindings.elements) {
          index.imports.set(element.name.text, {
            specifier,
            imported: (element.propertyName ?? element.name).text,
            typeOnly: clause.isTypeOnly || element.isTypeOnly,
          });
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) index.starExports.push({ specifier, typeOnly: statement.isTypeOnly });
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier) index.exports.set(clause.name.text, { kind: "reexport", specifier, imported: "*", typeOnly: statement.isTypeOnly });
      } else {
        for (const element of clause.elements) {
          const typeOnly = statement.isTypeOnly || element.isTypeOnly;
          const local = (element.propertyName ?? element.name).text;
          index.exports.set(
            element.name.text,
            specifier ? { kind: "reexport", specifier, imported: local, typeOnly } : { kind: "local", name: local, typeOnly },
          );
        }
      }
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && ts.isIdentifier(statement.expression)) {
      index.exports.set("default", { kind: "local", name: statement.expression.text, typeOnly: false });
    }
  }
  return index;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}
