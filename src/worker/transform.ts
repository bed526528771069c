import { ts } from "ts-morph";
import { collectClassSites, siteRegistrationSnippet } from "./source-sites.js";
import { isUserSource, TYPESCRIPT_EXTENSIONS, type ModuleFormat } from "./module-scope.js";
import type { TsconfigInfo } from "./tsconfig-info.js";
import { NO_DEPENDENCIES, type MetadataDependencies } from "./type-metadata/dependencies.js";
import { metadataTransformers } from "./type-metadata/metadata-transformer.js";
import { strictNullChecksFor } from "./type-metadata/strict-null-checks.js";
import path from "node:path";

export interface TransformRequest {
  source: string;
  filename: string;
  format: ModuleFormat;
  tsconfig: TsconfigInfo;
}

export interface TransformOutput {
  code: string;
  /** Other files the output's decorator metadata was derived from (see type-metadata/). */
  dependencies: MetadataDependencies;
}

/**
 * Turns a user file into JavaScript Node can run: TypeScript is transpiled with decorator
 * metadata (TypeORM reads column types from it), and user sources get their class sites
 * registered. Plain JS from node_modules is never passed here.
 */
export function transformModule(request: TransformRequest): string {
  return transformModuleWithDependencies(request).code;
}

export function transformModuleWithDependencies(request: TransformRequest): TransformOutput {
  const { filename } = request;
  const userSource = isUserSource(filename);
  const snippet = userSource ? siteRegistrationSnippet(filename, collectClassSites(request.source, filename)) : "";
  if (!TYPESCRIPT_EXTENSIONS.has(path.extname(filename))) return { code: request.source + snippet, dependencies: NO_DEPENDENCIES };

  const compilerOptions = compilerOptionsFor(request);
  // Types imported from other files are invisible to a one-file transpile: resolved here.
  const metadata = metadataTransformers({
    tsconfig: request.tsconfig,
    strictNullChecks: compilerOptions.strictNullChecks === true,
    esm: request.format === "module",
  });
  const output = ts.transpileModule(request.source + snippet, {
    fileName: filename,
    compilerOptions,
    reportDiagnostics: false,
    transformers: metadata.transformers,
  });
  return { code: output.outputText, dependencies: metadata.dependencies() };
}

function compilerOptionsFor({ format, tsconfig }: TransformRequest): ts.CompilerOptions {
  const user = tsconfig.compilerOptions;
  const userTarget = (user.target as ts.ScriptTarget | undefined) ?? ts.ScriptTarget.ES2017;
  return {
    jsx: user.jsx ?? ts.JsxEmit.ReactJSX,
    jsxImportSource: user.jsxImportSource,
    // Class field semantics follow the user's build: TypeScript defines fields only from ES2022 on.
    useDefineForClassFields: user.useDefineForClassFields ?? userTarget >= ts.ScriptTarget.ES2022,
    // Decorator metadata of `T | null` depends on it (String without, Object with), as in the user's tsc build.
    strictNullChecks: strictNullChecksFor(tsconfig),
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
