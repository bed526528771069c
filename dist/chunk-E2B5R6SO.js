import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  VERSION
} from "./chunk-22ADNI7Q.js";

// src/worker/resolve-paths.ts
import fs from "node:fs";
import path from "node:path";
var PROBE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".json"];
var OUTPUT_TO_SOURCE = {
  ".js": [".ts", ".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
  ".jsx": [".tsx"]
};
function isFile(candidate) {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
function probeSourceFile(base) {
  if (isFile(base)) return base;
  const ext = path.extname(base);
  for (const sourceExt of OUTPUT_TO_SOURCE[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + sourceExt;
    if (isFile(candidate)) return candidate;
  }
  for (const probe of PROBE_EXTENSIONS) {
    if (isFile(base + probe)) return base + probe;
  }
  for (const probe of PROBE_EXTENSIONS) {
    const index = path.join(base, "index" + probe);
    if (isFile(index)) return index;
  }
  return void 0;
}
function resolveTsconfigPath(specifier, tsconfig) {
  return resolveThroughPaths(specifier, tsconfig) ?? (tsconfig.baseUrl ? probeSourceFile(path.resolve(tsconfig.baseUrl, specifier)) : void 0);
}
function resolveThroughPaths(specifier, tsconfig) {
  if (!tsconfig.paths) return void 0;
  const { baseDir, patterns } = tsconfig.paths;
  for (const [pattern, targets] of Object.entries(patterns)) {
    const star = pattern.indexOf("*");
    let captured;
    if (star === -1) {
      if (pattern !== specifier) continue;
      captured = "";
    } else {
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) continue;
      captured = specifier.slice(prefix.length, specifier.length - suffix.length);
    }
    for (const target of targets) {
      const found = probeSourceFile(path.resolve(baseDir, target.replace("*", captured)));
      if (found) return found;
    }
  }
  return void 0;
}
function isRelativeOrAbsolute(specifier) {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === ".." || path.isAbsolute(specifier);
}

// src/worker/transform-cache.ts
import crypto from "node:crypto";
import fs2 from "node:fs";
import path2 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";

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
var BUILD_STAMP = `${VERSION}:${buildTime()}`;
function buildTime() {
  try {
    return fs2.statSync(fileURLToPath2(new URL("./transformer.js", import.meta.url))).mtimeMs;
  } catch {
    return 0;
  }
}
function cachedTransform(request, cacheDir) {
  if (!cacheDir) return loadTransformer().transformModule(request);
  const key = crypto.createHash("sha256").update(`${BUILD_STAMP}\0${request.filename}\0${request.format}\0${JSON.stringify(request.tsconfig.compilerOptions)}\0`).update(request.source).digest("hex");
  const file = path2.join(cacheDir, key.slice(0, 2), `${key.slice(2)}.js`);
  try {
    return fs2.readFileSync(file, "utf8");
  } catch {
  }
  const output = loadTransformer().transformModule(request);
  try {
    fs2.mkdirSync(path2.dirname(file), { recursive: true });
    const staging = `${file}.${process.pid}.tmp`;
    fs2.writeFileSync(staging, output);
    fs2.renameSync(staging, file);
  } catch {
  }
  return output;
}

export {
  probeSourceFile,
  resolveTsconfigPath,
  isRelativeOrAbsolute,
  loadTransformer,
  transformCacheDir,
  cachedTransform
};
