import path from "node:path";
import type { SourceLocation } from "../engine/result.js";

/** A path as its reader knows it: relative to `baseDir` (cwd, or the repository root) with forward slashes. */
export function displayPath(file: string, baseDir: string): string {
  const relative = path.relative(baseDir, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join("/");
}

export function displayLocation(location: SourceLocation | undefined, baseDir: string): string | undefined {
  return location && `${displayPath(location.file, baseDir)}:${location.line}`;
}
