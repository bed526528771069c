import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION } from "../version.js";
import { isFixOverlayFile } from "../engine/fix/overlay-folder.js";
import { loadTransformer } from "./load-transformer.js";
import { touchCacheFile, writeCacheFile } from "./cache-writes.js";
import type { TransformRequest } from "./transform.js";
import { dependenciesUnchanged, type MetadataDependencies } from "./type-metadata/dependencies.js";
import { strictNullChecksFor } from "./type-metadata/strict-null-checks.js";

/**
 * Transformed user files on disk, keyed by everything the output depends on (our version,
 * transpiler, the file's path, its content, the module format, the compiler options and the
 * strictNullChecks they mean). Transpiling is the biggest cost of a run on a large project;
 * an unchanged file is read back instead. Lives in the project's node_modules/.cache, like
 * babel's and eslint's, so CI can keep it with the dependency cache.
 *
 * Decorator metadata also depends on other files (an imported enum decides String or Number),
 * which the key cannot know before TypeScript has read the file. So each entry starts with one
 * line listing those dependencies (imports resolved, files read, by content hash), and is
 * served only while they all still hold; otherwise the file is transformed again and the
 * entry rewritten. The output itself is returned without that line, unchanged.
 */
export function transformCacheDir(projectDir: string): string | undefined {
  if (process.env["MIGRATION_GATE_TRANSFORM_CACHE"] === "off") return undefined;
  const modules = path.join(projectDir, "node_modules");
  if (!fs.existsSync(modules)) return undefined;
  return path.join(modules, ".cache", "migration-gate", "transform");
}

/**
 * Our own build, so a rebuilt gate (during development too) never reads a stale output: the
 * hash of the sources dist/ was built from (scripts/build.mjs defines it). Not the files'
 * mtimes: the action's dist/ is checked out anew on every runner, and the entries restored
 * from the Actions cache must still match.
 */
declare const MIGRATION_GATE_BUILD_ID: string | undefined;
const BUILD_STAMP = `${VERSION}:${typeof MIGRATION_GATE_BUILD_ID === "string" ? MIGRATION_GATE_BUILD_ID : unbundledStamp()}`;

/** Bundled without the define (a test's own esbuild bundle): the transformer's build time. */
function unbundledStamp(): number {
  try {
    return fs.statSync(fileURLToPath(new URL("./transformer.js", import.meta.url))).mtimeMs;
  } catch {
    return 0;
  }
}

export function cachedTransform(request: TransformRequest, cacheDir: string | undefined): string {
  if (!cacheDir || isFixOverlayFile(request.filename)) return loadTransformer().transformModuleWithDependencies(request).code;
  const strictNullChecks = strictNullChecksFor(request.tsconfig);
  const key = crypto
    .createHash("sha256")
    .update(`${BUILD_STAMP}\0${request.oxcBinding ? "oxc" : "typescript"}\0${request.filename}\0${request.format}\0${JSON.stringify(request.tsconfig.compilerOptions)}\0${strictNullChecks}\0`)
    .update(request.source)
    .digest("hex");
  const file = path.join(cacheDir, key.slice(0, 2), `${key.slice(2)}.js`);
  const cached = readEntry(file, request);
  if (cached !== undefined) return cached;

  const { code, dependencies } = loadTransformer().transformModuleWithDependencies(request);
  writeCacheFile(file, `${JSON.stringify(dependencies)}\n${code}`);
  return code;
}

function readEntry(file: string, request: TransformRequest): string | undefined {
  let entry: string;
  try {
    entry = fs.readFileSync(file, "utf8");
  } catch {
    return undefined; // Not cached yet.
  }
  const newline = entry.indexOf("\n");
  if (newline === -1) return undefined;
  try {
    const dependencies = JSON.parse(entry.slice(0, newline)) as MetadataDependencies;
    if (!dependenciesUnchanged(dependencies, request.tsconfig)) return undefined;
  } catch {
    return undefined; // An entry from before dependencies were recorded, or a torn one.
  }
  // Used by this run: the action saves only entries a run used (action/keep-transform-cache.ts).
  touchCacheFile(file);
  return entry.slice(newline + 1);
}
