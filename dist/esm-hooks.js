import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  withoutSourceMapComment
} from "./chunk-NBB2ASZL.js";
import {
  cachedTransform,
  flushCacheWrites
} from "./chunk-MHSKVNZK.js";
import "./chunk-4MEC2Z5D.js";
import {
  TYPESCRIPT_EXTENSIONS,
  isRelativeOrAbsolute,
  isUserSource,
  moduleFormat,
  probeSourceFile,
  resolveTsconfigPath
} from "./chunk-P6JH7XNJ.js";
import "./chunk-GTCHOZW6.js";

// src/worker/esm-hooks.ts
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
var tsconfig = { compilerOptions: {} };
var cacheDir;
var oxcBinding;
function initialize(data) {
  ({ tsconfig, cacheDir, oxcBinding } = data);
  const port = data.flushPort;
  port.on("message", () => void flushCacheWrites().then(() => port.postMessage("flushed")));
  port.unref();
}
async function resolve(specifier, context, nextResolve) {
  const fromUserSource = context.parentURL?.startsWith("file:") && isUserSource(fileURLToPath(context.parentURL));
  if (!isRelativeOrAbsolute(specifier) && !specifier.includes(":") && fromUserSource) {
    const mapped = resolveTsconfigPath(specifier, tsconfig, fileURLToPath(context.parentURL));
    if (mapped) return { url: pathToFileURL(mapped).href, shortCircuit: true };
  }
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const code = error.code;
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
async function load(url, context, nextLoad) {
  if (!url.startsWith("file:")) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const ext = path.extname(filename);
  const format = moduleFormat(filename);
  const isTypeScript = TYPESCRIPT_EXTENSIONS.has(ext);
  const userSource = isUserSource(filename);
  if (!isTypeScript && !userSource) return withoutDependencySourceMap(await nextLoad(url, context));
  if (!isTypeScript && !(format === "module" && (ext === ".js" || ext === ".mjs"))) return nextLoad(url, context);
  if (format === "commonjs") return { format: "commonjs", shortCircuit: true };
  const source = fs.readFileSync(filename, "utf8");
  return { format: "module", source: cachedTransform({ source, filename, format, tsconfig, ...oxcBinding && { oxcBinding } }, cacheDir), shortCircuit: true };
}
function withoutDependencySourceMap(result) {
  if (result.format !== "module" || result.source === void 0) return result;
  const text = typeof result.source === "string" ? result.source : Buffer.from(result.source).toString("utf8");
  return { ...result, source: withoutSourceMapComment(text) };
}
export {
  initialize,
  load,
  resolve
};
