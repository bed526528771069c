import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);

// src/worker/module-scope.ts
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var scopeCache = /* @__PURE__ */ new Map();
function packageScope(filename) {
  const dir = path.dirname(filename);
  const cached = scopeCache.get(dir);
  if (cached) return cached;
  let format = "commonjs";
  const pkg = path.join(dir, "package.json");
  if (fs.existsSync(pkg)) {
    try {
      format = JSON.parse(fs.readFileSync(pkg, "utf8")).type === "module" ? "module" : "commonjs";
    } catch {
      format = "commonjs";
    }
  } else if (path.dirname(dir) !== dir) {
    format = packageScope(dir);
  }
  scopeCache.set(dir, format);
  return format;
}
function moduleFormat(filename) {
  const ext = path.extname(filename);
  if (ext === ".mts" || ext === ".mjs") return "module";
  if (ext === ".cts" || ext === ".cjs") return "commonjs";
  return packageScope(filename);
}
var TYPESCRIPT_EXTENSIONS = /* @__PURE__ */ new Set([".ts", ".tsx", ".mts", ".cts"]);
function isUserSource(filename) {
  return !filename.includes(`${path.sep}node_modules${path.sep}`) && !filename.startsWith(OWN_FOLDER);
}
var OWN_FOLDER = path.dirname(fileURLToPath(import.meta.url)) + path.sep;

// src/worker/resolve-paths.ts
import fs2 from "node:fs";
import path2 from "node:path";
var PROBE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".json"];
var OUTPUT_TO_SOURCE = {
  ".js": [".ts", ".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
  ".jsx": [".tsx"]
};
function isFile(candidate) {
  try {
    return fs2.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
function probeSourceFile(base) {
  if (isFile(base)) return base;
  const ext = path2.extname(base);
  for (const sourceExt of OUTPUT_TO_SOURCE[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + sourceExt;
    if (isFile(candidate)) return candidate;
  }
  for (const probe of PROBE_EXTENSIONS) {
    if (isFile(base + probe)) return base + probe;
  }
  const entry = packageEntry(base);
  if (entry) return entry;
  for (const probe of PROBE_EXTENSIONS) {
    const index = path2.join(base, "index" + probe);
    if (isFile(index)) return index;
  }
  return void 0;
}
function packageEntry(dir) {
  let manifest;
  try {
    manifest = JSON.parse(fs2.readFileSync(path2.join(dir, "package.json"), "utf8"));
  } catch {
    return void 0;
  }
  for (const field of [manifest.types, manifest.typings, manifest.main, manifest.module]) {
    if (typeof field !== "string" || /\.d\.[cm]?ts$/.test(field)) continue;
    const target = path2.resolve(dir, field);
    if (isFile(target)) return target;
    const ext = path2.extname(target);
    for (const sourceExt of OUTPUT_TO_SOURCE[ext] ?? []) {
      const candidate = target.slice(0, -ext.length) + sourceExt;
      if (isFile(candidate)) return candidate;
    }
  }
  return void 0;
}
function resolveTsconfigPath(specifier, tsconfig, fromFile) {
  const found = resolveThroughPaths(specifier, tsconfig) ?? (tsconfig.baseUrl && !(fromFile && installedPackage(specifier, fromFile)) ? probeSourceFile(path2.resolve(tsconfig.baseUrl, specifier)) : void 0);
  return found && found !== fromFile ? found : void 0;
}
function installedPackage(specifier, fromFile) {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  for (let dir = path2.dirname(fromFile); ; dir = path2.dirname(dir)) {
    if (fs2.existsSync(path2.join(dir, "node_modules", name, "package.json"))) return true;
    if (path2.dirname(dir) === dir) return false;
  }
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
      const found = probeSourceFile(path2.resolve(baseDir, target.replace("*", captured)));
      if (found) return found;
    }
  }
  return void 0;
}
function isRelativeOrAbsolute(specifier) {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === ".." || path2.isAbsolute(specifier);
}

// src/worker/type-metadata/dependencies.ts
import crypto from "node:crypto";
import fs4 from "node:fs";

// src/worker/type-metadata/resolve-import.ts
import fs3 from "node:fs";
import path3 from "node:path";
function resolveTypeImport(specifier, fromFile, tsconfig) {
  let found;
  if (isRelativeOrAbsolute(specifier)) found = probeTypeSource(path3.resolve(path3.dirname(fromFile), specifier));
  else if (isUserSource(fromFile) && !specifier.includes(":")) found = resolveTsconfigPath(specifier, tsconfig, fromFile);
  if (!found || !isUserSource(found) || !TYPE_SOURCE.test(found)) return void 0;
  return found;
}
var TYPE_SOURCE = /\.(?:[cm]?ts|tsx)$/;
var SOURCE_FOR_OUTPUT = { ".js": [".ts", ".tsx", ".d.ts"], ".mjs": [".mts", ".d.mts"], ".cjs": [".cts", ".d.cts"], ".jsx": [".tsx"] };
function probeTypeSource(base) {
  const ext = path3.extname(base);
  for (const sourceExt of SOURCE_FOR_OUTPUT[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + sourceExt;
    if (isFile2(candidate)) return candidate;
  }
  const probed = probeSourceFile(base);
  if (probed && TYPE_SOURCE.test(probed)) return probed;
  for (const declarationExt of [".d.ts", "/index.d.ts"]) {
    if (isFile2(base + declarationExt)) return base + declarationExt;
  }
  return probed;
}
function isFile2(candidate) {
  try {
    return fs3.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

// src/worker/type-metadata/dependencies.ts
var NO_DEPENDENCIES = { resolutions: [], files: [] };
function contentHash(text) {
  return crypto.createHash("sha1").update(text).digest("hex");
}
var hashes = /* @__PURE__ */ new Map();
function currentHash(file) {
  if (!hashes.has(file)) {
    let hash;
    try {
      hash = contentHash(fs4.readFileSync(file, "utf8"));
    } catch {
      hash = void 0;
    }
    hashes.set(file, hash);
  }
  return hashes.get(file);
}
function dependenciesUnchanged(dependencies, tsconfig) {
  for (const [fromFile, specifier, resolved] of dependencies.resolutions) {
    if ((resolveTypeImport(specifier, fromFile, tsconfig) ?? "") !== resolved) return false;
  }
  return dependencies.files.every(([file, hash]) => currentHash(file) === hash);
}

// src/worker/type-metadata/strict-null-checks.ts
import fs5 from "node:fs";
import path4 from "node:path";
var majors = /* @__PURE__ */ new Map();
function strictNullChecksFor(tsconfig) {
  const options = tsconfig.compilerOptions;
  if (typeof options.strictNullChecks === "boolean") return options.strictNullChecks;
  if (typeof options.strict === "boolean") return options.strict;
  return projectTypescriptMajor(tsconfig.file ? path4.dirname(tsconfig.file) : process.cwd()) >= 6;
}
function projectTypescriptMajor(from) {
  let major = majors.get(from);
  if (major !== void 0) return major;
  major = 0;
  for (let dir = from; ; dir = path4.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs5.readFileSync(path4.join(dir, "node_modules", "typescript", "package.json"), "utf8"));
      major = Number.parseInt(pkg.version ?? "0", 10) || 0;
      break;
    } catch {
    }
    if (path4.dirname(dir) === dir) break;
  }
  majors.set(from, major);
  return major;
}

export {
  packageScope,
  moduleFormat,
  TYPESCRIPT_EXTENSIONS,
  isUserSource,
  probeSourceFile,
  resolveTsconfigPath,
  isRelativeOrAbsolute,
  resolveTypeImport,
  NO_DEPENDENCIES,
  contentHash,
  dependenciesUnchanged,
  strictNullChecksFor
};
