import fs from "node:fs";
import path from "node:path";
import type { TsconfigInfo } from "./tsconfig-info.js";

const PROBE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".json"];
/** TS sources are imported by their output name (`./user.js` for user.ts) in NodeNext projects. */
const OUTPUT_TO_SOURCE: Record<string, string[]> = {
  ".js": [".ts", ".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
  ".jsx": [".tsx"],
};

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

/** The file a TS-style import of `base` means: as is, by output name, with an extension, or as a folder index. */
export function probeSourceFile(base: string): string | undefined {
  if (isFile(base)) return base;
  const ext = path.extname(base);
  for (const sourceExt of OUTPUT_TO_SOURCE[ext] ?? []) {
    const candidate = base.slice(0, -ext.length) + sourceExt;
    if (isFile(candidate)) return candidate;
  }
  for (const probe of PROBE_EXTENSIONS) {
    if (isFile(base + probe)) return base + probe;
  }
  // A folder with its own package.json (a workspace package a `paths` entry points at): its entry, as Node and tsc read it.
  const entry = packageEntry(base);
  if (entry) return entry;
  for (const probe of PROBE_EXTENSIONS) {
    const index = path.join(base, "index" + probe);
    if (isFile(index)) return index;
  }
  return undefined;
}

function packageEntry(dir: string): string | undefined {
  let manifest: { types?: unknown; typings?: unknown; main?: unknown; module?: unknown };
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as typeof manifest;
  } catch {
    return undefined;
  }
  // Sources first: `types: "src/index.ts"` names the TypeScript tsc reads; `main` may be build output.
  for (const field of [manifest.types, manifest.typings, manifest.main, manifest.module]) {
    if (typeof field !== "string" || /\.d\.[cm]?ts$/.test(field)) continue;
    const target = path.resolve(dir, field);
    if (isFile(target)) return target;
    const ext = path.extname(target);
    for (const sourceExt of OUTPUT_TO_SOURCE[ext] ?? []) {
      const candidate = target.slice(0, -ext.length) + sourceExt;
      if (isFile(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Resolves a bare specifier the way the project's runtime sees it: through `paths` (which a
 * project only uses at runtime with a loader that honours them), then from `baseUrl`, unless
 * an installed package of that name exists: Node never applies `baseUrl`, so `import "stripe"`
 * is the package even when `src/stripe/` sits under `baseUrl`. Never the importing file itself.
 * Undefined when neither names a file, so packages resolve as usual.
 */
export function resolveTsconfigPath(specifier: string, tsconfig: TsconfigInfo, fromFile?: string): string | undefined {
  const found = resolveThroughPaths(specifier, tsconfig) ?? (tsconfig.baseUrl && !(fromFile && installedPackage(specifier, fromFile)) ? probeSourceFile(path.resolve(tsconfig.baseUrl, specifier)) : undefined);
  return found && found !== fromFile ? found : undefined;
}

/** Whether `node_modules/<package>` exists in a folder above the importing file. */
function installedPackage(specifier: string, fromFile: string): boolean {
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  for (let dir = path.dirname(fromFile); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "node_modules", name, "package.json"))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

function resolveThroughPaths(specifier: string, tsconfig: TsconfigInfo): string | undefined {
  if (!tsconfig.paths) return undefined;
  const { baseDir, patterns } = tsconfig.paths;
  for (const [pattern, targets] of Object.entries(patterns)) {
    const star = pattern.indexOf("*");
    let captured: string | undefined;
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
  return undefined;
}

export function isRelativeOrAbsolute(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === ".." || path.isAbsolute(specifier);
}
