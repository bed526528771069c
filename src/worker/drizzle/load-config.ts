import path from "node:path";
import { GateError } from "../../engine/errors.js";
import { optionLabel, type DrizzleSource } from "../../engine/parse-options.js";
import { importUserModule, userModuleThrew } from "../import-user-module.js";

/** drizzle-kit's old `driver` values that talk to PostgreSQL. */
const POSTGRES_DRIVERS = new Set(["pg", "postgres", "aws-data-api", "pglite", "neon-http", "vercel-postgres"]);

/** What the gate needs from drizzle.config.ts, after the schema/migrations options were applied. */
export interface DrizzleProjectConfig {
  /** Globs or paths, relative to the project (as drizzle-kit resolves them from its cwd). */
  schema: string[];
  /** Absolute path of the migrations folder. */
  migrationsDir: string;
  /** 0.x: how property keys become column names when a column has no explicit name. */
  casing?: "snake_case" | "camelCase";
  migrationsTable: string;
  migrationsSchema: string;
  /** For messages: where the schema and out settings came from. */
  origin: string;
}

interface RawDrizzleConfig {
  dialect?: unknown;
  /** drizzle-kit before 0.21: "pg", "mysql2", "better-sqlite", "libsql", "turso", "d1"... */
  driver?: unknown;
  schema?: unknown;
  out?: unknown;
  casing?: unknown;
  migrations?: { table?: unknown; schema?: unknown };
}

/**
 * Loads the project's drizzle-kit config with our own transpiler (it may import dotenv or read
 * env variables; its dbCredentials are never used) and merges the schema and migrations
 * options over it.
 */
export async function loadDrizzleConfig(source: DrizzleSource, projectDir: string, projectRequire: NodeJS.Require): Promise<DrizzleProjectConfig> {
  const raw = source.configFile ? await readConfigFile(source.configFile, projectDir, projectRequire) : {};
  const shown = source.configFile ? path.relative(projectDir, source.configFile) : undefined;
  if (raw.dialect !== undefined && raw.dialect !== "postgresql") {
    throw new GateError("drizzle-unsupported-dialect", `${shown} sets dialect "${String(raw.dialect)}"; migration-gate checks PostgreSQL projects only.`, {
      hint: "Point drizzle-config at the config of the project's PostgreSQL database.",
    });
  }
  // Older drizzle-kit configs name the driver instead of the dialect (driver: "pg" with dbCredentials.connectionString).
  if (raw.dialect === undefined && typeof raw.driver === "string" && !POSTGRES_DRIVERS.has(raw.driver)) {
    throw new GateError("drizzle-unsupported-dialect", `${shown} sets driver "${raw.driver}"; migration-gate checks PostgreSQL projects only.`, {
      hint: 'Point drizzle-config at the config of the project\'s PostgreSQL database (driver: "pg", or dialect: "postgresql").',
    });
  }
  const configSchema = typeof raw.schema === "string" ? [raw.schema] : Array.isArray(raw.schema) ? raw.schema.filter((s): s is string => typeof s === "string") : [];
  const schema = source.schema.length ? source.schema : configSchema;
  if (!schema.length) {
    throw new GateError("drizzle-no-schema", `${shown ?? "The options"} name${shown ? "s" : ""} no schema files, so there is nothing to check.`, {
      hint: `Set schema in ${shown ?? "drizzle.config.ts"} (e.g. "./src/db/schema.ts"), or give ${optionLabel("schema")}.`,
    });
  }
  const out = source.migrationsDir ?? (typeof raw.out === "string" ? raw.out : "drizzle");
  const casing = raw.casing === "snake_case" || raw.casing === "camelCase" ? raw.casing : undefined;
  return {
    schema,
    migrationsDir: path.resolve(projectDir, out),
    casing,
    migrationsTable: typeof raw.migrations?.table === "string" ? raw.migrations.table : "__drizzle_migrations",
    migrationsSchema: typeof raw.migrations?.schema === "string" ? raw.migrations.schema : "drizzle",
    origin: source.schema.length || !shown ? optionLabel("schema") : shown,
  };
}

async function readConfigFile(file: string, projectDir: string, projectRequire: NodeJS.Require): Promise<RawDrizzleConfig> {
  const shown = path.relative(projectDir, file);
  let exports: Record<string, unknown>;
  try {
    exports = await importUserModule(file, projectRequire);
  } catch (error) {
    throw userModuleThrew("drizzle-config-threw", shown, error);
  }
  // `export default defineConfig(...)`, seen from ESM or through CommonJS interop.
  let config: unknown = exports["default"] ?? exports;
  if (config && typeof config === "object" && "default" in config) config = (config as { default: unknown }).default;
  if (!config || typeof config !== "object") {
    throw new GateError("drizzle-config-invalid", `${shown} has no default export with the drizzle-kit config.`, {
      hint: "drizzle-kit expects `export default defineConfig({ dialect, schema, out })`.",
    });
  }
  return config as RawDrizzleConfig;
}
