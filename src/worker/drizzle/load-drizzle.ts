import { createRequire } from "node:module";
import path from "node:path";
import { GateError } from "../../engine/errors.js";
import { installedVersion } from "../installed-version.js";
import type { DrizzleOrm } from "./drizzle-types.js";

export interface UserDrizzle {
  orm: DrizzleOrm;
  /** require() bound to the project, for the user's own modules. */
  projectRequire: NodeJS.Require;
}

/**
 * The project's own drizzle-orm, resolved from its node_modules: `is(x, PgTable)` and
 * getTableConfig must come from the copy the schema modules build their tables with, and the
 * migrator must be the one production runs. The pg-proxy driver needs no database driver
 * package, so projects on postgres-js, neon or pglite replay the same way.
 */
export function loadUserDrizzle(projectDir: string): UserDrizzle {
  const projectRequire = createRequire(path.join(projectDir, "package.json"));
  let entry: string;
  try {
    entry = projectRequire.resolve("drizzle-orm");
  } catch (error) {
    throw new GateError("drizzle-not-installed", `drizzle-orm is not installed in ${projectDir}.`, {
      hint: "Install the project's dependencies (npm ci) before running the gate, and set working-directory to the folder whose package.json lists drizzle-orm.",
      cause: error,
    });
  }
  const version = installedVersion(entry, "drizzle-orm");
  // 0.28 is the oldest with getTableConfig, is() and readMigrationFiles as the gate uses them.
  if (!/^(0\.(2[89]|[34]\d)\.|1\.)/.test(version)) {
    throw new GateError("drizzle-unsupported", `drizzle-orm ${version} is installed; migration-gate supports drizzle-orm 0.28 to 0.45 and 1.x.`, {
      hint: "Upgrade drizzle-orm (and drizzle-kit with it) to 0.28 or later.",
    });
  }
  const load = (id: string) => projectRequire(id) as Record<string, unknown>;
  // Entry points that older releases do not have: casing (0.34), pg-proxy (0.29).
  const optional = (id: string): Record<string, unknown> => {
    try {
      return load(id);
    } catch {
      return {};
    }
  };
  const root = load("drizzle-orm");
  const pgCore = load("drizzle-orm/pg-core");
  const casing = optional("drizzle-orm/casing");
  const orm = {
    version,
    is: root["is"],
    SQL: root["SQL"],
    getTableColumns: root["getTableColumns"],
    PgTable: pgCore["PgTable"],
    PgView: pgCore["PgView"],
    PgMaterializedView: pgCore["PgMaterializedView"],
    isPgEnum: pgCore["isPgEnum"],
    getTableConfig: pgCore["getTableConfig"],
    getViewConfig: pgCore["getViewConfig"],
    getMaterializedViewConfig: pgCore["getMaterializedViewConfig"],
    PgDialect: pgCore["PgDialect"],
    CasingCache: casing["CasingCache"],
    toSnakeCase: casing["toSnakeCase"],
    toCamelCase: casing["toCamelCase"],
    proxyDrizzle: optional("drizzle-orm/pg-proxy")["drizzle"],
    proxyMigrate: optional("drizzle-orm/pg-proxy/migrator")["migrate"],
    readMigrationFiles: load("drizzle-orm/migrator")["readMigrationFiles"],
  } as DrizzleOrm;
  return { orm, projectRequire };
}

