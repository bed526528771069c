/**
 * ESM side of our loader, registered with module.register() and run on Node's hooks thread.
 * It transpiles .ts/.mts files of "type": "module" projects, maps `./x.js` to `./x.ts` and
 * tsconfig `paths`, and injects source sites into the user's ESM .js files.
 *
 * The transpiler is imported statically: a dynamic import() from inside a hook is routed
 * through these same hooks and deadlocks. That is also why the worker registers these hooks
 * only for ESM projects (see needsEsmHooks), keeping TypeScript off this thread otherwise.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isUserSource, moduleFormat, TYPESCRIPT_EXTENSIONS } from "./module-scope.js";
import { isRelativeOrAbsolute, probeSourceFile, resolveTsconfigPath } from "./resolve-paths.js";
import { cachedTransform } from "./transform-cache.js";
import type { TsconfigInfo } from "./tsconfig-info.js";
import type { EsmHooksData } from "./transform-settings.js";
import { flushCacheWrites } from "./cache-writes.js";
import { withoutSourceMapComment } from "./source-map-comment.js";

interface ResolveContext {
  parentURL?: string;
}
interface LoadResult {
  format?: string;
  source?: string | ArrayBuffer | Uint8Array;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string; format?: string }>;
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

let tsconfig: TsconfigInfo = { compilerOptions: {} };
let cacheDir: string | undefined;
let oxcBinding: string | undefined;

export function initialize(data: EsmHooksData): void {
  ({ tsconfig, cacheDir, oxcBinding } = data);
  const port = data.flushPort;
  port.on("message", () => void flushCacheWrites().then(() => port.postMessage("flushed")));
  // The port must not keep this thread (and with it the worker) alive.
  port.unref();
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
  // tsconfig resolution applies to the user's own imports, never to a dependency's.
  const fromUserSource = context.parentURL?.startsWith("file:") && isUserSource(fileURLToPath(context.parentURL));
  if (!isRelativeOrAbsolute(specifier) && !specifier.includes(":") && fromUserSource) {
    const mapped = resolveTsconfigPath(specifier, tsconfig, fileURLToPath(context.parentURL!));
    if (mapped) return { url: pathToFileURL(mapped).href, shortCircuit: true };
  }
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const parent = context.parentURL;
    const relative = isRelativeOrAbsolute(specifier) || specifier.startsWith("file:");
    if ((code === "ERR_MODULE_NOT_FOUND" || code === "ERR_UNSUPPORTED_DIR_IMPORT") && relative && parent?.startsWith("file:")) {
      const base = specifier.startsWith("file:") ? fileURLToPath(specifier) : path.resolve(path.dirname(fileURLToPath(parent)), specifier);
      const probed = probeSourceFile(base);
      if (probed) return { url: pathToFileURL(probed).href, shortCircuit: true };
    }
    throw error;
  }
}

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  if (!url.startsWith("file:")) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const ext = path.extname(filename);
  const format = moduleFormat(filename);
  const isTypeScript = TYPESCRIPT_EXTENSIONS.has(ext);
  const userSource = isUserSource(filename);
  if (!isTypeScript && !userSource) return withoutDependencySourceMap(await nextLoad(url, context));
  if (!isTypeScript && !(format === "module" && (ext === ".js" || ext === ".mjs"))) return nextLoad(url, context);
  // CommonJS files go to the CommonJS loader (no source), where our require hook transpiles them.
  if (format === "commonjs") return { format: "commonjs", shortCircuit: true };
  const source = fs.readFileSync(filename, "utf8");
  return { format: "module", source: cachedTransform({ source, filename, format, tsconfig, ...(oxcBinding && { oxcBinding }) }, cacheDir), shortCircuit: true };
}

/**
 * A dependency's ES module without its trailing source-map comment, as register-cjs.ts does for
 * CommonJS ones: no report points into a dependency, and Node would read and parse its map.
 * CommonJS results carry no source here (the CommonJS loader reads them), so they pass as they are.
 */
function withoutDependencySourceMap(result: LoadResult): LoadResult {
  if (result.format !== "module" || result.source === undefined) return result;
  const text = typeof result.source === "string" ? result.source : Buffer.from(result.source as Uint8Array).toString("utf8");
  return { ...result, source: withoutSourceMapComment(text) };
}
