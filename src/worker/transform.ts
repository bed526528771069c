import { ts } from "./typescript.js";
import { collectClassSites, parseSource, siteRegistrationSnippet } from "./source-sites.js";
import { isUserSource, TYPESCRIPT_EXTENSIONS, type ModuleFormat } from "./module-scope.js";
import type { TsconfigInfo } from "./tsconfig-info.js";
import { NO_DEPENDENCIES, type MetadataDependencies } from "./type-metadata/dependencies.js";
import { classGuardTransformer } from "./type-metadata/class-guards.js";
import { applyEdits, metadataCorrections } from "./type-metadata/metadata-edits.js";
import { strictNullChecksFor } from "./type-metadata/strict-null-checks.js";
import { oxcTranspile } from "./fast-transform/oxc-transpile.js";
import path from "node:path";

export interface TransformRequest {
  source: string;
  filename: string;
  format: ModuleFormat;
  tsconfig: TsconfigInfo;
  /** oxc-transform's binding (a .node file): the fast transpiler, TypeScript where it cannot serve. */
  oxcBinding?: string;
}

export interface TransformOutput {
  code: string;
  /** Other files the output's decorator metadata was derived from (see type-metadata/). */
  dependencies: MetadataDependencies;
  /** Which transpiler wrote `code`. */
  transpiler: "oxc" | "typescript" | "none";
}

/**
 * Turns a user file into JavaScript Node can run: TypeScript is transpiled with decorator
 * metadata (TypeORM reads column types from it), and user sources get their class sites
 * registered. Plain JS from node_modules is never passed here. The file is parsed once, by
 * TypeScript's parser: the sites and the metadata corrections come from that parse; the
 * corrected text is then transpiled by oxc when it is available (about a hundredth of
 * TypeScript's time per file), else by TypeScript, to the same output semantics.
 */
export function transformModule(request: TransformRequest): string {
  return transformModuleWithDependencies(request).code;
}

export function transformModuleWithDependencies(request: TransformRequest): TransformOutput {
  const { filename } = request;
  const userSource = isUserSource(filename);
  const typescript = TYPESCRIPT_EXTENSIONS.has(path.extname(filename));
  const parsed = typescript ? parseSource(request.source, filename) : undefined;
  const snippet = userSource ? siteRegistrationSnippet(filename, collectClassSites(request.source, filename, parsed)) : "";
  if (!parsed) return { code: request.source + snippet, dependencies: NO_DEPENDENCIES, transpiler: "none" };

  const compilerOptions = compilerOptionsFor(request);
  const esm = request.format === "module";
  // Types imported from other files are invisible to a one-file transpile: resolved here.
  const correct = (transpiler: "oxc" | "typescript") =>
    metadataCorrections(parsed, { tsconfig: request.tsconfig, strictNullChecks: compilerOptions.strictNullChecks === true, esm, transpiler });
  if (request.oxcBinding) {
    const corrections = correct("oxc");
    const code =
      corrections.needsTypeScript
        ? undefined
        : oxcTranspile({
            source: applyEdits(request.source, corrections.edits) + snippet,
            filename,
            format: request.format,
            binding: request.oxcBinding,
            useDefineForClassFields: compilerOptions.useDefineForClassFields === true,
            strictNullChecks: compilerOptions.strictNullChecks === true,
            jsx: compilerOptions.jsx === ts.JsxEmit.React ? "react" : "react-jsx",
            ...(compilerOptions.jsxImportSource && { jsxImportSource: compilerOptions.jsxImportSource }),
            isImportedClass: corrections.isImportedClass,
          });
    if (code !== undefined) return { code, dependencies: corrections.dependencies, transpiler: "oxc" };
  }
  const corrections = correct("typescript");
  const corrected = applyEdits(request.source, corrections.edits) + snippet;
  const output = ts.transpileModule(corrected, {
    fileName: filename,
    compilerOptions,
    reportDiagnostics: false,
    transformers: esm ? {} : { after: [classGuardTransformer(corrections.isImportedClass)] },
  });
  return { code: output.outputText, dependencies: corrections.dependencies, transpiler: "typescript" };
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
