import { readable } from "./readable.js";
import type { GateResult } from "../engine/result.js";
import { displayPath } from "./paths.js";

/** The result as JSON, with paths relative to `baseDir` so the file is portable between machines. */
export function formatJson(given: GateResult, { baseDir }: { baseDir: string }): string {
  const result = readable(given, baseDir);
  const relative = <T extends { location?: { file: string; line: number } }>(item: T): T =>
    item.location ? { ...item, location: { ...item.location, file: displayPath(item.location.file, baseDir) } } : item;
  return JSON.stringify(
    {
      ...result,
      projectDir: displayPath(result.projectDir, baseDir) || ".",
      ...(result.rootDir !== undefined && { rootDir: displayPath(result.rootDir, baseDir) || "." }),
      findings: result.findings.map(relative),
      ...(result.fixed && { fixed: result.fixed.map(relative) }),
      ...(result.change?.suppressionsFile && { change: { ...result.change, suppressionsFile: displayPath(result.change.suppressionsFile, baseDir) } }),
      migrations: result.migrations.map(relative),
    },
    null,
    2,
  );
}
