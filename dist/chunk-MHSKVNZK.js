import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);
import {
  VERSION,
  isFixOverlayFile
} from "./chunk-4MEC2Z5D.js";
import {
  dependenciesUnchanged,
  strictNullChecksFor
} from "./chunk-P6JH7XNJ.js";

// src/worker/cache-writes.ts
import fs from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
var queue = Promise.resolve();
var queued = 0;
var madeFolders = /* @__PURE__ */ new Set();
var staged = 0;
function writeCacheFile(file, content) {
  track(async () => {
    const folder = path.dirname(file);
    if (!madeFolders.has(folder)) {
      await fs.promises.mkdir(folder, { recursive: true });
      madeFolders.add(folder);
      await sweepStaleStaging(folder);
    }
    const staging = `${file}.${process.pid}-${threadId}-${++staged}.tmp`;
    await fs.promises.writeFile(staging, content);
    await fs.promises.rename(staging, file).catch(async (error) => {
      await fs.promises.rm(staging, { force: true });
      throw error;
    });
  });
}
var STALE_STAGING_MS = 6e4;
async function sweepStaleStaging(folder) {
  const names = await fs.promises.readdir(folder).catch(() => []);
  const before = Date.now() - STALE_STAGING_MS;
  for (const name of names) {
    if (!name.endsWith(".tmp")) continue;
    const file = path.join(folder, name);
    const stat = await fs.promises.stat(file).catch(() => void 0);
    if (stat && stat.mtimeMs < before) await fs.promises.rm(file, { force: true });
  }
}
function touchCacheFile(file) {
  track(async () => {
    const now = /* @__PURE__ */ new Date();
    await fs.promises.utimes(file, now, now);
  });
}
async function flushCacheWrites() {
  while (queued > 0) await queue;
}
function track(write) {
  queued++;
  queue = queue.then(write).catch(() => void 0).finally(() => queued--);
}

// src/worker/transform-cache.ts
import crypto from "node:crypto";
import fs2 from "node:fs";
import path2 from "node:path";

// src/worker/load-transformer.ts
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var transformer;
function loadTransformer() {
  transformer ??= createRequire(import.meta.url)(fileURLToPath(new URL("./transformer.js", import.meta.url)));
  return transformer;
}

// src/worker/transform-cache.ts
function transformCacheDir(projectDir) {
  if (process.env["MIGRATION_GATE_TRANSFORM_CACHE"] === "off") return void 0;
  const modules = path2.join(projectDir, "node_modules");
  if (!fs2.existsSync(modules)) return void 0;
  return path2.join(modules, ".cache", "migration-gate", "transform");
}
var BUILD_STAMP = `${VERSION}:${true ? "f874032ab624bc5d" : unbundledStamp()}`;
function cachedTransform(request, cacheDir) {
  if (!cacheDir || isFixOverlayFile(request.filename)) return loadTransformer().transformModuleWithDependencies(request).code;
  const strictNullChecks = strictNullChecksFor(request.tsconfig);
  const key = crypto.createHash("sha256").update(`${BUILD_STAMP}\0${request.oxcBinding ? "oxc" : "typescript"}\0${request.filename}\0${request.format}\0${JSON.stringify(request.tsconfig.compilerOptions)}\0${strictNullChecks}\0`).update(request.source).digest("hex");
  const file = path2.join(cacheDir, key.slice(0, 2), `${key.slice(2)}.js`);
  const cached = readEntry(file, request);
  if (cached !== void 0) return cached;
  const { code, dependencies } = loadTransformer().transformModuleWithDependencies(request);
  writeCacheFile(file, `${JSON.stringify(dependencies)}
${code}`);
  return code;
}
function readEntry(file, request) {
  let entry;
  try {
    entry = fs2.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const newline = entry.indexOf("\n");
  if (newline === -1) return void 0;
  try {
    const dependencies = JSON.parse(entry.slice(0, newline));
    if (!dependenciesUnchanged(dependencies, request.tsconfig)) return void 0;
  } catch {
    return void 0;
  }
  touchCacheFile(file);
  return entry.slice(newline + 1);
}

export {
  loadTransformer,
  writeCacheFile,
  flushCacheWrites,
  transformCacheDir,
  cachedTransform
};
