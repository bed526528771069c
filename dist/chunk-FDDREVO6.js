import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);

// src/worker/module-scope.ts
import fs from "node:fs";
import path from "node:path";
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
  return !filename.includes(`${path.sep}node_modules${path.sep}`);
}

export {
  packageScope,
  moduleFormat,
  TYPESCRIPT_EXTENSIONS,
  isUserSource
};
