import { ts } from "../typescript.js";
import type { DeclarationResolver, ModuleSource, Resolution } from "./declaration-resolver.js";
import type { LocalDeclaration } from "./module-index.js";

/** The constructor tsc's metadata serializer writes for a type reference ("Void" is `void 0`). */
export type MetadataKind = "String" | "Number" | "Boolean" | "BigInt" | "Symbol" | "Array" | "Function" | "Object" | "Void";

/**
 * What a type is made of, as far as the checker's `isTypeAssignableToKind` tests go: the
 * constituents of its union, each reduced to a category. "opaque" is a type we know is none
 * of the primitive kinds but not which object it is (an unconstrained type parameter).
 */
type Atom =
  | "string"
  | "number"
  | "bigint"
  | "boolean"
  | "symbol"
  | "null"
  | "undefined"
  | "void"
  | "never"
  | "any"
  | "tuple"
  | "array"
  | "function"
  | "object"
  | "opaque";

interface Scope {
  module: ModuleSource;
  /** Type arguments of the generic alias being expanded, by parameter name. */
  typeArguments: Map<string, { node: ts.TypeNode; scope: Scope } | { constraint?: ts.TypeNode; scope: Scope }>;
  depth: number;
}

const MAX_DEPTH = 24;

/**
 * What tsc's `getTypeReferenceSerializationKind` answers for a reference that resolved to
 * `resolution`, or undefined where the transpiled output should stay as it is (classes,
 * which the emitted runtime check already gets right, and anything we cannot classify).
 *
 * A reference is serialized from the *declared type* of what it names, not from syntax: an
 * alias of `"a" | "b"` is String, an enum is String when every member is a string, Number
 * when every member is a number, Object when mixed; interfaces are Object; a class reached
 * only through `import type` is Function.
 */
export function referenceKind(resolution: Resolution, resolver: DeclarationResolver, strictNullChecks: boolean): MetadataKind | undefined {
  if (resolution.kind === "namespace") return undefined;
  // A class is a value with a construct signature: the emitted `typeof X === "function"` check
  // finds it at runtime, unless only its type was imported.
  if (resolution.kind === "declarations" && resolution.declarations.some((d) => d.kind === "class")) {
    return resolution.typeOnly ? "Function" : undefined;
  }
  const atoms = resolution.kind === "enum-member" ? enumMemberAtoms(resolution.member) : declarationAtoms(resolution, resolver, { depth: 0 });
  return atoms && kindOfAtoms(atoms, strictNullChecks);
}

/** The kinds `isTypeAssignableToKind` checks, in the checker's order. */
function kindOfAtoms(input: Atom[], strictNullChecks: boolean): MetadataKind {
  if (input.includes("any")) return "Object";
  let atoms = input.filter((a) => a !== "never");
  // Without strictNullChecks, null and undefined vanish from a union of anything else.
  if (!strictNullChecks) {
    const rest = atoms.filter((a) => a !== "null" && a !== "undefined");
    if (rest.length > 0) atoms = rest;
  }
  const all = (...kinds: Atom[]) => atoms.every((a) => kinds.includes(a));
  // Assignable to void, null or undefined (one target, not their union): under strictNullChecks
  // `null | undefined` is none of them, and ends up Object below.
  if (atoms.length === 0 || all("void", "undefined") || all("null") || (!strictNullChecks && all("void", "null", "undefined"))) return "Void";
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

function declarationAtoms(resolution: Extract<Resolution, { kind: "declarations" }>, resolver: DeclarationResolver, outer: { depth: number }, typeArguments?: readonly ts.TypeNode[], argumentScope?: Scope): Atom[] | undefined {
  const { declarations, module } = resolution;
  if (outer.depth > MAX_DEPTH) return undefined;
  const enums = declarations.filter((d): d is Extract<LocalDeclaration, { kind: "enum" }> => d.kind === "enum");
  if (enums.length > 0) {
    const atoms: Atom[] = [];
    for (const declaration of enums) {
      for (const member of declaration.node.members) {
        const memberAtoms = enumMemberAtoms(member);
        if (!memberAtoms) return undefined;
        atoms.push(...memberAtoms);
      }
    }
    return atoms.length > 0 ? atoms : ["number"];
  }
  const alias = declarations.find((d): d is Extract<LocalDeclaration, { kind: "alias" }> => d.kind === "alias");
  if (alias) {
    const scope: Scope = { module, typeArguments: new Map(), depth: outer.depth + 1 };
    alias.node.typeParameters?.forEach((parameter, i) => {
      const argument = typeArguments?.[i] ?? parameter.default;
      if (argument) scope.typeArguments.set(parameter.name.text, { node: argument, scope: typeArguments?.[i] && argumentScope ? argumentScope : scope });
      else scope.typeArguments.set(parameter.name.text, { constraint: parameter.constraint, scope });
    });
    return typeAtoms(alias.node.type, scope, resolver);
  }
  if (declarations.some((d) => d.kind === "class")) return ["object"];
  // An interface merged with a value may be a constructor (lib.d.ts style): not ours to guess.
  if (declarations.every((d) => d.kind === "interface")) return ["object"];
  return undefined;
}

function enumMemberAtoms(member: ts.EnumMember): Atom[] | undefined {
  const initializer = member.initializer;
  if (!initializer) return ["number"];
  const atom = constantAtom(initializer);
  // A member initialized from another enum's member or a constant: its type is not syntactic.
  return atom && atom !== "boolean" ? [atom] : undefined;
}

/** The category of a constant expression (an enum initializer, a literal in a const object). */
function constantAtom(expression: ts.Expression): Atom | undefined {
  const e = skipOuterExpressions(expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)) return "string";
  if (ts.isNumericLiteral(e)) return "number";
  if (ts.isBigIntLiteral(e)) return "bigint";
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return "boolean";
  if (e.kind === ts.SyntaxKind.NullKeyword) return "null";
  if (ts.isPrefixUnaryExpression(e)) {
    const operand = constantAtom(e.operand);
    if (e.operator === ts.SyntaxKind.ExclamationToken) return "boolean";
    return operand === "number" || operand === "bigint" ? operand : undefined;
  }
  if (ts.isBinaryExpression(e)) {
    const left = constantAtom(e.left);
    const right = constantAtom(e.right);
    if (e.operatorToken.kind === ts.SyntaxKind.PlusToken && (left === "string" || right === "string")) return "string";
    return left === "number" && right === "number" ? "number" : undefined;
  }
  if (ts.isArrayLiteralExpression(e)) return "tuple";
  if (ts.isObjectLiteralExpression(e)) return "object";
  if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return "function";
  return undefined;
}

function skipOuterExpressions(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
  return e;
}

/** The atoms of the type an alias names: the declared type tsc would compute, approximated from syntax. */
function typeAtoms(node: ts.TypeNode, scope: Scope, resolver: DeclarationResolver): Atom[] | undefined {
  if (scope.depth > MAX_DEPTH) return undefined;
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
    case ts.SyntaxKind.TemplateLiteralType:
      return ["string"];
    case ts.SyntaxKind.NumberKeyword:
      return ["number"];
    case ts.SyntaxKind.BigIntKeyword:
      return ["bigint"];
    case ts.SyntaxKind.BooleanKeyword:
      return ["boolean"];
    case ts.SyntaxKind.SymbolKeyword:
      return ["symbol"];
    case ts.SyntaxKind.VoidKeyword:
      return ["void"];
    case ts.SyntaxKind.UndefinedKeyword:
      return ["undefined"];
    case ts.SyntaxKind.NeverKeyword:
      return ["never"];
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return ["any"];
    case ts.SyntaxKind.ObjectKeyword:
    case ts.SyntaxKind.TypeLiteral:
    case ts.SyntaxKind.MappedType:
    case ts.SyntaxKind.ConstructorType:
      return node.kind === ts.SyntaxKind.TypeLiteral && isCallableLiteral(node as ts.TypeLiteralNode) ? ["function"] : ["object"];
    case ts.SyntaxKind.FunctionType:
      return ["function"];
    case ts.SyntaxKind.ArrayType:
      return ["array"];
    case ts.SyntaxKind.TupleType:
      return ["tuple"];
    case ts.SyntaxKind.ParenthesizedType:
      return typeAtoms((node as ts.ParenthesizedTypeNode).type, scope, resolver);
    case ts.SyntaxKind.LiteralType: {
      const literal = (node as ts.LiteralTypeNode).literal;
      return literal.kind === ts.SyntaxKind.NullKeyword ? ["null"] : atomList(constantAtom(literal as ts.Expression));
    }
    case ts.SyntaxKind.UnionType: {
      const atoms: Atom[] = [];
      for (const member of (node as ts.UnionTypeNode).types) {
        const memberAtoms = typeAtoms(member, scope, resolver);
        if (!memberAtoms) return undefined;
        atoms.push(...memberAtoms);
      }
      return atoms;
    }
    case ts.SyntaxKind.IntersectionType:
      return intersectionAtoms((node as ts.IntersectionTypeNode).types, scope, resolver);
    case ts.SyntaxKind.TypeOperator: {
      const operator = node as ts.TypeOperatorNode;
      if (operator.operator === ts.SyntaxKind.ReadonlyKeyword) return typeAtoms(operator.type, scope, resolver);
      if (operator.operator === ts.SyntaxKind.UniqueKeyword) return ["symbol"];
      // keyof typeof CONST_OBJECT: its keys.
      if (ts.isTypeQueryNode(operator.type)) return constObjectAtoms(operator.type, scope, resolver, "keys");
      return undefined;
    }
    case ts.SyntaxKind.IndexedAccessType: {
      // typeof CONST[keyof typeof CONST] and typeof LIST[number]: the "enum as a const object" idiom.
      const access = node as ts.IndexedAccessTypeNode;
      const object = skipParentheses(access.objectType);
      if (ts.isTypeQueryNode(object)) return constObjectAtoms(object, scope, resolver, "values");
      return undefined;
    }
    case ts.SyntaxKind.TypeReference:
      return referenceAtoms(node as ts.TypeReferenceNode, scope, resolver);
    default:
      // Conditional, infer, typeof, import() types and the like need the checker.
      return undefined;
  }
}

function atomList(atom: Atom | undefined): Atom[] | undefined {
  return atom ? [atom] : undefined;
}

function skipParentheses(node: ts.TypeNode): ts.TypeNode {
  while (ts.isParenthesizedTypeNode(node)) node = node.type;
  return node;
}

function isCallableLiteral(node: ts.TypeLiteralNode): boolean {
  return node.members.length > 0 && node.members.every((m) => ts.isCallSignatureDeclaration(m));
}

/**
 * An intersection is assignable to a primitive kind when one of its parts is (branded types:
 * `string & { __brand: "UserId" }` is String); of object parts only, it is an object.
 */
function intersectionAtoms(types: readonly ts.TypeNode[], scope: Scope, resolver: DeclarationResolver): Atom[] | undefined {
  const primitives = new Set<Atom>();
  for (const part of types) {
    const atoms = typeAtoms(part, scope, resolver);
    if (!atoms) return undefined;
    if (atoms.includes("any")) return ["any"];
    const unique = [...new Set(atoms)];
    if (unique.length !== 1) return undefined;
    const [atom] = unique as [Atom];
    if (atom !== "object" && atom !== "function" && atom !== "array" && atom !== "tuple") primitives.add(atom);
  }
  if (primitives.size === 0) return ["object"];
  return primitives.size === 1 ? [...primitives] : undefined;
}

const GLOBAL_OBJECTS = new Set([
  "Date", "RegExp", "Map", "Set", "WeakMap", "WeakSet", "Promise", "Error", "Buffer", "Object", "String", "Number", "Boolean",
  "Function", "Symbol", "BigInt", "Record", "Partial", "Required", "Pick", "Omit", "ArrayBuffer", "Uint8Array", "URL",
]);
const STRING_INTRINSICS = new Set(["Uppercase", "Lowercase", "Capitalize", "Uncapitalize"]);

function referenceAtoms(node: ts.TypeReferenceNode, scope: Scope, resolver: DeclarationResolver): Atom[] | undefined {
  const name = node.typeName;
  if (ts.isIdentifier(name)) {
    const parameter = scope.typeArguments.get(name.text);
    if (parameter) {
      if ("node" in parameter) return typeAtoms(parameter.node, { ...parameter.scope, depth: scope.depth + 1 }, resolver);
      return parameter.constraint ? typeAtoms(parameter.constraint, { ...parameter.scope, depth: scope.depth + 1 }, resolver) : ["opaque"];
    }
  }
  const resolution = resolver.resolveEntityName(scope.module, name);
  if (resolution?.kind === "enum-member") return enumMemberAtoms(resolution.member);
  if (resolution?.kind === "declarations") return declarationAtoms(resolution, resolver, { depth: scope.depth + 1 }, node.typeArguments, scope);
  if (resolution || !ts.isIdentifier(name)) return undefined;
  // A global: lib.d.ts names, by what they are.
  const args = node.typeArguments ?? [];
  if (name.text === "Array" || name.text === "ReadonlyArray") return ["array"];
  if (STRING_INTRINSICS.has(name.text)) return ["string"];
  if ((name.text === "NonNullable" || name.text === "Readonly") && args[0]) {
    const inner = typeAtoms(args[0], scope, resolver);
    if (name.text === "Readonly") return inner;
    return inner?.filter((a) => a !== "null" && a !== "undefined");
  }
  if (name.text === "Exclude" && args[0] && args[1]) {
    // Only the common case is exact: removing null/undefined. Otherwise the kind of what is
    // left is that of T unless everything is removed, which we do not try to see.
    const from = typeAtoms(args[0], scope, resolver);
    const removed = typeAtoms(args[1], scope, resolver);
    if (!from || !removed) return undefined;
    if (removed.every((a) => a === "null" || a === "undefined")) return from.filter((a) => !(removed as Atom[]).includes(a));
    return [...new Set(from)].length === 1 ? from : undefined;
  }
  if (GLOBAL_OBJECTS.has(name.text)) return ["object"];
  return undefined;
}

/**
 * `keyof typeof X` ("keys") or `typeof X[...]` ("values") where X is a top-level const
 * initialized with an object or array literal: the categories of its keys or values.
 */
function constObjectAtoms(query: ts.TypeQueryNode, scope: Scope, resolver: DeclarationResolver, part: "keys" | "values"): Atom[] | undefined {
  const resolution = resolver.resolveEntityName(scope.module, query.exprName);
  if (resolution?.kind !== "declarations") return undefined;
  const variable = resolution.declarations.find((d) => d.kind === "value" && d.node?.initializer);
  const initializer = variable?.kind === "value" && variable.node?.initializer ? skipOuterExpressions(variable.node.initializer) : undefined;
  if (!initializer) return undefined;
  const atoms: Atom[] = [];
  if (ts.isArrayLiteralExpression(initializer) && part === "values") {
    for (const element of initializer.elements) {
      const atom = constantAtom(element);
      if (!atom) return undefined;
      atoms.push(atom);
    }
  } else if (ts.isObjectLiteralExpression(initializer)) {
    for (const property of initializer.properties) {
      if (!ts.isPropertyAssignment(property)) return undefined;
      if (part === "keys") {
        if (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) atoms.push("string");
        else if (ts.isNumericLiteral(property.name)) atoms.push("number");
        else return undefined;
      } else {
        const atom = constantAtom(property.initializer);
        if (!atom) return undefined;
        atoms.push(atom);
      }
    }
  } else {
    return undefined;
  }
  return atoms.length > 0 ? atoms : undefined;
}
