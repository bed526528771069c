import { globSync } from "tinyglobby";
import { importUserModule, isCodeFile } from "../import-user-module.js";

/**
 * Loads every module the entities/migrations/subscribers globs match, the way TypeORM will,
 * but while Postgres is still starting: TypeORM's own load then hits the module cache. A
 * module that throws is left for TypeORM to load again and report.
 */
export async function preloadGlobs(options: unknown[], projectRequire: NodeJS.Require): Promise<void> {
  const patterns = options.flatMap((option) => (Array.isArray(option) ? option : [])).filter((p): p is string => typeof p === "string");
  if (!patterns.length) return;
  const files = globSync(patterns.map((p) => p.replace(/\\/g, "/")), { absolute: true, expandDirectories: false });
  for (const file of files) {
    // The extensions TypeORM's directory loader takes (it skips declaration files too).
    if (!isCodeFile(file)) continue;
    try {
      await importUserModule(file, projectRequire);
    } catch {
      // TypeORM reports it, with its own context.
    }
  }
}
