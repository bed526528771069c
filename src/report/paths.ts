import path from "node:path";
import type { SourceLocation } from "../engine/result.js";

/**
 * A path as its reader knows it: relative to `baseDir` (the current folder for the console, the
 * repository root for annotations, the check run and SARIF) with forward slashes; never absolute
 * (a schema file outside the package reads `../../packages/db/schema.ts`).
 */
export function displayPath(file: string, baseDir: string): string {
  const relative = path.relative(baseDir, file);
  if (path.isAbsolute(relative)) return file; // another drive: nothing relative exists
  return relative.split(path.sep).join("/");
}

/**
 * Rules name files in messages and hints by their absolute path, so every reporter can show them
 * exactly as it shows locations: each absolute path under `root` (the repository, or the
 * project) becomes relative to `baseDir`. Only paths under the root are touched: a URL path in a
 * default or a statement stays as it is.
 */
export function displayText(text: string, baseDir: string, root: string): string {
  if (!text.includes(root)) return text;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return text.replace(new RegExp(`${escape(prefix)}[^\\s'"\`),;]*`, "g"), (file) => {
    const trailing = /[.:]+$/.exec(file)?.[0] ?? "";
    const shown = displayPath(file.slice(0, file.length - trailing.length), baseDir);
    return (shown || ".") + trailing;
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function displayLocation(location: SourceLocation | undefined, baseDir: string): string | undefined {
  return location && `${displayPath(location.file, baseDir)}:${location.line}`;
}
