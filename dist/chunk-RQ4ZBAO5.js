import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);

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

export {
  probeSourceFile,
  resolveTsconfigPath,
  isRelativeOrAbsolute
};
