import fs from "node:fs";
import path from "node:path";
import { GateError } from "../../engine/errors.js";
import { findFolders } from "../../engine/folder-walk.js";
import type { DbConnection, OracleResult, RerunMode, WorkerPhase, WorkerRequest, WorkerResult } from "../protocol.js";
import type { MigrationRecord } from "../../engine/result.js";
import type { SiteRegistry } from "../site-registry.js";
import { expectedSchema } from "./expected-schema.js";
import { runSchemaOracle } from "./schema-oracle.js";
import { checkDowns } from "./check-down.js";
import { findDataSource } from "./find-data-source.js";
import { createIsolatedDataSource } from "./isolated-data-source.js";
import { loadNamingStrategy } from "./load-naming-strategy.js";
import { loadUserTypeorm } from "./load-typeorm.js";
import { MigrationRecorder, timestampOf } from "./migration-recorder.js";
import { preloadGlobs } from "./preload-globs.js";
import { findUnregisteredMigrations } from "./unregistered-migrations.js";
import { readOrmconfig } from "./read-ormconfig.js";
import { loadErrorCause } from "../user-code-errors.js";
import type { DataSourceLike, MigrationLike } from "./typeorm-types.js";
import { appliedNames, type AvailableMigration, type TrackingRow, type TrackingTable } from "../../migrations/tracking-rows.js";

export interface RunTypeormProjectRequest {
  request: WorkerRequest;
  /** Resolves when the engine has the throwaway database ready. */
  connection: Promise<DbConnection>;
  /** deploy-check: the target's migrations table; the run replays only the migrations it records. */
  appliedRows: Promise<TrackingRow[] | undefined>;
  /** Where TypeORM records applied migrations, sent before the database is needed. */
  onTracking: (tracking: TrackingTable) => void;
  sites: SiteRegistry;
  onPhase: (phase: WorkerPhase) => void;
  onMigrationStart: (name: string) => void;
  /** Called as soon as the chain has run, so the engine can read the catalog meanwhile. */
  onResult: (result: WorkerResult) => Promise<void>;
  /** Called after onResult when cross-check is on. */
  onOracle: (oracle: OracleResult) => Promise<void>;
}

/** Runs the project's migrations again on another database, the project already loaded. */
export type Rerun = (connection: DbConnection, mode: RerunMode, names?: readonly string[]) => Promise<MigrationRecord[]>;

/**
 * The TypeORM adapter: user options in; the expected schema, the migration log and the oracle
 * out. Returns the rerun for the upgrade simulation and the baseline (protocol.ts).
 */
export async function runTypeormProject({ request, connection, appliedRows, onTracking, sites, onPhase, onMigrationStart, onResult, onOracle }: RunTypeormProjectRequest): Promise<Rerun> {
  const { projectDir, project } = request;
  if (project.kind === "drizzle") throw new Error("runTypeormProject was handed a Drizzle project");
  onPhase("load");
  const loadStarted = Date.now();
  const typeorm = loadUserTypeorm(projectDir);

  let userOptions: Record<string, unknown>;
  if (project.kind === "data-source") {
    const found = await findDataSource({ file: project.file, exportName: project.exportName, projectDir, projectRequire: typeorm.projectRequire });
    userOptions = found.options;
  } else if (project.kind === "ormconfig") {
    userOptions = await readOrmconfig(typeorm, projectDir, project);
  } else {
    userOptions = {
      type: "postgres",
      entities: project.entities.map((glob) => path.resolve(projectDir, glob)),
      migrations: project.migrations.map((glob) => path.resolve(projectDir, glob)),
      namingStrategy: project.namingStrategy && (await loadNamingStrategy(project.namingStrategy, projectDir, typeorm.projectRequire)),
    };
  }

  if (request.extraMigrations?.length) {
    const configured = userOptions["migrations"];
    userOptions["migrations"] = [...(Array.isArray(configured) ? configured : configured === undefined ? [] : [configured]), ...request.extraMigrations];
  }
  // Load what the globs name while Postgres starts; TypeORM then finds the modules loaded.
  await preloadGlobs([userOptions["entities"], userOptions["migrations"], userOptions["subscribers"]], typeorm.projectRequire);

  // TypeORM's MigrationExecutor: migrationsTableName (default "migrations") in the data source's schema.
  onTracking({ schema: typeof userOptions["schema"] === "string" ? userOptions["schema"] : "public", name: typeof userOptions["migrationsTableName"] === "string" ? userOptions["migrationsTableName"] : "migrations", format: "typeorm" });
  const recorder = new MigrationRecorder(sites, onMigrationStart);
  const waitStarted = Date.now();
  const database = await connection;
  const applied = await appliedRows;
  // Time spent waiting for Postgres is the provision phase's, not the load's.
  const waited = Date.now() - waitStarted;
  const dataSource = createIsolatedDataSource(typeorm.module, userOptions, database, recorder.logger);
  await initialize(dataSource, userOptions);
  try {
    const expected = expectedSchema(dataSource, sites);
    if (dataSource.entityMetadatas.length === 0) throw noEntities(userOptions, projectDir);
    const load = Date.now() - loadStarted - waited;

    onPhase("migrate");
    const migrateStarted = Date.now();
    // Before the run: the recorder sets failed migrations aside from dataSource.migrations.
    const unregisteredMigrations = findUnregisteredMigrations(userOptions["migrations"], dataSource.migrations, sites);
    const available = applied && dataSource.migrations.map((m) => describeMigration(m, sites));
    if (applied) {
      // Only what the target has applied: the rest is what its deploy would run (the dry run, a rerun).
      const names = appliedNames("typeorm", available!, applied);
      const keep = dataSource.migrations.filter((m) => names.has(migrationName(m)));
      dataSource.migrations.splice(0, dataSource.migrations.length, ...keep);
    }
    const migrations = await recorder.runAll(dataSource);
    const migrate = Date.now() - migrateStarted;
    await onResult({
      orm: { name: "typeorm", version: typeorm.version },
      entityCount: dataSource.entityMetadatas.filter((m) => m.tableType !== "junction" && m.tableType !== "closure-junction").length,
      expected,
      migrations,
      migrationsOption: describeOption(userOptions["migrations"]),
      unregisteredMigrations,
      ...(available && { available }),
      timings: { load, migrate },
    });
    if (request.crossCheck) {
      onPhase("cross-check");
      await onOracle(await runSchemaOracle(dataSource));
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
  }
  return async (other, mode, names) => {
    // A new DataSource on the other database: new migration instances, the same loaded classes.
    const rerunRecorder = new MigrationRecorder(sites, onMigrationStart, true);
    const rerunSource = createIsolatedDataSource(typeorm.module, userOptions, other, rerunRecorder.logger);
    await initialize(rerunSource, userOptions);
    try {
      if (mode === "push") throw new GateError("rerun-mode", "drizzle-kit push is not a TypeORM baseline");
      if (mode === "check-down") return await checkDowns(rerunSource, new Set(names ?? []), sites);
      return mode === "synchronize" ? await synchronizeBaseline(rerunSource) : await rerunRecorder.runAll(rerunSource);
    } finally {
      await rerunSource.destroy().catch(() => undefined);
    }
  };
}

/**
 * simulate-synchronize: the database an environment with synchronize on got (the entities'
 * tables, built by TypeORM itself), then every migration recorded as run, the way a team that
 * baselined it has it. TypeORM writes those rows itself: its own runMigrations, with each
 * migration's up() a no-op, so the table, its columns and the names are exactly its own.
 */
async function synchronizeBaseline(dataSource: DataSourceLike): Promise<[]> {
  // synchronize does not create schemas; an environment where it ran had them, or it would have failed there.
  const schemas = new Set(dataSource.entityMetadatas.map((m) => m.schema).filter((schema): schema is string => Boolean(schema)));
  for (const schema of schemas) await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  await dataSource.synchronize();
  for (const migration of dataSource.migrations) migration.up = async () => undefined;
  await dataSource.runMigrations({ transaction: "all" });
  return [];
}

function migrationName(migration: MigrationLike): string {
  return migration.name ?? migration.constructor.name;
}

function describeMigration(migration: MigrationLike, sites: SiteRegistry): AvailableMigration {
  const name = migrationName(migration);
  const timestamp = timestampOf(name);
  const location = sites.classLocation(migration.constructor);
  return { name, ...(location && { location }), ...(timestamp !== undefined && { when: timestamp }) };
}

async function initialize(dataSource: DataSourceLike, userOptions: Record<string, unknown>): Promise<void> {
  try {
    await dataSource.initialize();
  } catch (error) {
    const cause = loadErrorCause(error);
    if (cause) throw cause;
    const message = error instanceof Error ? error.message : String(error);
    const undefinedType = /ColumnTypeUndefinedError|Column type for .* is not defined/.test(`${(error as Error).name} ${message}`);
    const entities = describeOption(userOptions["entities"]).join(", ") || "none";
    throw new GateError("typeorm-initialize-failed", `TypeORM could not load the entities and migrations: ${message}`, {
      hint: undefinedType
        ? "Decorator metadata was missing for that property: give @Column() an explicit type, or check the file compiles with emitDecoratorMetadata."
        : message.includes("Maximum call stack size exceeded")
          ? `An entities or migrations glob probably matches the data source file itself (TypeORM walks every export of the files it matches, and a DataSource refers to itself): narrow the globs (entities: ${entities}) to the entity and migration files.`
          : `Check the entities and migrations options (entities: ${entities}). No database other than the throwaway one was contacted.`,
      cause: error,
    });
  }
}

function noEntities(userOptions: Record<string, unknown>, projectDir: string): GateError {
  const configured = describeOption(userOptions["entities"]);
  const globs = suggestedGlobs(userOptions, projectDir);
  if (configured.length === 0) {
    return new GateError("no-entities", "The data source lists no entities, so there is nothing to check.", {
      hint: `NestJS apps with autoLoadEntities register them in their modules, which the gate does not start: give the entity and migration files as globs, e.g. ${globs}.`,
    });
  }
  // A glob into build output that is not there: dist/**/*.entity.js before `npm run build`.
  const unbuilt = configured.map((glob) => staticRoot(glob, projectDir)).find((root) => root !== undefined && !fs.existsSync(root));
  if (unbuilt) {
    return new GateError("no-entities", `No entities were loaded from ${configured.join(", ")}: ${path.relative(projectDir, unbuilt) || unbuilt} does not exist.`, {
      hint: `The globs point at build output that is not there: build the project first (e.g. npm run build), or check the TypeScript sources instead: ${globs}.`,
    });
  }
  return new GateError("no-entities", `No entities were loaded from ${configured.join(", ")}, so there is nothing to check.`, {
    hint: "Globs are resolved from the working directory; in a data source file, build them from __dirname (CommonJS) or import.meta.dirname (ESM), and make sure they match .ts files.",
  });
}

/**
 * Globs to pass instead of the data source: its own, moved from build output to sources
 * (`dist/modules/**\/*.entity.js` → `src/modules/**\/*.entity.ts`) when that folder exists,
 * and the conventional ones otherwise.
 */
function suggestedGlobs(userOptions: Record<string, unknown>, projectDir: string): string {
  const toSource = (glob: string) => {
    const relative = path.isAbsolute(glob) ? path.relative(projectDir, glob) : glob;
    const moved = relative.replace(/^(\.\/)?(dist|build|out|lib)\//, "src/").replace(/\.js\b/g, ".ts").replace(/\{\.ts,\.ts\}/g, ".ts");
    const root = staticRoot(moved, projectDir);
    return root && fs.existsSync(root) ? moved : undefined;
  };
  const pick = (option: unknown, fallback: string) => describeOption(option).map(toSource).find((g) => g !== undefined) ?? fallback;
  const [migrationsDir] = findFolders(path.join(projectDir, "src"), { depth: 4, matches: (_folder, name) => name === "migrations", limit: 1 });
  const migrations = pick(userOptions["migrations"], migrationsDir ? `${path.relative(projectDir, migrationsDir)}/*.ts` : "src/migrations/*.ts");
  return `--entities "${pick(userOptions["entities"], "src/**/*.entity.ts")}" --migrations "${migrations}" (instead of the data source)`;
}


/** The folder a glob starts in, before its first wildcard: `/p/dist` for `/p/dist/**\/*.js`. */
function staticRoot(glob: string, projectDir: string): string | undefined {
  if (glob.startsWith("class ")) return undefined;
  const parts = path.resolve(projectDir, glob).split(path.sep);
  const wild = parts.findIndex((part) => /[*?{[]/.test(part));
  return wild > 0 ? parts.slice(0, wild).join(path.sep) || path.sep : undefined;
}

function describeOption(value: unknown): string[] {
  if (!Array.isArray(value)) return value === undefined ? [] : [String(value)];
  return value.map((item) => (typeof item === "function" ? `class ${item.name}` : typeof item === "string" ? item : "(object)"));
}
