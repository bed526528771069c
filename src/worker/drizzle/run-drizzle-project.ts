import path from "node:path";
import type { DrizzleSource } from "../../engine/parse-options.js";
import { readDrizzleFolder } from "../../migrations/drizzle-folder.js";
import type { DbConnection, WorkerPhase, WorkerResult } from "../protocol.js";
import type { Rerun } from "../typeorm/run-typeorm-project.js";
import { GateError } from "../../engine/errors.js";
import type { SiteRegistry } from "../site-registry.js";
import { drizzleExpectedSchema } from "./expected-schema.js";
import { loadDrizzleConfig } from "./load-config.js";
import { loadUserDrizzle } from "./load-drizzle.js";
import { loadDrizzleSchema } from "./load-schema.js";
import { replayDrizzleMigrations } from "./replay-migrations.js";
import { pushToEmptyDatabase } from "./push-baseline.js";

export interface RunDrizzleProjectRequest {
  projectDir: string;
  project: DrizzleSource;
  /** Resolves when the engine has the throwaway database ready. */
  connection: Promise<DbConnection>;
  sites: SiteRegistry;
  onPhase: (phase: WorkerPhase) => void;
  onMigrationStart: (name: string) => void;
  onResult: (result: WorkerResult) => Promise<void>;
}

/**
 * The Drizzle adapter, a sibling of the TypeORM one: config and schema modules in; the expected
 * schema, the migrations folder as files and the replay log out. Everything up to the replay
 * runs while Postgres starts.
 */
export async function runDrizzleProject({ projectDir, project, connection, sites, onPhase, onMigrationStart, onResult }: RunDrizzleProjectRequest): Promise<Rerun> {
  onPhase("load");
  const loadStarted = Date.now();
  const { orm, projectRequire } = loadUserDrizzle(projectDir);
  const config = await loadDrizzleConfig(project, projectDir, projectRequire);
  const loaded = await loadDrizzleSchema(config.schema, { projectDir, origin: config.origin, orm, projectRequire });
  const expected = drizzleExpectedSchema(loaded, config, orm, sites);
  const folder = readDrizzleFolder(config.migrationsDir);
  const load = Date.now() - loadStarted;

  const database = await connection;
  onPhase("migrate");
  const migrateStarted = Date.now();
  const migrator = { migrationsFolder: config.migrationsDir, migrationsTable: config.migrationsTable, migrationsSchema: config.migrationsSchema };
  const hasMigrations = folder.sqlFiles.length > 0 || folder.journal.length > 0;
  const migrations = hasMigrations ? await replayDrizzleMigrations({ orm, folder, migrator, connection: database, onMigrationStart }) : [];
  await onResult({
    orm: { name: "drizzle", version: orm.version },
    entityCount: expected.tables.length,
    expected,
    migrations,
    migrationsOption: [path.relative(projectDir, config.migrationsDir) || "."],
    drizzleFolder: folder,
    timings: { load, migrate: Date.now() - migrateStarted },
  });
  return async (other, mode) => {
    if (mode === "synchronize") throw new GateError("rerun-mode", "synchronize is not a Drizzle baseline");
    if (mode === "push") await pushToEmptyDatabase({ exports: loaded.exports, ...(config.casing && { casing: config.casing }), projectRequire, connection: other });
    if (!hasMigrations) return [];
    const replayed = await replayDrizzleMigrations({ orm, folder, migrator, connection: other, onMigrationStart, upgrade: mode === "upgrade", bookkeepingOnly: mode === "push" });
    // A baselined database ran none of them: only their rows were written.
    return mode === "push" ? [] : replayed;
  };
}
