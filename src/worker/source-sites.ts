import { ts } from "ts-morph";

/**
 * Source sites: where each class (and each decorated member) of a user file is written.
 *
 * TypeORM metadata has no file paths, and decorators run from `__decorate(...)` calls placed
 * after the class, so stack traces point at the wrong line. Instead, while transforming a
 * user file we append one statement that hands each top-level class object to a registry
 * together with the line of its first decorator. The registry is keyed by the class object
 * itself, so two classes with the same name in different files never mix.
 */

export const SITE_REGISTRY_GLOBAL = "__migrationGateSite";

/**
 * A decorator on the class itself (`@Index("IDX_x", ["a"])`, `@Unique(["a", "b"])`,
 * `@Check("...")`), with its literal arguments, so a finding about one of several class-level
 * indexes can point at its own line.
 */
export interface ClassDecoratorSite {
  name: string;
  line: number;
  /** String and plain template literal arguments, in order. */
  strings: string[];
  /** Array literal arguments, as their string elements. */
  arrays: string[][];
}

export interface ClassSite {
  name: string;
  line: number;
  members: Record<string, number>;
  decorators: ClassDecoratorSite[];
}

export type SiteCallback = (file: string, classes: Array<[unknown, number, Record<string, number>, ClassDecoratorSite[]?]>) => void;

export function collectClassSites(source: string, filename: string): ClassSite[] {
  if (!source.includes("class")) return [];
  const sourceFile = ts.createSourceFile(filename, source, ts.ScriptTarget.Latest, false, scriptKind(filename));
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
    if (ts.isClassDeclaration(statement) && statement.name) {
      const isAmbient = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword);
      if (!isAmbient) addClass(statement.name.text, statement, siteLine(statement, statement.name));
    } else if (ts.isVariableStatement(statement)) {
      // tsc's output for decorated classes: `let Share = class Share { ... }`
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer && ts.isClassExpression(declaration.initializer)) {
          addClass(declaration.name.text, declaration.initializer, lineOf(declaration));
        }
      }
    }
  }
  return sites;
}

/** One statement, valid JS and TS, appended at the end of the module where every class binding is initialised. */
export function siteRegistrationSnippet(filename: string, sites: readonly ClassSite[]): string {
  if (sites.length === 0) return "";
  const entries = sites.map((s) => `[${s.name}, ${s.line}, ${JSON.stringify(s.members)}, ${JSON.stringify(s.decorators)}]`).join(", ");
  return `\n;{ const __mgSite = globalThis[${JSON.stringify(SITE_REGISTRY_GLOBAL)}]; if (typeof __mgSite === "function") __mgSite(${JSON.stringify(filename)}, [${entries}]); }\n`;
}

function isStringLike(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

function scriptKind(filename: string): ts.ScriptKind {
  if (/\.[cm]?tsx$/.test(filename)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(filename)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(filename)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}
