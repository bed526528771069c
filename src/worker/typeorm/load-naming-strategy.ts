import path from "node:path";
import { GateError } from "../../engine/errors.js";
import type { ModuleRef } from "../../engine/parse-options.js";
import { importUserModule } from "../import-user-module.js";

/** The naming strategy for glob-configured projects: an exported class (instantiated) or instance. */
export async function loadNamingStrategy(ref: ModuleRef, projectDir: string, projectRequire: NodeJS.Require): Promise<unknown> {
  const shown = path.relative(projectDir, ref.file);
  const exports = await importUserModule(ref.file, projectRequire);
  const looksLikeStrategy = (value: unknown) =>
    (typeof value === "function" && typeof (value as { prototype?: { tableName?: unknown } }).prototype?.tableName === "function") ||
    (typeof value === "object" && value !== null && typeof (value as { tableName?: unknown }).tableName === "function");

  let chosen: unknown;
  if (ref.exportName) {
    chosen = exports[ref.exportName];
  } else {
    const candidates = Object.values(exports).filter(looksLikeStrategy);
    chosen = candidates.length === 1 ? candidates[0] : undefined;
  }
  if (!looksLikeStrategy(chosen)) {
    throw new GateError("naming-strategy-not-found", `${shown} does not export ${ref.exportName ? `a naming strategy named "${ref.exportName}"` : "exactly one naming strategy"}.`, {
      hint: "Export a class extending DefaultNamingStrategy (or an instance), and name it with file#ExportName when the file exports several.",
    });
  }
  return typeof chosen === "function" ? new (chosen as new () => unknown)() : chosen;
}
