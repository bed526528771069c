import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  collectClassSites,
  parseSource,
  require_ts_morph,
  siteRegistrationSnippet
} from "./chunk-2BVN73QT.js";
import {
  NO_DEPENDENCIES,
  TYPESCRIPT_EXTENSIONS,
  contentHash,
  isUserSource,
  resolveTypeImport,
  strictNullChecksFor
} from "./chunk-ACLXGXZS.js";
import {
  __toESM
} from "./chunk-GTCHOZW6.js";

// src/worker/transform.ts
var import_ts_morph6 = __toESM(require_ts_morph(), 1);

// src/worker/type-metadata/class-guards.ts
var import_ts_morph = __toESM(require_ts_morph(), 1);
function classGuardTransformer(isImportedClass2) {
  return (context) => (sourceFile) => {
    const unwrap = (node) => {
      const reference = guardedReference(node);
      if (reference && isImportedClass2(dotted(reference))) return reference;
      return import_ts_morph.ts.visitEachChild(node, unwrap, context);
    };
    const visit = (node) => import_ts_morph.ts.isCallExpression(node) && import_ts_morph.ts.isIdentifier(node.expression) && node.expression.text === "__metadata" ? import_ts_morph.ts.visitEachChild(node, unwrap, context) : import_ts_morph.ts.visitEachChild(node, visit, context);
    return import_ts_morph.ts.visitEachChild(sourceFile, visit, context);
  };
}
function guardedReference(node) {
  if (!import_ts_morph.ts.isConditionalExpression(node) || !import_ts_morph.ts.isIdentifier(node.whenFalse) || node.whenFalse.text !== "Object") return void 0;
  const condition = node.condition;
  if (!import_ts_morph.ts.isBinaryExpression(condition) || condition.operatorToken.kind !== import_ts_morph.ts.SyntaxKind.EqualsEqualsEqualsToken || !import_ts_morph.ts.isTypeOfExpression(condition.left)) return void 0;
  let assigned = condition.left.expression;
  while (import_ts_morph.ts.isParenthesizedExpression(assigned)) assigned = assigned.expression;
  if (!import_ts_morph.ts.isBinaryExpression(assigned) || assigned.operatorToken.kind !== import_ts_morph.ts.SyntaxKind.EqualsToken) return void 0;
  const guard = assigned.right;
  if (!import_ts_morph.ts.isBinaryExpression(guard) || guard.operatorToken.kind !== import_ts_morph.ts.SyntaxKind.AmpersandAmpersandToken) return void 0;
  const reference = guard.right;
  return dotted(reference) === void 0 ? void 0 : reference;
}
function dotted(expression) {
  if (import_ts_morph.ts.isIdentifier(expression)) return expression.text;
  if (import_ts_morph.ts.isPropertyAccessExpression(expression) && import_ts_morph.ts.isIdentifier(expression.name)) {
    const left = dotted(expression.expression);
    return left && `${left}.${expression.name.text}`;
  }
  return void 0;
}

// src/worker/type-metadata/metadata-edits.ts
var import_ts_morph5 = __toESM(require_ts_morph(), 1);

// src/worker/type-metadata/declaration-resolver.ts
var import_ts_morph3 = __toESM(require_ts_morph(), 1);
import fs from "node:fs";

// src/worker/type-metadata/module-index.ts
var import_ts_morph2 = __toESM(require_ts_morph(), 1);
function indexModule(sourceFile) {
  const index = { locals: /* @__PURE__ */ new Map(), imports: /* @__PURE__ */ new Map(), exports: /* @__PURE__ */ new Map(), starExports: [] };
  const declare = (name, declaration) => {
    const list = index.locals.get(name);
    if (list) list.push(declaration);
    else index.locals.set(name, [declaration]);
  };
  for (const statement of sourceFile.statements) {
    const exported = hasModifier(statement, import_ts_morph2.ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, import_ts_morph2.ts.SyntaxKind.DefaultKeyword);
    const exportName = (name) => {
      if (!exported) return;
      if (isDefault) index.exports.set("default", { kind: "local", name: name ?? "default", typeOnly: false });
      else if (name) index.exports.set(name, { kind: "local", name, typeOnly: false });
    };
    if (import_ts_morph2.ts.isEnumDeclaration(statement)) {
      declare(statement.name.text, { kind: "enum", node: statement });
      exportName(statement.name.text);
    } else if (import_ts_morph2.ts.isTypeAliasDeclaration(statement)) {
      declare(statement.name.text, { kind: "alias", node: statement });
      exportName(statement.name.text);
    } else if (import_ts_morph2.ts.isInterfaceDeclaration(statement)) {
      declare(statement.name.text, { kind: "interface" });
      exportName(statement.name.text);
    } else if (import_ts_morph2.ts.isClassDeclaration(statement)) {
      if (statement.name) declare(statement.name.text, { kind: "class" });
      exportName(statement.name?.text);
    } else if (import_ts_morph2.ts.isFunctionDeclaration(statement) || import_ts_morph2.ts.isModuleDeclaration(statement)) {
      if (statement.name && import_ts_morph2.ts.isIdentifier(statement.name)) {
        declare(statement.name.text, { kind: "value" });
        exportName(statement.name.text);
      }
    } else if (import_ts_morph2.ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!import_ts_morph2.ts.isIdentifier(declaration.name)) continue;
        declare(declaration.name.text, { kind: "value", node: declaration });
        exportName(declaration.name.text);
      }
    } else if (import_ts_morph2.ts.isImportDeclaration(statement) && import_ts_morph2.ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (!clause) continue;
      const specifier = statement.moduleSpecifier.text;
      if (clause.name) index.imports.set(clause.name.text, { specifier, imported: "default", typeOnly: clause.isTypeOnly });
      const bindings = clause.namedBindings;
      if (bindings && import_ts_morph2.ts.isNamespaceImport(bindings)) {
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
    } else if (import_ts_morph2.ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && import_ts_morph2.ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : void 0;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) index.starExports.push({ specifier, typeOnly: statement.isTypeOnly });
      } else if (import_ts_morph2.ts.isNamespaceExport(clause)) {
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
    } else if (import_ts_morph2.ts.isExportAssignment(statement) && !statement.isExportEquals && import_ts_morph2.ts.isIdentifier(statement.expression)) {
      index.exports.set("default", { kind: "local", name: statement.expression.text, typeOnly: false });
    }
  }
  return index;
}
function hasModifier(node, kind) {
  return import_ts_morph2.ts.canHaveModifiers(node) && (import_ts_morph2.ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
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
    if (import_ts_morph3.ts.isIdentifier(name)) return this.resolveLocal(module, name.text, false, /* @__PURE__ */ new Set());
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
  const kind = file.endsWith(".tsx") ? import_ts_morph3.ts.ScriptKind.TSX : import_ts_morph3.ts.ScriptKind.TS;
  const sourceFile = import_ts_morph3.ts.createSourceFile(file, text, import_ts_morph3.ts.ScriptTarget.Latest, true, kind);
  return { hash: contentHash(text), module: { file, index: indexModule(sourceFile) } };
}
function memberName(member) {
  const name = member.name;
  if (import_ts_morph3.ts.isIdentifier(name) || import_ts_morph3.ts.isStringLiteral(name) || import_ts_morph3.ts.isNumericLiteral(name) || import_ts_morph3.ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return void 0;
}

// src/worker/type-metadata/serialization-kind.ts
var import_ts_morph4 = __toESM(require_ts_morph(), 1);
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
  if (import_ts_morph4.ts.isStringLiteral(e) || import_ts_morph4.ts.isNoSubstitutionTemplateLiteral(e) || import_ts_morph4.ts.isTemplateExpression(e)) return "string";
  if (import_ts_morph4.ts.isNumericLiteral(e)) return "number";
  if (import_ts_morph4.ts.isBigIntLiteral(e)) return "bigint";
  if (e.kind === import_ts_morph4.ts.SyntaxKind.TrueKeyword || e.kind === import_ts_morph4.ts.SyntaxKind.FalseKeyword) return "boolean";
  if (e.kind === import_ts_morph4.ts.SyntaxKind.NullKeyword) return "null";
  if (import_ts_morph4.ts.isPrefixUnaryExpression(e)) {
    const operand = constantAtom(e.operand);
    if (e.operator === import_ts_morph4.ts.SyntaxKind.ExclamationToken) return "boolean";
    return operand === "number" || operand === "bigint" ? operand : void 0;
  }
  if (import_ts_morph4.ts.isBinaryExpression(e)) {
    const left = constantAtom(e.left);
    const right = constantAtom(e.right);
    if (e.operatorToken.kind === import_ts_morph4.ts.SyntaxKind.PlusToken && (left === "string" || right === "string")) return "string";
    return left === "number" && right === "number" ? "number" : void 0;
  }
  if (import_ts_morph4.ts.isArrayLiteralExpression(e)) return "tuple";
  if (import_ts_morph4.ts.isObjectLiteralExpression(e)) return "object";
  if (import_ts_morph4.ts.isArrowFunction(e) || import_ts_morph4.ts.isFunctionExpression(e)) return "function";
  return void 0;
}
function skipOuterExpressions(expression) {
  let e = expression;
  while (import_ts_morph4.ts.isParenthesizedExpression(e) || import_ts_morph4.ts.isAsExpression(e) || import_ts_morph4.ts.isSatisfiesExpression(e) || import_ts_morph4.ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}
function typeAtoms(node, scope, resolver) {
  if (scope.depth > MAX_DEPTH) return void 0;
  switch (node.kind) {
    case import_ts_morph4.ts.SyntaxKind.StringKeyword:
    case import_ts_morph4.ts.SyntaxKind.TemplateLiteralType:
      return ["string"];
    case import_ts_morph4.ts.SyntaxKind.NumberKeyword:
      return ["number"];
    case import_ts_morph4.ts.SyntaxKind.BigIntKeyword:
      return ["bigint"];
    case import_ts_morph4.ts.SyntaxKind.BooleanKeyword:
      return ["boolean"];
    case import_ts_morph4.ts.SyntaxKind.SymbolKeyword:
      return ["symbol"];
    case import_ts_morph4.ts.SyntaxKind.VoidKeyword:
      return ["void"];
    case import_ts_morph4.ts.SyntaxKind.UndefinedKeyword:
      return ["undefined"];
    case import_ts_morph4.ts.SyntaxKind.NeverKeyword:
      return ["never"];
    case import_ts_morph4.ts.SyntaxKind.AnyKeyword:
    case import_ts_morph4.ts.SyntaxKind.UnknownKeyword:
      return ["any"];
    case import_ts_morph4.ts.SyntaxKind.ObjectKeyword:
    case import_ts_morph4.ts.SyntaxKind.TypeLiteral:
    case import_ts_morph4.ts.SyntaxKind.MappedType:
    case import_ts_morph4.ts.SyntaxKind.ConstructorType:
      return node.kind === import_ts_morph4.ts.SyntaxKind.TypeLiteral && isCallableLiteral(node) ? ["function"] : ["object"];
    case import_ts_morph4.ts.SyntaxKind.FunctionType:
      return ["function"];
    case import_ts_morph4.ts.SyntaxKind.ArrayType:
      return ["array"];
    case import_ts_morph4.ts.SyntaxKind.TupleType:
      return ["tuple"];
    case import_ts_morph4.ts.SyntaxKind.ParenthesizedType:
      return typeAtoms(node.type, scope, resolver);
    case import_ts_morph4.ts.SyntaxKind.LiteralType: {
      const literal = node.literal;
      return literal.kind === import_ts_morph4.ts.SyntaxKind.NullKeyword ? ["null"] : atomList(constantAtom(literal));
    }
    case import_ts_morph4.ts.SyntaxKind.UnionType: {
      const atoms = [];
      for (const member of node.types) {
        const memberAtoms = typeAtoms(member, scope, resolver);
        if (!memberAtoms) return void 0;
        atoms.push(...memberAtoms);
      }
      return atoms;
    }
    case import_ts_morph4.ts.SyntaxKind.IntersectionType:
      return intersectionAtoms(node.types, scope, resolver);
    case import_ts_morph4.ts.SyntaxKind.TypeOperator: {
      const operator = node;
      if (operator.operator === import_ts_morph4.ts.SyntaxKind.ReadonlyKeyword) return typeAtoms(operator.type, scope, resolver);
      if (operator.operator === import_ts_morph4.ts.SyntaxKind.UniqueKeyword) return ["symbol"];
      if (import_ts_morph4.ts.isTypeQueryNode(operator.type)) return constObjectAtoms(operator.type, scope, resolver, "keys");
      return void 0;
    }
    case import_ts_morph4.ts.SyntaxKind.IndexedAccessType: {
      const access = node;
      const object = skipParentheses(access.objectType);
      if (import_ts_morph4.ts.isTypeQueryNode(object)) return constObjectAtoms(object, scope, resolver, "values");
      return void 0;
    }
    case import_ts_morph4.ts.SyntaxKind.TypeReference:
      return referenceAtoms(node, scope, resolver);
    default:
      return void 0;
  }
}
function atomList(atom) {
  return atom ? [atom] : void 0;
}
function skipParentheses(node) {
  while (import_ts_morph4.ts.isParenthesizedTypeNode(node)) node = node.type;
  return node;
}
function isCallableLiteral(node) {
  return node.members.length > 0 && node.members.every((m) => import_ts_morph4.ts.isCallSignatureDeclaration(m));
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
  if (import_ts_morph4.ts.isIdentifier(name)) {
    const parameter = scope.typeArguments.get(name.text);
    if (parameter) {
      if ("node" in parameter) return typeAtoms(parameter.node, { ...parameter.scope, depth: scope.depth + 1 }, resolver);
      return parameter.constraint ? typeAtoms(parameter.constraint, { ...parameter.scope, depth: scope.depth + 1 }, resolver) : ["opaque"];
    }
  }
  const resolution = resolver.resolveEntityName(scope.module, name);
  if (resolution?.kind === "enum-member") return enumMemberAtoms(resolution.member);
  if (resolution?.kind === "declarations") return declarationAtoms(resolution, resolver, { depth: scope.depth + 1 }, node.typeArguments, scope);
  if (resolution || !import_ts_morph4.ts.isIdentifier(name)) return void 0;
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
  if (import_ts_morph4.ts.isArrayLiteralExpression(initializer) && part === "values") {
    for (const element of initializer.elements) {
      const atom = constantAtom(element);
      if (!atom) return void 0;
      atoms.push(atom);
    }
  } else if (import_ts_morph4.ts.isObjectLiteralExpression(initializer)) {
    for (const property of initializer.properties) {
      if (!import_ts_morph4.ts.isPropertyAssignment(property)) return void 0;
      if (part === "keys") {
        if (import_ts_morph4.ts.isIdentifier(property.name) || import_ts_morph4.ts.isStringLiteral(property.name)) atoms.push("string");
        else if (import_ts_morph4.ts.isNumericLiteral(property.name)) atoms.push("number");
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

// src/worker/type-metadata/metadata-edits.ts
function metadataCorrections(sourceFile, options) {
  const resolver = new DeclarationResolver(options.tsconfig);
  const module = DeclarationResolver.moduleOf(sourceFile);
  const edits = [];
  const typeOnlyImports = /* @__PURE__ */ new Set();
  let needsTypeScript = false;
  if ((module.index.imports.size > 0 || options.transpiler === "oxc") && sourceFile.text.includes("@")) {
    const collector = new TypeReferenceCollector({ sourceFile, module, resolver, options, typeOnlyImports, edits });
    const visit = (node) => {
      if (import_ts_morph5.ts.isTypeNode(node)) return;
      if (import_ts_morph5.ts.isClassLike(node) && isDecoratedClass(node)) {
        collector.collectClass(node);
        needsTypeScript ||= node.members.some(import_ts_morph5.ts.isSetAccessorDeclaration);
      }
      import_ts_morph5.ts.forEachChild(node, visit);
    };
    import_ts_morph5.ts.forEachChild(sourceFile, visit);
  }
  if (options.esm) typeOnlySpecifierEdits(sourceFile, module, resolver, typeOnlyImports, edits);
  return {
    edits,
    dependencies: resolver.dependencies,
    isImportedClass: (dotted2) => isImportedClass(resolver, module, dotted2),
    needsTypeScript: needsTypeScript && options.transpiler === "oxc"
  };
}
function applyEdits(source, edits) {
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
function typeOnlySpecifierEdits(sourceFile, module, resolver, typeOnlyImports, edits) {
  for (const statement of sourceFile.statements) {
    if (!import_ts_morph5.ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.exportClause || !import_ts_morph5.ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      if (!element.isTypeOnly && isTypeOnlyExport(resolver, module, statement, element, typeOnlyImports)) edits.push(insertType(sourceFile, element));
    }
  }
  if (typeOnlyImports.size === 0) return;
  for (const statement of sourceFile.statements) {
    const clause = import_ts_morph5.ts.isImportDeclaration(statement) ? statement.importClause : void 0;
    if (!clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (bindings && import_ts_morph5.ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if (!element.isTypeOnly && typeOnlyImports.has(element.name.text)) edits.push(insertType(sourceFile, element));
      }
    }
    if (clause.name && typeOnlyImports.has(clause.name.text)) {
      if (!bindings) edits.push(insertType(sourceFile, clause));
      else edits.push(blankOut(sourceFile.text, clause.name.getStart(sourceFile), bindings.getStart(sourceFile)));
    } else if (bindings && import_ts_morph5.ts.isNamespaceImport(bindings) && !clause.name && typeOnlyImports.has(bindings.name.text)) {
      edits.push(insertType(sourceFile, clause));
    }
  }
}
function insertType(sourceFile, node) {
  const start = node.getStart(sourceFile);
  return { start, end: start, text: "type " };
}
function blankOut(source, start, end) {
  return { start, end, text: source.slice(start, end).replace(/[^\r\n]/g, " ") };
}
function isTypeOnlyExport(resolver, module, statement, element, typeOnlyImports) {
  const name = (element.propertyName ?? element.name).text;
  let resolution;
  if (statement.moduleSpecifier && import_ts_morph5.ts.isStringLiteral(statement.moduleSpecifier)) {
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
function isImportedClass(resolver, module, dotted2) {
  const parts = dotted2.split(".");
  if (!module.index.imports.has(parts[0])) return false;
  let name = import_ts_morph5.ts.factory.createIdentifier(parts[0]);
  for (const part of parts.slice(1)) name = import_ts_morph5.ts.factory.createQualifiedName(name, part);
  const resolution = resolver.resolveEntityName(module, name);
  return resolution?.kind === "declarations" && !resolution.typeOnly && resolution.declarations.some((d) => d.kind === "class");
}
function isTypeOnlyDeclaration(resolution) {
  return resolution?.kind === "declarations" && resolution.declarations.every((d) => d.kind === "alias" || d.kind === "interface");
}
function isDecoratedClass(node) {
  if (import_ts_morph5.ts.getDecorators(node)?.length) return true;
  return node.members.some(
    (member) => import_ts_morph5.ts.canHaveDecorators(member) && (import_ts_morph5.ts.getDecorators(member)?.length ?? 0) > 0 || (import_ts_morph5.ts.isMethodDeclaration(member) || import_ts_morph5.ts.isConstructorDeclaration(member) || import_ts_morph5.ts.isSetAccessorDeclaration(member)) && member.parameters.some((parameter) => (import_ts_morph5.ts.getDecorators(parameter)?.length ?? 0) > 0)
  );
}
var TypeReferenceCollector = class {
  sourceFile;
  module;
  resolver;
  strictNullChecks;
  oxc;
  typeOnlyImports;
  edits;
  constructor(context) {
    ({ sourceFile: this.sourceFile, module: this.module, resolver: this.resolver, typeOnlyImports: this.typeOnlyImports, edits: this.edits } = context);
    this.strictNullChecks = context.options.strictNullChecks;
    this.oxc = context.options.transpiler === "oxc";
  }
  collectClass(node) {
    for (const member of node.members) {
      if (import_ts_morph5.ts.isPropertyDeclaration(member) || import_ts_morph5.ts.isGetAccessorDeclaration(member) || import_ts_morph5.ts.isMethodDeclaration(member)) {
        if (member.type) this.collectType(member.type);
      }
      if (import_ts_morph5.ts.isMethodDeclaration(member) || import_ts_morph5.ts.isGetAccessorDeclaration(member) || import_ts_morph5.ts.isSetAccessorDeclaration(member) || import_ts_morph5.ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) if (parameter.type) this.collectType(parameter.type);
      }
    }
  }
  /** The positions tsc's serializer looks through (its serializeTypeNode), and nothing deeper. */
  collectType(node) {
    if (import_ts_morph5.ts.isParenthesizedTypeNode(node)) return this.collectType(node.type);
    if (import_ts_morph5.ts.isUnionTypeNode(node) && this.oxc && !this.strictNullChecks) this.dropNullish(node);
    if (import_ts_morph5.ts.isUnionTypeNode(node) || import_ts_morph5.ts.isIntersectionTypeNode(node)) return node.types.forEach((t) => this.collectType(t));
    if (import_ts_morph5.ts.isConditionalTypeNode(node)) {
      this.collectType(node.trueType);
      return this.collectType(node.falseType);
    }
    if (import_ts_morph5.ts.isTypeOperatorNode(node) && node.operator === import_ts_morph5.ts.SyntaxKind.ReadonlyKeyword) return this.collectType(node.type);
    if (!import_ts_morph5.ts.isTypeReferenceNode(node)) return;
    const kind = this.classify(node);
    if (!kind) return;
    const start = node.getStart(this.sourceFile);
    const lineBreaks = this.sourceFile.text.slice(start, node.end).replace(/[^\n]/g, "");
    this.edits.push({ start, end: node.end, text: KEYWORD[kind] + lineBreaks });
  }
  /** `User | null` as `User       ` (with its `|`), when something else is left. */
  dropNullish(node) {
    const nullish = (t) => t.kind === import_ts_morph5.ts.SyntaxKind.UndefinedKeyword || import_ts_morph5.ts.isLiteralTypeNode(t) && t.literal.kind === import_ts_morph5.ts.SyntaxKind.NullKeyword;
    const types = node.types;
    if (!types.some(nullish) || types.every(nullish)) return;
    const text = this.sourceFile.text;
    types.forEach((type, i) => {
      if (!nullish(type)) return;
      const start = i > 0 ? types[i - 1].end : type.getStart(this.sourceFile);
      const end = i > 0 ? type.end : types[i + 1].getStart(this.sourceFile);
      this.edits.push({ start, end, text: text.slice(start, end).replace(/[^\r\n]/g, " ") });
    });
  }
  classify(node) {
    this.resolver.crossedFile = false;
    const resolution = this.resolver.resolveEntityName(this.module, node.typeName);
    if (!resolution) return void 0;
    const kind = referenceKind(resolution, this.resolver, this.strictNullChecks);
    this.noteTypeOnlyImport(node.typeName, resolution);
    return this.resolver.crossedFile || this.oxc ? kind : void 0;
  }
  /** An imported name with no value behind it (an alias, an interface): ESM output must not import it. */
  noteTypeOnlyImport(typeName, resolution) {
    if (!import_ts_morph5.ts.isIdentifier(typeName) || !this.module.index.imports.has(typeName.text)) return;
    if (isTypeOnlyDeclaration(resolution)) this.typeOnlyImports.add(typeName.text);
  }
};
var KEYWORD = {
  String: "string",
  Number: "number",
  Boolean: "boolean",
  BigInt: "bigint",
  Symbol: "symbol",
  Void: "void",
  Object: "object",
  Array: "any[]",
  Function: "(() => any)"
};

// src/worker/fast-transform/oxc-transpile.ts
import path from "node:path";

// src/worker/fast-transform/commonjs-from-runner.ts
function commonJsFromRunner(code) {
  return code.replace(/\bawait __vite_ssr_import__\(/g, "__vite_ssr_import__(").replace(/^(Object\.defineProperty\(__vite_ssr_exports__, "(?:[^"\\\n]|\\.)*", \{\n\tenumerable: true,\n\tconfigurable: true,\n\tget\(\) \{\n\t\t)return ([^\n]*);$/gm, "$1try { return $2; } catch { return undefined; }");
}
function unwrapClassGuards(code, isImportedClass2) {
  return code.replace(
    /^.*decorateMetadata\(.*$/gm,
    (line) => line.replace(/typeof ([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*) === "undefined" \? Object : \1(?![\w$.])/g, (guard, name) => isImportedClass2(name) ? name : guard)
  );
}

// src/worker/fast-transform/oxc-binding.ts
import { createRequire } from "node:module";
var loaded = /* @__PURE__ */ new Map();
function loadOxcBinding(file) {
  let binding = loaded.get(file);
  if (!binding) {
    binding = createRequire(import.meta.url)(file);
    loaded.set(file, binding);
  }
  return binding;
}

// src/worker/fast-transform/oxc-runtime.ts
var HELPERS = 'var babelHelpers={decorate:function(d,t,k,s){var c=arguments.length,r=c<3?t:s===null?s=Object.getOwnPropertyDescriptor(t,k):s,x;if(typeof Reflect==="object"&&typeof Reflect.decorate==="function")r=Reflect.decorate(d,t,k,s);else for(var i=d.length-1;i>=0;i--)if(x=d[i])r=(c<3?x(r):c>3?x(t,k,r):x(t,k))||r;return c>3&&r&&Object.defineProperty(t,k,r),r},decorateMetadata:function(k,v){if(typeof Reflect==="object"&&typeof Reflect.metadata==="function")return Reflect.metadata(k,v)},decorateParam:function(i,d){return function(t,k){d(t,k,i)}}};';
var RUNNER = 'Object.defineProperty(exports,"__esModule",{value:true});var __vite_ssr_exports__=exports;function __vite_ssr_import__(s){var m=require(s);if(m&&m.__esModule)return m;return m!==null&&(typeof m==="object"||typeof m==="function")?Object.create(m,{default:{value:m,enumerable:true}}):{default:m}}function __vite_ssr_dynamic_import__(s){return Promise.resolve().then(function(){return __vite_ssr_import__(s)})}function __vite_ssr_exportAll__(m){for(var k in m)if(k!=="default"&&k!=="__esModule"&&!Object.prototype.hasOwnProperty.call(exports,k))(function(k){Object.defineProperty(exports,k,{enumerable:true,get:function(){return m[k]}})})(k)}var __vite_ssr_import_meta__={get url(){return require("node:url").pathToFileURL(__filename).href},filename:__filename,dirname:__dirname};';
function runtimePrelude(format) {
  return format === "commonjs" ? `"use strict";${RUNNER}${HELPERS}` : HELPERS;
}

// src/worker/fast-transform/source-map-compose.ts
var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var DIGIT = new Map([...BASE64].map((c, i) => [c, i]));
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of mappings.split(";")) {
    const line = [];
    let column = 0;
    for (const segmentText of lineText.split(",")) {
      if (segmentText === "") continue;
      const fields = decodeVlq(segmentText);
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        originalLine += fields[2];
        originalColumn += fields[3];
        line.push([column, source, originalLine, originalColumn]);
      } else {
        line.push([column]);
      }
    }
    lines.push(line);
  }
  return lines;
}
function encodeMappings(lines) {
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  return lines.map((line) => {
    let column = 0;
    return line.map((segment) => {
      let text = encodeVlq(segment[0] - column);
      column = segment[0];
      if (segment.length === 4) {
        text += encodeVlq(segment[1] - source) + encodeVlq(segment[2] - originalLine) + encodeVlq(segment[3] - originalColumn);
        [, source, originalLine, originalColumn] = segment;
      }
      return text;
    }).join(",");
  }).join(";");
}
function composeSourceMaps(outer, inner) {
  const innerLines = decodeMappings(inner.mappings);
  const composed = decodeMappings(outer.mappings).map(
    (line) => line.flatMap((segment) => {
      if (segment.length !== 4) return [];
      const target = nearestSegment(innerLines[segment[2]], segment[3]);
      return target && target.length === 4 ? [[segment[0], target[1], target[2], target[3]]] : [];
    })
  );
  return { version: 3, sources: inner.sources, mappings: encodeMappings(composed) };
}
function shiftLines(map, count) {
  return { ...map, mappings: ";".repeat(count) + map.mappings };
}
function inlineSourceMapComment(map) {
  return `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}`;
}
function nearestSegment(line, column) {
  if (!line || line.length === 0) return void 0;
  let low = 0;
  let high = line.length - 1;
  let found;
  while (low <= high) {
    const middle = low + high >> 1;
    if (line[middle][0] <= column) {
      found = line[middle];
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found ?? line[0];
}
function decodeVlq(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === void 0) throw new Error(`invalid source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
function encodeVlq(value) {
  let vlq = value < 0 ? -value << 1 | 1 : value << 1;
  let text = "";
  do {
    let digit = vlq & 31;
    vlq >>>= 5;
    if (vlq > 0) digit |= 32;
    text += BASE64[digit];
  } while (vlq > 0);
  return text;
}

// src/worker/fast-transform/oxc-transpile.ts
var KNOWN_HELPERS = /* @__PURE__ */ new Set(["decorate", "decorateMetadata", "decorateParam"]);
function oxcTranspile(request) {
  const binding = loadOxcBinding(request.binding);
  const ext = path.extname(request.filename);
  const stripped = binding.transformSync(request.filename, request.source, {
    lang: ext === ".tsx" ? "tsx" : "ts",
    sourceType: "module",
    target: "es2022",
    sourcemap: true,
    helpers: { mode: "External" },
    decorator: { legacy: true, emitDecoratorMetadata: true, strictNullChecks: request.strictNullChecks },
    // useDefineForClassFields false: fields become constructor assignments and bare declarations vanish, as tsc does.
    typescript: { onlyRemoveTypeImports: false, removeClassFieldsWithoutInitializer: !request.useDefineForClassFields },
    assumptions: { setPublicClassFields: !request.useDefineForClassFields },
    jsx: { runtime: request.jsx === "react" ? "classic" : "automatic", ...request.jsxImportSource && { importSource: request.jsxImportSource } }
  });
  if (failed(stripped)) return void 0;
  if (Object.keys(stripped.helpersUsed ?? {}).some((helper) => !KNOWN_HELPERS.has(helper))) return void 0;
  const source = path.basename(request.filename);
  const strippedMap = { ...stripped.map, sources: [source] };
  if (request.format === "module") return finish(request.format, stripped.code, strippedMap);
  const js = unwrapClassGuards(stripped.code, request.isImportedClass);
  const runner = binding.moduleRunnerTransformSync(request.filename.replace(/\.[cm]?tsx?$/, ".js"), js, { sourcemap: true });
  if (failed(runner)) return void 0;
  return finish(request.format, commonJsFromRunner(runner.code), composeSourceMaps(runner.map, strippedMap));
}
function finish(format, code, map) {
  return `${runtimePrelude(format)}
${code}
${inlineSourceMapComment(shiftLines(map, 1))}
`;
}
function failed(result) {
  return !result.map || result.errors.some((error) => error.severity === "Error");
}

// src/worker/transform.ts
import path2 from "node:path";
function transformModule(request) {
  return transformModuleWithDependencies(request).code;
}
function transformModuleWithDependencies(request) {
  const { filename } = request;
  const userSource = isUserSource(filename);
  const typescript = TYPESCRIPT_EXTENSIONS.has(path2.extname(filename));
  const parsed2 = typescript ? parseSource(request.source, filename) : void 0;
  const snippet = userSource ? siteRegistrationSnippet(filename, collectClassSites(request.source, filename, parsed2)) : "";
  if (!parsed2) return { code: request.source + snippet, dependencies: NO_DEPENDENCIES, transpiler: "none" };
  const compilerOptions = compilerOptionsFor(request);
  const esm = request.format === "module";
  const correct = (transpiler) => metadataCorrections(parsed2, { tsconfig: request.tsconfig, strictNullChecks: compilerOptions.strictNullChecks === true, esm, transpiler });
  if (request.oxcBinding) {
    const corrections2 = correct("oxc");
    const code = corrections2.needsTypeScript ? void 0 : oxcTranspile({
      source: applyEdits(request.source, corrections2.edits) + snippet,
      filename,
      format: request.format,
      binding: request.oxcBinding,
      useDefineForClassFields: compilerOptions.useDefineForClassFields === true,
      strictNullChecks: compilerOptions.strictNullChecks === true,
      jsx: compilerOptions.jsx === import_ts_morph6.ts.JsxEmit.React ? "react" : "react-jsx",
      ...compilerOptions.jsxImportSource && { jsxImportSource: compilerOptions.jsxImportSource },
      isImportedClass: corrections2.isImportedClass
    });
    if (code !== void 0) return { code, dependencies: corrections2.dependencies, transpiler: "oxc" };
  }
  const corrections = correct("typescript");
  const corrected = applyEdits(request.source, corrections.edits) + snippet;
  const output = import_ts_morph6.ts.transpileModule(corrected, {
    fileName: filename,
    compilerOptions,
    reportDiagnostics: false,
    transformers: esm ? {} : { after: [classGuardTransformer(corrections.isImportedClass)] }
  });
  return { code: output.outputText, dependencies: corrections.dependencies, transpiler: "typescript" };
}
function compilerOptionsFor({ format, tsconfig }) {
  const user = tsconfig.compilerOptions;
  const userTarget = user.target ?? import_ts_morph6.ts.ScriptTarget.ES2017;
  return {
    jsx: user.jsx ?? import_ts_morph6.ts.JsxEmit.ReactJSX,
    jsxImportSource: user.jsxImportSource,
    // Class field semantics follow the user's build: TypeScript defines fields only from ES2022 on.
    useDefineForClassFields: user.useDefineForClassFields ?? userTarget >= import_ts_morph6.ts.ScriptTarget.ES2022,
    // Decorator metadata of `T | null` depends on it (String without, Object with), as in the user's tsc build.
    strictNullChecks: strictNullChecksFor(tsconfig),
    target: import_ts_morph6.ts.ScriptTarget.ES2022,
    module: format === "module" ? import_ts_morph6.ts.ModuleKind.ESNext : import_ts_morph6.ts.ModuleKind.CommonJS,
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
var import_ts_morph7 = __toESM(require_ts_morph(), 1);
import path3 from "node:path";
function parseTsconfig(file) {
  const read = import_ts_morph7.ts.readConfigFile(file, import_ts_morph7.ts.sys.readFile);
  if (read.error || !read.config) return { info: { file, compilerOptions: {} }, inputs: [file] };
  const extended = /* @__PURE__ */ new Map();
  const parsed2 = import_ts_morph7.ts.parseJsonConfigFileContent(read.config, import_ts_morph7.ts.sys, path3.dirname(file), void 0, file, void 0, void 0, extended);
  const options = parsed2.options;
  const paths = options.paths ? {
    baseDir: options.baseUrl ?? options.pathsBasePath ?? path3.dirname(file),
    patterns: options.paths
  } : void 0;
  return {
    info: { file, compilerOptions: toPlain(options), paths, baseUrl: options.baseUrl },
    inputs: [file, ...[...extended.keys()].filter((p) => path3.isAbsolute(p))]
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
