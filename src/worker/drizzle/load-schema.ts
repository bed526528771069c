import fs from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";
import { GateError } from "../../engine/errors.js";
import { importUserModule, isCodeFile, userModuleThrew } from "../import-user-module.js";
import type { DrizzleOrm, EnumLike } from "./drizzle-types.js";

/** One schema object and the export that named it first. */
export interface SchemaExport<T> {
  exportName: string;
  value: T;
}

export interface LoadedSchema {
  files: string[];
  /** Every export of every schema module (keys made unique), as drizzle-kit is handed them. */
  exports: Record<string, unknown>;
  tables: Array<SchemaExport<object>>;
  enums: Array<SchemaExport<EnumLike>>;
  views: Array<SchemaExport<object> & { materialized: boolean }>;
}

/**
 * Imports every schema module the way drizzle-kit finds them (a file, a folder taken whole, or a
 * glob) and keeps what drizzle-kit generate would see: exported tables, enums and views. A table
 * exported twice (a module and an index re-exporting it) counts once.
 */
export async function loadDrizzleSchema(patterns: readonly string[], options: { projectDir: string; origin: string; orm: DrizzleOrm; projectRequire: NodeJS.Require }): Promise<LoadedSchema> {
  const { projectDir, orm } = options;
  const files = schemaFiles(patterns, projectDir);
  if (!files.length) {
    throw new GateError("drizzle-schema-not-found", `No schema file matches ${patterns.map((p) => `"${p}"`).join(", ")} (from ${options.origin}, relative to ${projectDir}).`, {
      hint: "Give the files, folders or globs that hold your pgTable definitions, relative to working-directory, as drizzle-kit's schema setting does.",
    });
  }
  const loaded: LoadedSchema = { files, exports: {}, tables: [], enums: [], views: [] };
  const seen = new Set<unknown>();
  for (const file of files) {
    let exports: Record<string, unknown>;
    try {
      exports = await importUserModule(file, options.projectRequire);
    } catch (error) {
      throw userModuleThrew("drizzle-schema-threw", `the schema module ${path.relative(projectDir, file)}`, error);
    }
    for (const [exportName, value] of Object.entries(exports)) loaded.exports[`${files.indexOf(file)}:${exportName}`] = value;
    for (const [exportName, value] of Object.entries(exports)) {
      if (value === null || (typeof value !== "object" && typeof value !== "function") || seen.has(value)) continue;
      if (orm.isPgEnum(value)) loaded.enums.push({ exportName, value });
      else if (orm.is(value, orm.PgTable)) loaded.tables.push({ exportName, value });
      else if (orm.PgMaterializedView && orm.is(value, orm.PgMaterializedView)) loaded.views.push({ exportName, value, materialized: true });
      else if (orm.PgView && orm.is(value, orm.PgView)) loaded.views.push({ exportName, value, materialized: false });
      else continue;
      seen.add(value);
    }
  }
  return loaded;
}

function schemaFiles(patterns: readonly string[], projectDir: string): string[] {
  const globs = patterns.map((pattern) => {
    const full = path.resolve(projectDir, pattern);
    const isDir = fs.existsSync(full) && fs.statSync(full).isDirectory();
    return (isDir ? path.join(pattern, "**/*") : pattern).replace(/\\/g, "/");
  });
  return globSync(globs, { cwd: projectDir, absolute: true, expandDirectories: false })
    .filter(isCodeFile)
    .sort();
}
