import { ts } from "ts-morph";
import { collectClassSites, siteRegistrationSnippet } from "./source-sites.js";
import { isUserSource, TYPESCRIPT_EXTENSIONS, type ModuleFormat } from "./module-scope.js";
import type { TsconfigInfo } from "./tsconfig-info.js";
import path from "node:path";

export interface TransformRequest {
  source: string;
  filename: string;
  format: ModuleFormat;
  tsconfig: TsconfigInfo;
}

/**
 * Turns a user file into JavaScript Node can run: TypeScript is transpiled with decorator
 * metadata (TypeORM reads column types from it), and user sources get their class sites
 * registered. Plain JS from node_modules is never passed here.
 */
export function transformModule(request: TransformRequest): string {
  const { filename } = request;
  const userSource = isUserSource(filename);
  const snippet = userSource ? siteRegistrationSnippet(filename, collectClassSites(request.source, filename)) : "";
  if (!TYPESCRIPT_EXTENSIONS.has(path.extname(filename))) return request.source + snippet;

  const output = ts.transpileModule(request.source + snippet, {
    fileName: filename,
    compilerOptions: compilerOptionsFor(request),
    reportDiagnostics: false,
  });
  return output.outputText;
}

function compilerOptionsFor({ format, tsconfig }: TransformRequest): ts.CompilerOptions {
  const user = tsconfig.compilerOptions;
  const userTarget = (user.target as ts.ScriptTarget | undefined) ?? ts.ScriptTarget.ES2017;
  return {
    jsx: user.jsx ?? ts.JsxEmit.ReactJSX,
    jsxImportSource: user.jsxImportSource,
    // Class field semantics follow the user's build: TypeScript defines fields only from ES2022 on.
    useDefineForClassFields: user.useDefineForClassFields ?? userTarget >= ts.ScriptTarget.ES2022,
    target: ts.ScriptTarget.ES2022,
    module: format === "module" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
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
    declaration: false,
  };
}
