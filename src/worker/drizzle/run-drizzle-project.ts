import path from "node:path";
import type { DrizzleSource } from "../../engine/parse-options.js";
import { readDrizzleFolder } from "../../migrations/drizzle-folder.js";
import type { DbConnection, WorkerPhase, WorkerResult } from "../protocol.js";
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
  /** The base's chain already ran on the database: only the migrator's own plan may run. */
  upgrade: boolean;
  /** simulate-push: the database as drizzle-kit push builds it, the migrations only recorded. */
  baseline?: "push";
}

/**
 * The Drizzle adapter, a sibling of the TypeORM one: config and schema modules in; the expected
 * schema, the migrations folder as files and the replay log out. Everything up to the replay
 * runs while Postgres starts.
 */
export async function runDrizzleProject({ projectDir, project, connection, sites, onPhase, onMigrationStart, onResult, upgrade, baseline }: RunDrizzleProjectRequest): Promise<void> {
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
  if (baseline === "push") await pushToEmptyDatabase({ exports: loaded.exports, projectRequire, connection: database });
  const replayed = folder.sqlFiles.length || folder.journal.length
    ? await replayDrizzleMigrations({
        orm,
        folder,
        migrator: { migrationsFolder: config.migrationsDir, migrationsTable: config.migrationsTable, migrationsSchema: config.migrationsSchema },
        connection: database,
        onMigrationStart,
        upgrade,
        bookkeepingOnly: baseline === "push",
      })
    : [];
  // A baselined database ran none of them.
  const migrations = baseline === "push" ? [] : replayed;
  await onResult({
    orm: { name: "drizzle", version: orm.version },
    entityCount: expected.tables.length,
    expected,
    migrations,
    migrationsOption: [path.relative(projectDir, config.migrationsDir) || "."],
    drizzleFolder: folder,
    timings: { load, migrate: Date.now() - migrateStarted },
  });
}
