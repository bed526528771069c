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
import { availableMigrations, replayDrizzleMigrations } from "./replay-migrations.js";
import { appliedNames, type TrackingRow, type TrackingTable } from "../../migrations/tracking-rows.js";
import { pushToEmptyDatabase } from "./push-baseline.js";

export interface RunDrizzleProjectRequest {
  projectDir: string;
  project: DrizzleSource;
  /** Resolves when the engine has the throwaway database ready. */
  connection: Promise<DbConnection>;
  /** deploy-check: the target's migrations table; the run replays only the migrations it records. */
  appliedRows: Promise<TrackingRow[] | undefined>;
  /** Where the migrator records applied migrations, sent before the database is needed. */
  onTracking: (tracking: TrackingTable) => void;
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
export async function runDrizzleProject({ projectDir, project, connection, appliedRows, onTracking, sites, onPhase, onMigrationStart, onResult }: RunDrizzleProjectRequest): Promise<Rerun> {
  onPhase("load");
  const loadStarted = Date.now();
  const { orm, projectRequire } = loadUserDrizzle(projectDir);
  const config = await loadDrizzleConfig(project, projectDir, projectRequire);
  const loaded = await loadDrizzleSchema(config.schema, { projectDir, origin: config.origin, orm, projectRequire });
  const expected = drizzleExpectedSchema(loaded, config, orm, sites);
  const folder = readDrizzleFolder(config.migrationsDir);
  const load = Date.now() - loadStarted;
  const format = folder.format === "journal" ? "drizzle-journal" : "drizzle-folders";
  // drizzle-orm's migrator: migrationsTable (default __drizzle_migrations) in migrationsSchema (default drizzle).
  onTracking({ schema: config.migrationsSchema ?? "drizzle", name: config.migrationsTable ?? "__drizzle_migrations", format });

  const database = await connection;
  const applied = await appliedRows;
  onPhase("migrate");
  const migrateStarted = Date.now();
  const migrator = { migrationsFolder: config.migrationsDir, migrationsTable: config.migrationsTable, migrationsSchema: config.migrationsSchema };
  const hasMigrations = folder.sqlFiles.length > 0 || folder.journal.length > 0;
  const available = applied && availableMigrations(orm, folder, migrator);
  const only = applied && appliedNames(format, available!, applied);
  const migrations = hasMigrations ? await replayDrizzleMigrations({ orm, folder, migrator, connection: database, onMigrationStart, ...(only && { only }) }) : [];
  await onResult({
    orm: { name: "drizzle", version: orm.version },
    entityCount: expected.tables.length,
    expected,
    migrations,
    migrationsOption: [path.relative(projectDir, config.migrationsDir) || "."],
    drizzleFolder: folder,
    ...(available && { available }),
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
