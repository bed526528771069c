import path from "node:path";
import { commonJsFromRunner, unwrapClassGuards } from "./commonjs-from-runner.js";
import { loadOxcBinding, type OxcResult } from "./oxc-binding.js";
import { runtimePrelude } from "./oxc-runtime.js";
import { composeSourceMaps, inlineSourceMapComment, shiftLines, type RawSourceMap } from "./source-map-compose.js";

export interface OxcTranspileRequest {
  /** The corrected source (type-metadata edits applied, site registration appended). */
  source: string;
  filename: string;
  format: "commonjs" | "module";
  binding: string;
  useDefineForClassFields: boolean;
  strictNullChecks: boolean;
  jsx: "react-jsx" | "react";
  jsxImportSource?: string;
  isImportedClass: (dotted: string) => boolean;
}

/** The helpers the prelude defines; output that needs another one is left to TypeScript. */
const KNOWN_HELPERS = new Set(["decorate", "decorateMetadata", "decorateParam"]);

/**
 * TypeScript to JavaScript with oxc, with the options transform.ts gives TypeScript: legacy
 * decorators with metadata (strictNullChecks as the project has it), class fields as the
 * project's target implies, ES2022 out. Returns undefined where oxc's output would not be
 * what TypeScript's is (a syntax error, a helper we do not define), so the caller falls back.
 */
export function oxcTranspile(request: OxcTranspileRequest): string | undefined {
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
    jsx: { runtime: request.jsx === "react" ? "classic" : "automatic", ...(request.jsxImportSource && { importSource: request.jsxImportSource }) },
  });
  if (failed(stripped)) return undefined;
  if (Object.keys(stripped.helpersUsed ?? {}).some((helper) => !KNOWN_HELPERS.has(helper))) return undefined;
  const source = path.basename(request.filename);
  const strippedMap: RawSourceMap = { ...stripped.map!, sources: [source] };
  if (request.format === "module") return finish(request.format, stripped.code, strippedMap);

  const js = unwrapClassGuards(stripped.code, request.isImportedClass);
  const runner = binding.moduleRunnerTransformSync(request.filename.replace(/\.[cm]?tsx?$/, ".js"), js, { sourcemap: true });
  if (failed(runner)) return undefined;
  return finish(request.format, commonJsFromRunner(runner.code), composeSourceMaps(runner.map!, strippedMap));
}

function finish(format: "commonjs" | "module", code: string, map: RawSourceMap): string {
  return `${runtimePrelude(format)}\n${code}\n${inlineSourceMapComment(shiftLines(map, 1))}\n`;
}

function failed(result: OxcResult): boolean {
  return !result.map || result.errors.some((error) => error.severity === "Error");
}
