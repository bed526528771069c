/** Messages between the engine and the worker process that loads the user's project. */
import type { SerializedGateError } from "../engine/errors.js";
import type { ProjectSource } from "../engine/parse-options.js";
import type { MigrationRecord, OrmInfo, UnregisteredMigration } from "../engine/result.js";
import type { DrizzleMigrationFolder } from "../migrations/drizzle-folder.js";
import type { ExpectedSchema } from "../schema/model.js";
import type { AvailableMigration, TrackingRow, TrackingTable } from "../migrations/tracking-rows.js";

export interface DbConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  ssl: boolean | Record<string, unknown>;
}

/** Sent first: the worker starts loading the project while the engine provisions Postgres. */
export interface WorkerRequest {
  projectDir: string;
  project: ProjectSource;
  /** Run the ORM's own schema builder after the chain (the oracle; TypeORM only). */
  crossCheck: boolean;
  /**
   * After its own run the worker stays for this many reruns (each one may be skipped), so one
   * load of the project serves the upgrade simulation and the baseline too.
   */
  reruns?: number;
  /**
   * TypeORM: migration files outside the project to add to its migrations (fix --dry-run and
   * suggest-fix check the planned files from a temp folder, never from the checkout).
   */
  extraMigrations?: string[];
  /** Which transpiler the worker runs the project's TypeScript through (engine/transpiler.ts chose it). */
  transpiler: TranspilerChoice;
  /** false (option transform-cache): no transform cache read or written. */
  transformCache: boolean;
}

/** oxc-transform's native binding, at `binding`; or TypeScript, where oxc could not be had. */
export type TranspilerChoice = { kind: "oxc"; binding: string } | { kind: "typescript" };

/**
 * A rerun on another database, with the project already loaded:
 * - upgrade: the database is not empty (another revision's chain ran on it); the ORM's own
 *   migrator applies what it considers pending, as on every deployed database;
 * - synchronize / push: build the database the way an environment without migrations got it
 *   (TypeORM's synchronize, drizzle-kit push), then record every migration as applied, as a
 *   team that baselined it has it; nothing of the migrations' own SQL runs;
 * - check-down (TypeORM): on an empty database, the chain with each migration in `names` run
 *   up, down and up again, the catalog read around it (worker/typeorm/check-down.ts).
 */
export type RerunMode = "upgrade" | "synchronize" | "push" | "check-down";

/** Engine to worker. */
export type EngineMessage =
  | { type: "start"; request: WorkerRequest }
  /**
   * appliedRows (deploy-check): the target database's migrations table; the worker's own run
   * then replays only the migrations those rows record, to rebuild the target's applied point.
   */
  | { type: "connection"; connection: DbConnection; appliedRows?: TrackingRow[] }
  | { type: "rerun"; connection: DbConnection; mode: RerunMode; names?: string[] }
  | { type: "rerun-skip" };

export interface BlockedConnection {
  target: string;
  /** Where in the user's code the connection was attempted, when known. */
  origin?: string;
  /**
   * Where it came from when not from the worker's own code: a worker thread, a subprocess (its
   * command line and the user's line that started it), a native driver.
   */
  via?: { kind: "thread" | "subprocess" | "native" | "unknown"; command?: string; spawnedAt?: string };
}

/** A program that is not Node, started by the project's code while the guard (not a namespace) isolated it. */
export interface UnguardedSubprocess {
  command: string;
  /** The user's file:line that started it. */
  origin: string;
}

export interface WorkerResult {
  orm: OrmInfo;
  /** Entities (TypeORM) or pgTable definitions (Drizzle). */
  entityCount: number;
  expected: ExpectedSchema;
  migrations: MigrationRecord[];
  /** The migrations option as configured, for messages when nothing matched. */
  migrationsOption: string[];
  timings: { load: number; migrate: number };
  /** Drizzle: the migrations folder as files on disk, for the journal rules. */
  drizzleFolder?: DrizzleMigrationFolder;
  /** TypeORM with an explicit class list: migration files next to them that the list leaves out. */
  unregisteredMigrations?: UnregisteredMigration[];
  /** With appliedRows: every migration the project has, as its migrator lists them (the run replayed the applied ones). */
  available?: AvailableMigration[];
}

/** What TypeORM's own schema builder would still run after the chain: the cross-check. */
export type OracleResult = { statements: string[] } | { error: string };

export type WorkerPhase = "load" | "migrate" | "cross-check";

export type WorkerMessage =
  | { type: "phase"; phase: WorkerPhase }
  /** Once the project's settings are read, before its database is needed: where its migrator records applied migrations. */
  | { type: "tracking"; tracking: TrackingTable }
  | { type: "migration-start"; name: string }
  | { type: "result"; result: WorkerResult }
  /** After the result, when cross-check is on: sent while the engine reads the catalog. */
  | { type: "oracle"; oracle: OracleResult }
  | { type: "error"; error: SerializedGateError }
  /** A rerun's migrations (what the migrator ran; none for a baseline), or why it failed. */
  | { type: "rerun-result"; migrations: MigrationRecord[] }
  | { type: "rerun-error"; error: SerializedGateError };
