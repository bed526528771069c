import { ts } from "./typescript.js";
import { SITE_REGISTRY_GLOBAL, type ClassDecoratorSite } from "./site-global.js";
import { sourceMapLines } from "./source-map-lines.js";

/**
 * Source sites: where each class (and each decorated member) of a user file is written.
 *
 * TypeORM metadata has no file paths, and decorators run from `__decorate(...)` calls placed
 * after the class, so stack traces point at the wrong line. Instead, while transforming a
 * user file we append one statement that hands each top-level class object to a registry
 * together with the line of its first decorator. The registry is keyed by the class object
 * itself, so two classes with the same name in different files never mix.
 */
export interface ClassSite {
  name: string;
  line: number;
  members: Record<string, number>;
  decorators: ClassDecoratorSite[];
  /** Set when the lines are another file's: a compiled file's TypeScript source, through its source map. */
  file?: string;
}

/** `parsed`: the file already parsed by the caller (the transform parses each file once). */
export function collectClassSites(source: string, filename: string, parsed?: ts.SourceFile): ClassSite[] {
  // Classes (TypeORM entities, migrations) and top-level calls (Drizzle's pgTable, pgEnum).
  if (!source.includes("class") && !source.includes("(")) return [];
  const sourceFile = parsed ?? parseSource(source, filename);
  const lineOf = (node: ts.Node) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const siteLine = (node: ts.Node, name: ts.Node | undefined) => {
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
    return lineOf(decorators?.[0] ?? name ?? node);
  };

  const sites: ClassSite[] = [];
  const addClass = (name: string, node: ts.ClassLikeDeclaration, line: number) => {
    const members: Record<string, number> = {};
    for (const member of node.members) {
      if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
        members[member.name.text] = siteLine(member, member.name);
      }
    }
    const decorators = (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).flatMap((decorator) => {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return [];
      const strings = call.arguments.filter(isStringLike).map((arg) => arg.text);
      const arrays = call.arguments.filter(ts.isArrayLiteralExpression).map((array) => array.elements.filter(isStringLike).map((element) => element.text));
      return [{ name: call.expression.text, line: lineOf(decorator), strings, arrays }];
    });
    sites.push({ name, line, members, decorators });
  };

  for (const statement of sourceFile.statements) {
    if (ts.isExpressionStatement(statement)) {
      compiledDecorators(statement.expression, sites, lineOf);
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const isAmbient = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
      if (!isAmbient) addClass(statement.name.text, statement, siteLine(statement, statement.name));
    } else if (ts.isVariableStatement(statement)) {
      // tsc's output for decorated classes: `let Share = class Share { ... }`
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer && ts.isClassExpression(declaration.initializer)) {
          addClass(declaration.name.text, declaration.initializer, lineOf(declaration));
        } else if (ts.isIdentifier(declaration.name) && declaration.initializer && ts.isCallExpression(declaration.initializer)) {
          sites.push(callSite(declaration.name.text, declaration.initializer, lineOf(statement), lineOf));
        }
      }
    }
  }
  return /\.[cm]?js$/.test(filename) ? mapToSources(sites, filename, source) : sites;
}

/**
 * tsc's output puts decorators in calls after the class: `__decorate([(0, typeorm_1.Column)()],
 * Item.prototype, "score", void 0)` for a member, `Item = __decorate([(0, typeorm_1.Entity)()],
 * Item)` (or `exports.Item = Item = ...`) for the class. Their first element's line is where the
 * decorator was, and with the source map, where it is in the TypeScript.
 */
function compiledDecorators(expression: ts.Expression, sites: ClassSite[], lineOf: (node: ts.Node) => number): void {
  let call: ts.Expression = expression;
  while (ts.isBinaryExpression(call) && call.operatorToken.kind === ts.SyntaxKind.EqualsToken) call = call.right;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !/^__decorate$/.test(call.expression.text)) return;
  const [list, target, member] = call.arguments;
  if (!list || !ts.isArrayLiteralExpression(list) || !target || list.elements.length === 0) return;
  const first = lineOf(list.elements[0]!);
  if (ts.isPropertyAccessExpression(target) && target.name.text === "prototype" && ts.isIdentifier(target.expression)) {
    const site = sites.find((candidate) => candidate.name === (target.expression as ts.Identifier).text);
    if (site && member && isStringLike(member)) site.members[member.text] = first;
  } else if (ts.isIdentifier(target)) {
    const site = sites.find((candidate) => candidate.name === target.text);
    if (!site) return;
    // Without a source map the class line (`let Item = class Item {`) reads best; with one, the
    // decorator's line maps to the TypeScript @Entity line.
    compiledClassDecoratorLine.set(site, first);
    for (const element of list.elements) {
      if (!ts.isCallExpression(element)) continue;
      const callee = decoratorName(element.expression);
      if (!callee) continue;
      const strings = element.arguments.filter(isStringLike).map((arg) => arg.text);
      const arrays = element.arguments.filter(ts.isArrayLiteralExpression).map((array) => array.elements.filter(isStringLike).map((e) => e.text));
      site.decorators.push({ name: callee, line: lineOf(element), strings, arrays });
    }
  }
}

const compiledClassDecoratorLine = new WeakMap<ClassSite, number>();

/** `(0, typeorm_1.Index)`, `typeorm_1.Index`, `Index` → "Index"; `__metadata(...)` is not one. */
function decoratorName(callee: ts.Expression): string | undefined {
  let current = callee;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.CommaToken) current = current.right;
  if (ts.isPropertyAccessExpression(current)) return current.name.text;
  if (ts.isIdentifier(current) && !current.text.startsWith("__")) return current.text;
  return undefined;
}

/** A compiled file's sites, moved to its TypeScript source's lines when it has a source map. */
function mapToSources(sites: ClassSite[], filename: string, source: string): ClassSite[] {
  if (sites.length === 0) return sites;
  const map = sourceMapLines(filename, source);
  if (!map) return sites;
  return sites.map((site) => {
    const head = map(compiledClassDecoratorLine.get(site) ?? site.line);
    if (!head) return site;
    const line = (n: number) => {
      const mapped = map(n);
      return mapped && mapped.file === head.file ? mapped.line : n;
    };
    return {
      ...site,
      file: head.file,
      line: head.line,
      members: Object.fromEntries(Object.entries(site.members).map(([name, n]) => [name, line(n)])),
      decorators: site.decorators.map((d) => ({ ...d, line: line(d.line) })),
    };
  });
}

/** One statement, valid JS and TS, appended at the end of the module where every class binding is initialised. */
export function siteRegistrationSnippet(filename: string, sites: readonly ClassSite[]): string {
  if (sites.length === 0) return "";
  const entries = sites.map((s) => `[${s.name}, ${s.line}, ${JSON.stringify(s.members)}, ${JSON.stringify(s.decorators)}${s.file ? `, ${JSON.stringify(s.file)}` : ""}]`).join(", ");
  return `\n;{ const __mgSite = globalThis[${JSON.stringify(SITE_REGISTRY_GLOBAL)}]; if (typeof __mgSite === "function") __mgSite(${JSON.stringify(filename)}, [${entries}]); }\n`;
}

/**
 * `export const posts = pgTable("posts", { title: text() }, (t) => [index("x").on(t.title)])`:
 * the statement's line, each key of the columns object with its line, and each entry of the
 * extra-config callback (index, uniqueIndex, unique, foreignKey, check, primaryKey) as a
 * "decorator": its builder name, line, string arguments (the constraint name) and the
 * columns it names through the callback's parameter, so a finding about one index points at it.
 */
function callSite(name: string, call: ts.CallExpression, line: number, lineOf: (node: ts.Node) => number): ClassSite {
  const root = rootCall(call);
  const members: Record<string, number> = {};
  const columns = root.arguments.find(ts.isObjectLiteralExpression);
  for (const property of columns?.properties ?? []) {
    if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) members[property.name.text] = lineOf(property);
  }
  const decorators: ClassDecoratorSite[] = [];
  const extra = root.arguments.find((arg): arg is ts.ArrowFunction | ts.FunctionExpression => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
  const param = extra?.parameters[0]?.name;
  if (extra && param && ts.isIdentifier(param)) {
    for (const entry of extraConfigEntries(extra)) {
      const builder = rootCall(entry);
      if (!ts.isIdentifier(builder.expression)) continue;
      const keys: string[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === param.text) keys.push(node.name.text);
        // foreignColumns name the other table's columns, not this one's.
        if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "foreignColumns") return;
        ts.forEachChild(node, visit);
      };
      visit(entry);
      decorators.push({ name: builder.expression.text, line: lineOf(entry), strings: builder.arguments.filter(isStringLike).map((arg) => arg.text), arrays: [keys] });
    }
  }
  return { name, line, members, decorators };
}

/** `pgTable(...).enableRLS()` → the `pgTable(...)` call; `index("x").on(t.a).where(...)` → `index("x")`. */
function rootCall(node: ts.Expression): ts.CallExpression {
  let current = node;
  let found = ts.isCallExpression(node) ? node : undefined;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) {
    if (ts.isCallExpression(current)) found = current;
    current = current.expression;
  }
  return found!;
}

/** The entries of `(t) => [a, b]`, `(t) => ({ a, b })` or `(t) => { return [a, b]; }`. */
function extraConfigEntries(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression[] {
  let body: ts.Node | undefined = fn.body;
  if (body && ts.isBlock(body)) body = body.statements.find(ts.isReturnStatement)?.expression;
  while (body && ts.isParenthesizedExpression(body)) body = body.expression;
  if (!body) return [];
  const entries = ts.isArrayLiteralExpression(body)
    ? [...body.elements]
    : ts.isObjectLiteralExpression(body)
      ? body.properties.filter(ts.isPropertyAssignment).map((property) => property.initializer)
      : [];
  return entries.filter((entry): entry is ts.CallExpression => ts.isCallExpression(entry));
}

function isStringLike(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

export function parseSource(source: string, filename: string): ts.SourceFile {
  // Parent pointers: the metadata corrections walk up from the nodes they resolve.
  return ts.createSourceFile(filename, source, ts.ScriptTarget.Latest, true, scriptKind(filename));
}

function scriptKind(filename: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(filename)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(filename)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(filename)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
