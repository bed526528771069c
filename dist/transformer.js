import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  collectClassSites,
  require_ts_morph,
  siteRegistrationSnippet
} from "./chunk-3WUEDU42.js";
import {
  NO_DEPENDENCIES,
  TYPESCRIPT_EXTENSIONS,
  contentHash,
  isUserSource,
  resolveTypeImport,
  strictNullChecksFor
} from "./chunk-W74MZKRO.js";
import {
  __toESM
} from "./chunk-4EXQY7HF.js";

// src/worker/transform.ts
var import_ts_morph5 = __toESM(require_ts_morph(), 1);

// src/worker/type-metadata/metadata-transformer.ts
var import_ts_morph4 = __toESM(require_ts_morph(), 1);

// src/worker/type-metadata/declaration-resolver.ts
var import_ts_morph2 = __toESM(require_ts_morph(), 1);
import fs from "node:fs";

// src/worker/type-metadata/module-index.ts
var import_ts_morph = __toESM(require_ts_morph(), 1);
function indexModule(sourceFile) {
  const index = { locals: /* @__PURE__ */ new Map(), imports: /* @__PURE__ */ new Map(), exports: /* @__PURE__ */ new Map(), starExports: [] };
  const declare = (name, declaration) => {
    const list = index.locals.get(name);
    if (list) list.push(declaration);
    else index.locals.set(name, [declaration]);
  };
  for (const statement of sourceFile.statements) {
    const exported = hasModifier(statement, import_ts_morph.ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, import_ts_morph.ts.SyntaxKind.DefaultKeyword);
    const exportName = (name) => {
      if (!exported) return;
      if (isDefault) index.exports.set("default", { kind: "local", name: name ?? "default", typeOnly: false });
      else if (name) index.exports.set(name, { kind: "local", name, typeOnly: false });
    };
    if (import_ts_morph.ts.isEnumDeclaration(statement)) {
      declare(statement.name.text, { kind: "enum", node: statement });
      exportName(statement.name.text);
    } else if (import_ts_morph.ts.isTypeAliasDeclaration(statement)) {
      declare(statement.name.text, { kind: "alias", node: statement });
      exportName(statement.name.text);
    } else if (import_ts_morph.ts.isInterfaceDeclaration(statement)) {
      declare(statement.name.text, { kind: "interface" });
      exportName(statement.name.text);
    } else if (import_ts_morph.ts.isClassDeclaration(statement)) {
      if (statement.name) declare(statement.name.text, { kind: "class" });
      exportName(statement.name?.text);
    } else if (import_ts_morph.ts.isFunctionDeclaration(statement) || import_ts_morph.ts.isModuleDeclaration(statement)) {
      if (statement.name && import_ts_morph.ts.isIdentifier(statement.name)) {
        declare(statement.name.text, { kind: "value" });
        exportName(statement.name.text);
      }
    } else if (import_ts_morph.ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!import_ts_morph.ts.isIdentifier(declaration.name)) continue;
        declare(declaration.name.text, { kind: "value", node: declaration });
        exportName(declaration.name.text);
      }
    } else if (import_ts_morph.ts.isImportDeclaration(statement) && import_ts_morph.ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (!clause) continue;
      const specifier = statement.moduleSpecifier.text;
      if (clause.name) index.imports.set(clause.name.text, { specifier, imported: "default", typeOnly: clause.isTypeOnly });
      const bindings = clause.namedBindings;
      if (bindings && import_ts_morph.ts.isNamespaceImport(bindings)) {
        index.imports.set(bindings.name.text, { specifier, imported: "*", typeOnly: clause.isTypeOnly });
      } else if (bindings) {
        for (const element of bindings.elements) {
          index.imports.set(element.name.text, {
            specifier,
            imported: (element.propertyName ?? element.name).text,
            typeOnly: clause.isTypeOnly || element.isTypeOnly
          });
        }
      }
    } else if (import_ts_morph.ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && import_ts_morph.ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : void 0;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) index.starExports.push({ specifier, typeOnly: statement.isTypeOnly });
      } else if (import_ts_morph.ts.isNamespaceExport(clause)) {
        if (specifier) index.exports.set(clause.name.text, { kind: "reexport", specifier, imported: "*", typeOnly: statement.isTypeOnly });
      } else {
        for (const element of clause.elements) {
          const typeOnly = statement.isTypeOnly || element.isTypeOnly;
          const local = (element.propertyName ?? element.name).text;
          index.exports.set(
            element.name.text,
            specifier ? { kind: "reexport", specifier, imported: local, typeOnly } : { kind: "local", name: local, typeOnly }
          );
        }
      }
    } else if (import_ts_morph.ts.isExportAssignment(statement) && !statement.isExportEquals && import_ts_morph.ts.isIdentifier(statement.expression)) {
      index.exports.set("default", { kind: "local", name: statement.expression.text, typeOnly: false });
    }
  }
  return index;
}
function hasModifier(node, kind) {
  return import_ts_morph.ts.canHaveModifiers(node) && (import_ts_morph.ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

// src/worker/type-metadata/declaration-resolver.ts
var parsed = /* @__PURE__ */ new Map();
var DeclarationResolver = class {
  constructor(tsconfig) {
    this.tsconfig = tsconfig;
  }
  tsconfig;
  dependencies = { resolutions: [], files: [] };
  recordedFiles = /* @__PURE__ */ new Set();
  recordedResolutions = /* @__PURE__ */ new Set();
  /** True once any answer came from another file: only those are worth correcting (the checker sees the rest). */
  crossedFile = false;
  /** The module a name is looked up in: the file being transformed, already parsed by transpileModule. */
  static moduleOf(sourceFile) {
    return { file: sourceFile.fileName, index: indexModule(sourceFile) };
  }
  resolveEntityName(module, name) {
    if (import_ts_morph2.ts.isIdentifier(name)) return this.resolveLocal(module, name.text, false, /* @__PURE__ */ new Set());
    const left = this.resolveEntityName(module, name.left);
    const member = name.right.text;
    if (!left) return void 0;
    if (left.kind === "namespace") {
      const found = this.resolveExport(left.module, member, left.typeOnly, /* @__PURE__ */ new Set());
      return found;
    }
    if (left.kind === "declarations") {
      const enumDeclarations = left.declarations.filter((d) => d.kind === "enum");
      for (const declaration of enumDeclarations) {
        const found = declaration.node.members.find((m) => memberName(m) === member);
        if (found) return { kind: "enum-member", member: found };
      }
    }
    return void 0;
  }
  /** A name as seen inside `module`: its own top-level declarations first, then its imports. */
  resolveLocal(module, name, typeOnly, seen) {
    const local = module.index.locals.get(name);
    if (local) return { kind: "declarations", module, name, declarations: local, typeOnly };
    const binding = module.index.imports.get(name);
    if (!binding) return void 0;
    const target = this.load(module.file, binding.specifier);
    if (!target) return void 0;
    this.crossedFile = true;
    if (binding.imported === "*") return { kind: "namespace", module: target, typeOnly: typeOnly || binding.typeOnly };
    return this.resolveExport(target, binding.imported, typeOnly || binding.typeOnly, seen);
  }
  resolveExport(module, name, typeOnly, seen) {
    const key = `${module.file}\0${name}`;
    if (seen.has(key)) return void 0;
    seen.add(key);
    const binding = module.index.exports.get(name);
    if (binding?.kind === "local") return this.resolveLocal(module, binding.name, typeOnly || binding.typeOnly, seen);
    if (binding?.kind === "reexport") {
      const target = this.load(module.file, binding.specifier);
      if (!target) return void 0;
      if (binding.imported === "*") return { kind: "namespace", module: target, typeOnly: typeOnly || binding.typeOnly };
      return this.resolveExport(target, binding.imported, typeOnly || binding.typeOnly, seen);
    }
    if (name === "default") return void 0;
    for (const star of module.index.starExports) {
      const target = this.load(module.file, star.specifier);
      const found = target && this.resolveExport(target, name, typeOnly || star.typeOnly, seen);
      if (found) return found;
    }
    return void 0;
  }
  /** The parsed module an import in `fromFile` names, if it is a user TypeScript file. */
  resolveModule(fromFile, specifier) {
    return this.load(fromFile, specifier);
  }
  load(fromFile, specifier) {
    const file = resolveTypeImport(specifier, fromFile, this.tsconfig);
    const resolutionKey = `${fromFile}\0${specifier}`;
    if (!this.recordedResolutions.has(resolutionKey)) {
      this.recordedResolutions.add(resolutionKey);
      this.dependencies.resolutions.push([fromFile, specifier, file ?? ""]);
    }
    if (!file) return void 0;
    let entry = parsed.get(file);
    if (entry === void 0) {
      entry = parseFile(file);
      parsed.set(file, entry);
    }
    if (!entry) return void 0;
    if (!this.recordedFiles.has(file)) {
      this.recordedFiles.add(file);
      this.dependencies.files.push([file, entry.hash]);
    }
    return entry.module;
  }
};
function parseFile(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  const kind = file.endsWith(".tsx") ? import_ts_morph2.ts.ScriptKind.TSX : import_ts_morph2.ts.ScriptKind.TS;
  const sourceFile = import_ts_morph2.ts.createSourceFile(file, text, import_ts_morph2.ts.ScriptTarget.Latest, true, kind);
  return { hash: contentHash(text), module: { file, index: indexModule(sourceFile) } };
}
function memberName(member) {
  const name = member.name;
  if (import_ts_morph2.ts.isIdentifier(name) || import_ts_morph2.ts.isStringLiteral(name) || import_ts_morph2.ts.isNumericLiteral(name) || import_ts_morph2.ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return void 0;
}

// src/worker/type-metadata/serialization-kind.ts
var import_ts_morph3 = __toESM(require_ts_morph(), 1);
var MAX_DEPTH = 24;
function referenceKind(resolution, resolver, strictNullChecks) {
  if (resolution.kind === "namespace") return void 0;
  if (resolution.kind === "declarations" && resolution.declarations.some((d) => d.kind === "class")) {
    return resolution.typeOnly ? "Function" : void 0;
  }
  const atoms = resolution.kind === "enum-member" ? enumMemberAtoms(resolution.member) : declarationAtoms(resolution, resolver, { depth: 0 });
  return atoms && kindOfAtoms(atoms, strictNullChecks);
}
function kindOfAtoms(input, strictNullChecks) {
  if (input.includes("any")) return "Object";
  let atoms = input.filter((a) => a !== "never");
  if (!strictNullChecks) {
    const rest = atoms.filter((a) => a !== "null" && a !== "undefined");
    if (rest.length > 0) atoms = rest;
  }
  const all = (...kinds) => atoms.every((a) => kinds.includes(a));
  if (atoms.length === 0 || all("void", "undefined") || all("null") || !strictNullChecks && all("void", "null", "undefined")) return "Void";
  if (all("boolean")) return "Boolean";
  if (all("number")) return "Number";
  if (all("bigint")) return "BigInt";
  if (all("string")) return "String";
  if (atoms.length === 1 && atoms[0] === "tuple") return "Array";
  if (all("symbol")) return "Symbol";
  if (atoms.length === 1 && atoms[0] === "function") return "Function";
  if (atoms.length === 1 && atoms[0] === "array") return "Array";
  return "Object";
}
function declarationAtoms(resolution, resolver, outer, typeArguments, argumentScope) {
  const { declarations, module } = resolution;
  if (outer.depth > MAX_DEPTH) return void 0;
  const enums = declarations.filter((d) => d.kind === "enum");
  if (enums.length > 0) {
    const atoms = [];
    for (const declaration of enums) {
      for (const member of declaration.node.members) {
        const memberAtoms = enumMemberAtoms(member);
        if (!memberAtoms) return void 0;
        atoms.push(...memberAtoms);
      }
    }
    return atoms.length > 0 ? atoms : ["number"];
  }
  const alias = declarations.find((d) => d.kind === "alias");
  if (alias) {
    const scope = { module, typeArguments: /* @__PURE__ */ new Map(), depth: outer.depth + 1 };
    alias.node.typeParameters?.forEach((parameter, i) => {
      const argument = typeArguments?.[i] ?? parameter.default;
      if (argument) scope.typeArguments.set(parameter.name.text, { node: argument, scope: typeArguments?.[i] && argumentScope ? argumentScope : scope });
      else scope.typeArguments.set(parameter.name.text, { constraint: parameter.constraint, scope });
    });
    return typeAtoms(alias.node.type, scope, resolver);
  }
  if (declarations.some((d) => d.kind === "class")) return ["object"];
  if (declarations.every((d) => d.kind === "interface")) return ["object"];
  return void 0;
}
function enumMemberAtoms(member) {
  const initializer = member.initializer;
  if (!initializer) return ["number"];
  const atom = constantAtom(initializer);
  return atom && atom !== "boolean" ? [atom] : void 0;
}
function constantAtom(expression) {
  const e = skipOuterExpressions(expression);
  if (import_ts_morph3.ts.isStringLiteral(e) || import_ts_morph3.ts.isNoSubstitutionTemplateLiteral(e) || import_ts_morph3.ts.isTemplateExpression(e)) return "string";
  if (import_ts_morph3.ts.isNumericLiteral(e)) return "number";
  if (import_ts_morph3.ts.isBigIntLiteral(e)) return "bigint";
  if (e.kind === import_ts_morph3.ts.SyntaxKind.TrueKeyword || e.kind === import_ts_morph3.ts.SyntaxKind.FalseKeyword) return "boolean";
  if (e.kind === import_ts_morph3.ts.SyntaxKind.NullKeyword) return "null";
  if (import_ts_morph3.ts.isPrefixUnaryExpression(e)) {
    const operand = constantAtom(e.operand);
    if (e.operator === import_ts_morph3.ts.SyntaxKind.ExclamationToken) return "boolean";
    return operand === "number" || operand === "bigint" ? operand : void 0;
  }
  if (import_ts_morph3.ts.isBinaryExpression(e)) {
    const left = constantAtom(e.left);
    const right = constantAtom(e.right);
    if (e.operatorToken.kind === import_ts_morph3.ts.SyntaxKind.PlusToken && (left === "string" || right === "string")) return "string";
    return left === "number" && right === "number" ? "number" : void 0;
  }
  if (import_ts_morph3.ts.isArrayLiteralExpression(e)) return "tuple";
  if (import_ts_morph3.ts.isObjectLiteralExpression(e)) return "object";
  if (import_ts_morph3.ts.isArrowFunction(e) || import_ts_morph3.ts.isFunctionExpression(e)) return "function";
  return void 0;
}
function skipOuterExpressions(expression) {
  let e = expression;
  while (import_ts_morph3.ts.isParenthesizedExpression(e) || import_ts_morph3.ts.isAsExpression(e) || import_ts_morph3.ts.isSatisfiesExpression(e) || import_ts_morph3.ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}
function typeAtoms(node, scope, resolver) {
  if (scope.depth > MAX_DEPTH) return void 0;
  switch (node.kind) {
    case import_ts_morph3.ts.SyntaxKind.StringKeyword:
    case import_ts_morph3.ts.SyntaxKind.TemplateLiteralType:
      return ["string"];
    case import_ts_morph3.ts.SyntaxKind.NumberKeyword:
      return ["number"];
    case import_ts_morph3.ts.SyntaxKind.BigIntKeyword:
      return ["bigint"];
    case import_ts_morph3.ts.SyntaxKind.BooleanKeyword:
      return ["boolean"];
    case import_ts_morph3.ts.SyntaxKind.SymbolKeyword:
      return ["symbol"];
    case import_ts_morph3.ts.SyntaxKind.VoidKeyword:
      return ["void"];
    case import_ts_morph3.ts.SyntaxKind.UndefinedKeyword:
      return ["undefined"];
    case import_ts_morph3.ts.SyntaxKind.NeverKeyword:
      return ["never"];
    case import_ts_morph3.ts.SyntaxKind.AnyKeyword:
    case import_ts_morph3.ts.SyntaxKind.UnknownKeyword:
      return ["any"];
    case import_ts_morph3.ts.SyntaxKind.ObjectKeyword:
    case import_ts_morph3.ts.SyntaxKind.TypeLiteral:
    case import_ts_morph3.ts.SyntaxKind.MappedType:
    case import_ts_morph3.ts.SyntaxKind.ConstructorType:
      return node.kind === import_ts_morph3.ts.SyntaxKind.TypeLiteral && isCallableLiteral(node) ? ["function"] : ["object"];
    case import_ts_morph3.ts.SyntaxKind.FunctionType:
      return ["function"];
    case import_ts_morph3.ts.SyntaxKind.ArrayType:
      return ["array"];
    case import_ts_morph3.ts.SyntaxKind.TupleType:
      return ["tuple"];
    case import_ts_morph3.ts.SyntaxKind.ParenthesizedType:
      return typeAtoms(node.type, scope, resolver);
    case import_ts_morph3.ts.SyntaxKind.LiteralType: {
      const literal = node.literal;
      return literal.kind === import_ts_morph3.ts.SyntaxKind.NullKeyword ? ["null"] : atomList(constantAtom(literal));
    }
    case import_ts_morph3.ts.SyntaxKind.UnionType: {
      const atoms = [];
      for (const member of node.types) {
        const memberAtoms = typeAtoms(member, scope, resolver);
        if (!memberAtoms) return void 0;
        atoms.push(...memberAtoms);
      }
      return atoms;
    }
    case import_ts_morph3.ts.SyntaxKind.IntersectionType:
      return intersectionAtoms(node.types, scope, resolver);
    case import_ts_morph3.ts.SyntaxKind.TypeOperator: {
      const operator = node;
      if (operator.operator === import_ts_morph3.ts.SyntaxKind.ReadonlyKeyword) return typeAtoms(operator.type, scope, resolver);
      if (operator.operator === import_ts_morph3.ts.SyntaxKind.UniqueKeyword) return ["symbol"];
      if (import_ts_morph3.ts.isTypeQueryNode(operator.type)) return constObjectAtoms(operator.type, scope, resolver, "keys");
      return void 0;
    }
    case import_ts_morph3.ts.SyntaxKind.IndexedAccessType: {
      const access = node;
      const object = skipParentheses(access.objectType);
      if (import_ts_morph3.ts.isTypeQueryNode(object)) return constObjectAtoms(object, scope, resolver, "values");
      return void 0;
    }
    case import_ts_morph3.ts.SyntaxKind.TypeReference:
      return referenceAtoms(node, scope, resolver);
    default:
      return void 0;
  }
}
function atomList(atom) {
  return atom ? [atom] : void 0;
}
function skipParentheses(node) {
  while (import_ts_morph3.ts.isParenthesizedTypeNode(node)) node = node.type;
  return node;
}
function isCallableLiteral(node) {
  return node.members.length > 0 && node.members.every((m) => import_ts_morph3.ts.isCallSignatureDeclaration(m));
}
function intersectionAtoms(types, scope, resolver) {
  const primitives = /* @__PURE__ */ new Set();
  for (const part of types) {
    const atoms = typeAtoms(part, scope, resolver);
    if (!atoms) return void 0;
    if (atoms.includes("any")) return ["any"];
    const unique = [...new Set(atoms)];
    if (unique.length !== 1) return void 0;
    const [atom] = unique;
    if (atom !== "object" && atom !== "function" && atom !== "array" && atom !== "tuple") primitives.add(atom);
  }
  if (primitives.size === 0) return ["object"];
  return primitives.size === 1 ? [...primitives] : void 0;
}
var GLOBAL_OBJECTS = /* @__PURE__ */ new Set([
  "Date",
  "RegExp",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Promise",
  "Error",
  "Buffer",
  "Object",
  "String",
  "Number",
  "Boolean",
  "Function",
  "Symbol",
  "BigInt",
  "Record",
  "Partial",
  "Required",
  "Pick",
  "Omit",
  "ArrayBuffer",
  "Uint8Array",
  "URL"
]);
var STRING_INTRINSICS = /* @__PURE__ */ new Set(["Uppercase", "Lowercase", "Capitalize", "Uncapitalize"]);
function referenceAtoms(node, scope, resolver) {
  const name = node.typeName;
  if (import_ts_morph3.ts.isIdentifier(name)) {
    const parameter = scope.typeArguments.get(name.text);
    if (parameter) {
      if ("node" in parameter) return typeAtoms(parameter.node, { ...parameter.scope, depth: scope.depth + 1 }, resolver);
      return parameter.constraint ? typeAtoms(parameter.constraint, { ...parameter.scope, depth: scope.depth + 1 }, resolver) : ["opaque"];
    }
  }
  const resolution = resolver.resolveEntityName(scope.module, name);
  if (resolution?.kind === "enum-member") return enumMemberAtoms(resolution.member);
  if (resolution?.kind === "declarations") return declarationAtoms(resolution, resolver, { depth: scope.depth + 1 }, node.typeArguments, scope);
  if (resolution || !import_ts_morph3.ts.isIdentifier(name)) return void 0;
  const args = node.typeArguments ?? [];
  if (name.text === "Array" || name.text === "ReadonlyArray") return ["array"];
  if (STRING_INTRINSICS.has(name.text)) return ["string"];
  if ((name.text === "NonNullable" || name.text === "Readonly") && args[0]) {
    const inner = typeAtoms(args[0], scope, resolver);
    if (name.text === "Readonly") return inner;
    return inner?.filter((a) => a !== "null" && a !== "undefined");
  }
  if (name.text === "Exclude" && args[0] && args[1]) {
    const from = typeAtoms(args[0], scope, resolver);
    const removed = typeAtoms(args[1], scope, resolver);
    if (!from || !removed) return void 0;
    if (removed.every((a) => a === "null" || a === "undefined")) return from.filter((a) => !removed.includes(a));
    return [...new Set(from)].length === 1 ? from : void 0;
  }
  if (GLOBAL_OBJECTS.has(name.text)) return ["object"];
  return void 0;
}
function constObjectAtoms(query, scope, resolver, part) {
  const resolution = resolver.resolveEntityName(scope.module, query.exprName);
  if (resolution?.kind !== "declarations") return void 0;
  const variable = resolution.declarations.find((d) => d.kind === "value" && d.node?.initializer);
  const initializer = variable?.kind === "value" && variable.node?.initializer ? skipOuterExpressions(variable.node.initializer) : void 0;
  if (!initializer) return void 0;
  const atoms = [];
  if (import_ts_morph3.ts.isArrayLiteralExpression(initializer) && part === "values") {
    for (const element of initializer.elements) {
      const atom = constantAtom(element);
      if (!atom) return void 0;
      atoms.push(atom);
    }
  } else if (import_ts_morph3.ts.isObjectLiteralExpression(initializer)) {
    for (const property of initializer.properties) {
      if (!import_ts_morph3.ts.isPropertyAssignment(property)) return void 0;
      if (part === "keys") {
        if (import_ts_morph3.ts.isIdentifier(property.name) || import_ts_morph3.ts.isStringLiteral(property.name)) atoms.push("string");
        else if (import_ts_morph3.ts.isNumericLiteral(property.name)) atoms.push("number");
        else return void 0;
      } else {
        const atom = constantAtom(property.initializer);
        if (!atom) return void 0;
        atoms.push(atom);
      }
    }
  } else {
    return void 0;
  }
  return atoms.length > 0 ? atoms : void 0;
}

// src/worker/type-metadata/metadata-transformer.ts
function metadataTransformers(options) {
  const resolver = new DeclarationResolver(options.tsconfig);
  const typeOnlyImports = /* @__PURE__ */ new Set();
  let module;
  const before = (context) => (sourceFile) => {
    if (!sourceFile.text.includes("@")) return sourceFile;
    module = DeclarationResolver.moduleOf(sourceFile);
    if (module.index.imports.size === 0) return sourceFile;
    const rewriter = new TypeRewriter(context.factory, module, resolver, options.strictNullChecks, typeOnlyImports);
    const visit = (node) => {
      if (import_ts_morph4.ts.isTypeNode(node)) return node;
      if (import_ts_morph4.ts.isClassLike(node) && isDecoratedClass(node)) node = rewriter.rewriteClass(node);
      return import_ts_morph4.ts.visitEachChild(node, visit, context);
    };
    return import_ts_morph4.ts.visitEachChild(sourceFile, visit, context);
  };
  const afterCommonJs = (context) => (sourceFile) => {
    if (!module || module.index.imports.size === 0) return sourceFile;
    const current = module;
    const unwrap = (node) => {
      const reference = guardedReference(node);
      if (reference && isImportedClass(resolver, current, reference)) return reference;
      return import_ts_morph4.ts.visitEachChild(node, unwrap, context);
    };
    const visit = (node) => import_ts_morph4.ts.isCallExpression(node) && import_ts_morph4.ts.isIdentifier(node.expression) && node.expression.text === "__metadata" ? import_ts_morph4.ts.visitEachChild(node, unwrap, context) : import_ts_morph4.ts.visitEachChild(node, visit, context);
    return import_ts_morph4.ts.visitEachChild(sourceFile, visit, context);
  };
  const after = (context) => (sourceFile) => {
    const original = import_ts_morph4.ts.getOriginalNode(sourceFile);
    const hasReexports = original.statements.some((s) => import_ts_morph4.ts.isExportDeclaration(s) && !s.isTypeOnly && s.exportClause && import_ts_morph4.ts.isNamedExports(s.exportClause));
    if (typeOnlyImports.size === 0 && !hasReexports) return sourceFile;
    module ??= DeclarationResolver.moduleOf(original);
    const f = context.factory;
    const exportsKept = sourceFile.statements.flatMap((statement) => {
      if (!import_ts_morph4.ts.isExportDeclaration(statement) || !statement.exportClause || !import_ts_morph4.ts.isNamedExports(statement.exportClause)) return [statement];
      const elements = statement.exportClause.elements.filter((element) => !isTypeOnlyExport(resolver, module, statement, element, typeOnlyImports));
      if (elements.length === statement.exportClause.elements.length) return [statement];
      if (elements.length === 0) return [];
      return [f.updateExportDeclaration(statement, statement.modifiers, false, f.updateNamedExports(statement.exportClause, elements), statement.moduleSpecifier, statement.attributes)];
    });
    const statements = exportsKept.flatMap((statement) => {
      if (!import_ts_morph4.ts.isImportDeclaration(statement) || !statement.importClause) return [statement];
      const updated = withoutTypeOnlyBindings(f, statement, typeOnlyImports);
      return updated ? [updated] : [];
    });
    return f.updateSourceFile(sourceFile, statements);
  };
  return {
    transformers: { before: [before], after: options.esm ? [after] : [afterCommonJs] },
    dependencies: () => resolver.dependencies
  };
}
function isTypeOnlyExport(resolver, module, statement, element, typeOnlyImports) {
  if (element.isTypeOnly) return true;
  const name = (element.propertyName ?? element.name).text;
  let resolution;
  if (statement.moduleSpecifier && import_ts_morph4.ts.isStringLiteral(statement.moduleSpecifier)) {
    const target = resolver.resolveModule(module.file, statement.moduleSpecifier.text);
    resolution = target && resolver.resolveExport(target, name, false, /* @__PURE__ */ new Set());
  } else {
    if (!module.index.imports.has(name)) return false;
    resolution = resolver.resolveLocal(module, name, false, /* @__PURE__ */ new Set());
  }
  const typeOnly = isTypeOnlyDeclaration(resolution);
  if (typeOnly && !statement.moduleSpecifier) typeOnlyImports.add(name);
  return typeOnly;
}
function guardedReference(node) {
  if (!import_ts_morph4.ts.isConditionalExpression(node) || !import_ts_morph4.ts.isIdentifier(node.whenFalse) || node.whenFalse.text !== "Object") return void 0;
  const condition = node.condition;
  if (!import_ts_morph4.ts.isBinaryExpression(condition) || condition.operatorToken.kind !== import_ts_morph4.ts.SyntaxKind.EqualsEqualsEqualsToken || !import_ts_morph4.ts.isTypeOfExpression(condition.left)) return void 0;
  let assigned = condition.left.expression;
  while (import_ts_morph4.ts.isParenthesizedExpression(assigned)) assigned = assigned.expression;
  if (!import_ts_morph4.ts.isBinaryExpression(assigned) || assigned.operatorToken.kind !== import_ts_morph4.ts.SyntaxKind.EqualsToken) return void 0;
  const guard = assigned.right;
  if (!import_ts_morph4.ts.isBinaryExpression(guard) || guard.operatorToken.kind !== import_ts_morph4.ts.SyntaxKind.AmpersandAmpersandToken) return void 0;
  const reference = guard.right;
  return import_ts_morph4.ts.isIdentifier(reference) || import_ts_morph4.ts.isPropertyAccessExpression(reference) ? reference : void 0;
}
function isImportedClass(resolver, module, reference) {
  const name = entityName(reference);
  if (!name) return false;
  let root = name;
  while (import_ts_morph4.ts.isQualifiedName(root)) root = root.left;
  if (!module.index.imports.has(root.text)) return false;
  const resolution = resolver.resolveEntityName(module, name);
  return resolution?.kind === "declarations" && !resolution.typeOnly && resolution.declarations.some((d) => d.kind === "class");
}
function entityName(expression) {
  if (import_ts_morph4.ts.isIdentifier(expression)) return import_ts_morph4.ts.factory.createIdentifier(expression.text);
  if (import_ts_morph4.ts.isPropertyAccessExpression(expression) && import_ts_morph4.ts.isIdentifier(expression.name)) {
    const left = entityName(expression.expression);
    return left && import_ts_morph4.ts.factory.createQualifiedName(left, expression.name.text);
  }
  return void 0;
}
function isTypeOnlyDeclaration(resolution) {
  return resolution?.kind === "declarations" && resolution.declarations.every((d) => d.kind === "alias" || d.kind === "interface");
}
function isDecoratedClass(node) {
  if (import_ts_morph4.ts.getDecorators(node)?.length) return true;
  return node.members.some(
    (member) => import_ts_morph4.ts.canHaveDecorators(member) && (import_ts_morph4.ts.getDecorators(member)?.length ?? 0) > 0 || (import_ts_morph4.ts.isMethodDeclaration(member) || import_ts_morph4.ts.isConstructorDeclaration(member) || import_ts_morph4.ts.isSetAccessorDeclaration(member)) && member.parameters.some((parameter) => (import_ts_morph4.ts.getDecorators(parameter)?.length ?? 0) > 0)
  );
}
var TypeRewriter = class {
  constructor(factory, module, resolver, strictNullChecks, typeOnlyImports) {
    this.factory = factory;
    this.module = module;
    this.resolver = resolver;
    this.strictNullChecks = strictNullChecks;
    this.typeOnlyImports = typeOnlyImports;
  }
  factory;
  module;
  resolver;
  strictNullChecks;
  typeOnlyImports;
  rewriteClass(node) {
    const f = this.factory;
    const members = node.members.map((member) => {
      if (import_ts_morph4.ts.isPropertyDeclaration(member) && member.type) {
        return f.updatePropertyDeclaration(member, member.modifiers, member.name, member.questionToken ?? member.exclamationToken, this.rewriteType(member.type), member.initializer);
      }
      if (import_ts_morph4.ts.isMethodDeclaration(member)) {
        return f.updateMethodDeclaration(member, member.modifiers, member.asteriskToken, member.name, member.questionToken, member.typeParameters, this.rewriteParameters(member.parameters), member.type && this.rewriteType(member.type), member.body);
      }
      if (import_ts_morph4.ts.isGetAccessorDeclaration(member)) {
        return f.updateGetAccessorDeclaration(member, member.modifiers, member.name, this.rewriteParameters(member.parameters), member.type && this.rewriteType(member.type), member.body);
      }
      if (import_ts_morph4.ts.isSetAccessorDeclaration(member)) {
        return f.updateSetAccessorDeclaration(member, member.modifiers, member.name, this.rewriteParameters(member.parameters), member.body);
      }
      if (import_ts_morph4.ts.isConstructorDeclaration(member)) {
        return f.updateConstructorDeclaration(member, member.modifiers, this.rewriteParameters(member.parameters), member.body);
      }
      return member;
    });
    if (members.every((member, i) => member === node.members[i])) return node;
    const updated = import_ts_morph4.ts.isClassDeclaration(node) ? f.updateClassDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members) : f.updateClassExpression(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members);
    return updated;
  }
  rewriteParameters(parameters) {
    const rewritten = parameters.map(
      (p) => p.type ? this.factory.updateParameterDeclaration(p, p.modifiers, p.dotDotDotToken, p.name, p.questionToken, this.rewriteType(p.type), p.initializer) : p
    );
    return rewritten.every((p, i) => p === parameters[i]) ? parameters : this.factory.createNodeArray(rewritten, parameters.hasTrailingComma);
  }
  /** The positions tsc's serializer looks through (its serializeTypeNode), and nothing deeper. */
  rewriteType(node) {
    const f = this.factory;
    if (import_ts_morph4.ts.isParenthesizedTypeNode(node)) {
      const inner = this.rewriteType(node.type);
      return inner === node.type ? node : f.updateParenthesizedType(node, inner);
    }
    if (import_ts_morph4.ts.isUnionTypeNode(node) || import_ts_morph4.ts.isIntersectionTypeNode(node)) {
      const types = node.types.map((t) => this.rewriteType(t));
      if (types.every((t, i) => t === node.types[i])) return node;
      return import_ts_morph4.ts.isUnionTypeNode(node) ? f.updateUnionTypeNode(node, f.createNodeArray(types)) : f.updateIntersectionTypeNode(node, f.createNodeArray(types));
    }
    if (import_ts_morph4.ts.isConditionalTypeNode(node)) {
      const trueType = this.rewriteType(node.trueType);
      const falseType = this.rewriteType(node.falseType);
      return trueType === node.trueType && falseType === node.falseType ? node : f.updateConditionalTypeNode(node, node.checkType, node.extendsType, trueType, falseType);
    }
    if (import_ts_morph4.ts.isTypeOperatorNode(node) && node.operator === import_ts_morph4.ts.SyntaxKind.ReadonlyKeyword) {
      const inner = this.rewriteType(node.type);
      return inner === node.type ? node : f.updateTypeOperatorNode(node, inner);
    }
    if (import_ts_morph4.ts.isTypeReferenceNode(node)) {
      const kind = this.classify(node);
      return kind ? import_ts_morph4.ts.setTextRange(keywordFor(f, kind), node) : node;
    }
    return node;
  }
  classify(node) {
    this.resolver.crossedFile = false;
    const resolution = this.resolver.resolveEntityName(this.module, node.typeName);
    if (!resolution) return void 0;
    const kind = referenceKind(resolution, this.resolver, this.strictNullChecks);
    this.noteTypeOnlyImport(node.typeName, resolution);
    return this.resolver.crossedFile ? kind : void 0;
  }
  /** An imported name with no value behind it (an alias, an interface): ESM output must not import it. */
  noteTypeOnlyImport(typeName, resolution) {
    if (!import_ts_morph4.ts.isIdentifier(typeName) || !this.module.index.imports.has(typeName.text)) return;
    if (isTypeOnlyDeclaration(resolution)) this.typeOnlyImports.add(typeName.text);
  }
};
function keywordFor(f, kind) {
  switch (kind) {
    case "String":
      return f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.StringKeyword);
    case "Number":
      return f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.NumberKeyword);
    case "Boolean":
      return f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.BooleanKeyword);
    case "BigInt":
      return f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.BigIntKeyword);
    case "Symbol":
      return f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.SymbolKeyword);
    case "Void":
      return f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.VoidKeyword);
    case "Object":
      return f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.ObjectKeyword);
    case "Array":
      return f.createArrayTypeNode(f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.AnyKeyword));
    case "Function":
      return f.createFunctionTypeNode(void 0, [], f.createKeywordTypeNode(import_ts_morph4.ts.SyntaxKind.AnyKeyword));
  }
}
function withoutTypeOnlyBindings(f, statement, typeOnly) {
  const clause = statement.importClause;
  const name = clause.name && !typeOnly.has(clause.name.text) ? clause.name : void 0;
  let bindings = clause.namedBindings;
  if (bindings && import_ts_morph4.ts.isNamedImports(bindings)) {
    const elements = bindings.elements.filter((element) => !typeOnly.has(element.name.text));
    if (elements.length === bindings.elements.length && name === clause.name) return statement;
    bindings = elements.length > 0 ? f.updateNamedImports(bindings, elements) : void 0;
  } else if (name === clause.name) {
    return statement;
  }
  if (!name && !bindings) return void 0;
  return f.updateImportDeclaration(statement, statement.modifiers, f.updateImportClause(clause, clause.phaseModifier, name, bindings), statement.moduleSpecifier, statement.attributes);
}

// src/worker/transform.ts
import path from "node:path";
function transformModule(request) {
  return transformModuleWithDependencies(request).code;
}
function transformModuleWithDependencies(request) {
  const { filename } = request;
  const userSource = isUserSource(filename);
  const snippet = userSource ? siteRegistrationSnippet(filename, collectClassSites(request.source, filename)) : "";
  if (!TYPESCRIPT_EXTENSIONS.has(path.extname(filename))) return { code: request.source + snippet, dependencies: NO_DEPENDENCIES };
  const compilerOptions = compilerOptionsFor(request);
  const metadata = metadataTransformers({
    tsconfig: request.tsconfig,
    strictNullChecks: compilerOptions.strictNullChecks === true,
    esm: request.format === "module"
  });
  const output = import_ts_morph5.ts.transpileModule(request.source + snippet, {
    fileName: filename,
    compilerOptions,
    reportDiagnostics: false,
    transformers: metadata.transformers
  });
  return { code: output.outputText, dependencies: metadata.dependencies() };
}
function compilerOptionsFor({ format, tsconfig }) {
  const user = tsconfig.compilerOptions;
  const userTarget = user.target ?? import_ts_morph5.ts.ScriptTarget.ES2017;
  return {
    jsx: user.jsx ?? import_ts_morph5.ts.JsxEmit.ReactJSX,
    jsxImportSource: user.jsxImportSource,
    // Class field semantics follow the user's build: TypeScript defines fields only from ES2022 on.
    useDefineForClassFields: user.useDefineForClassFields ?? userTarget >= import_ts_morph5.ts.ScriptTarget.ES2022,
    // Decorator metadata of `T | null` depends on it (String without, Object with), as in the user's tsc build.
    strictNullChecks: strictNullChecksFor(tsconfig),
    target: import_ts_morph5.ts.ScriptTarget.ES2022,
    module: format === "module" ? import_ts_morph5.ts.ModuleKind.ESNext : import_ts_morph5.ts.ModuleKind.CommonJS,
    // TypeORM needs legacy decorators and their design:type metadata, whatever the project says.
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    isolatedModules: true,
    verbatimModuleSyntax: false,
    importHelpers: false,
    inlineSourceMap: true,
    inlineSources: false,
    sourceMap: false,
    declaration: false
  };
}

// src/worker/tsconfig.ts
var import_ts_morph6 = __toESM(require_ts_morph(), 1);
import path2 from "node:path";
function parseTsconfig(file) {
  const read = import_ts_morph6.ts.readConfigFile(file, import_ts_morph6.ts.sys.readFile);
  if (read.error || !read.config) return { info: { file, compilerOptions: {} }, inputs: [file] };
  const extended = /* @__PURE__ */ new Map();
  const parsed2 = import_ts_morph6.ts.parseJsonConfigFileContent(read.config, import_ts_morph6.ts.sys, path2.dirname(file), void 0, file, void 0, void 0, extended);
  const options = parsed2.options;
  const paths = options.paths ? {
    baseDir: options.baseUrl ?? options.pathsBasePath ?? path2.dirname(file),
    patterns: options.paths
  } : void 0;
  return {
    info: { file, compilerOptions: toPlain(options), paths, baseUrl: options.baseUrl },
    inputs: [file, ...[...extended.keys()].filter((p) => path2.isAbsolute(p))]
  };
}
function toPlain(options) {
  const plain = {};
  for (const [key, value] of Object.entries(options)) {
    if (["number", "string", "boolean"].includes(typeof value)) plain[key] = value;
  }
  return plain;
}
export {
  parseTsconfig,
  transformModule,
  transformModuleWithDependencies
};
