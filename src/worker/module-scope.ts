import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type ModuleFormat = "module" | "commonjs";

const scopeCache = new Map<string, ModuleFormat>();

/** The format Node gives a .js/.ts file: the `type` of the nearest package.json. */
export function packageScope(filename: string): ModuleFormat {
  const dir = path.dirname(filename);
  const cached = scopeCache.get(dir);
  if (cached) return cached;
  let format: ModuleFormat = "commonjs";
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

/** Format of a file by extension first, then package scope: the rule TypeORM's loader follows too. */
export function moduleFormat(filename: string): ModuleFormat {
  const ext = path.extname(filename);
  if (ext === ".mts" || ext === ".mjs") return "module";
  if (ext === ".cts" || ext === ".cjs") return "commonjs";
  return packageScope(filename);
}

export const TYPESCRIPT_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts"]);

/**
 * The user's own sources, which get source sites injected: anything outside node_modules,
 * so sibling packages of a monorepo (reached through tsconfig paths or workspaces) count too.
 */
export function isUserSource(filename: string): boolean {
  return !filename.includes(`${path.sep}node_modules${path.sep}`) && !filename.startsWith(OWN_FOLDER);
}

/**
 * The gate's own dist/ (this chunk's folder), which is never the user's even when it sits
 * outside node_modules (the action's checkout, a copy with no package.json): our transformer,
 * loaded on the first cache miss, must not be transformed by the hook that called it.
 */
const OWN_FOLDER = path.dirname(fileURLToPath(import.meta.url)) + path.sep;
