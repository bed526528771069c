import pg from "pg";
import { findBackdatedMigrations } from "./backdated-migrations.js";
import { findEditedMigrations, findRaisedJournalWhens, type BaseRevision } from "./edited-migrations.js";
import { evaluateRules } from "./evaluate-rules.js";
import { isolationReport } from "./isolation-report.js";
import { localPostgresSockets, namespaceCommand, type Isolation } from "./isolation.js";
import type { GateOptions, ProjectSource } from "./parse-options.js";
import type { Finding, MigrationRecord } from "./result.js";
import { startWorker } from "./run-worker.js";
import type { Sandbox } from "./sandbox.js";
import type { RuleContext } from "../rules/rule.js";
import { canonicalizeExpected } from "../schema/canonicalize.js";
import { diffSchemas } from "../schema/diff.js";
import { equalizeDefaults } from "../schema/equal-defaults.js";
import { readCatalog } from "../schema/introspect.js";
import type { ActualSchema, ExpectedSchema } from "../schema/model.js";
import { DOOR_DATABASE } from "../worker/guard-config.js";
import { readGuardEvents } from "../worker/guard-events.js";
import type { TrackingRow } from "../migrations/tracking-rows.js";
import type { DbConnection, OracleResult, RerunMode, TranspilerChoice, WorkerPhase, WorkerResult } from "../worker/protocol.js";

/**
 * One revision of the project, evaluated on one database: its worker (started at once, so that
 * loading overlaps provisioning) behind its own sandbox's door, then the catalog, the
 * cross-check and the rules. The run has one for the head, and with a base one for the base,
 * one for the head upgrading the base's database, and the baseline pair (run-gate.ts).
 */
export const PHASE_LOG: Record<WorkerPhase, string> = {
  load: "Loading the project's schema code and migrations",
  migrate: "Running every migration on the empty database",
  "cross-check": "Comparing the schema, cross-checked by TypeORM's own schema builder",
};

export interface RevisionSpec {
  options: GateOptions;
  projectDir: string;
  project: ProjectSource;
  sandbox: Sandbox;
  isolation: Isolation;
  signal: AbortSignal;
  log: (line: string) => void;
  /** The head's migrations are the run's progress; the base's would only double the log. */
  logMigrations: boolean;
  /** Reruns the worker stays for after its own run (the upgrade simulation, the baseline). */
  reruns?: number;
  transpiler: TranspilerChoice;
}

export interface RevisionEvaluation {
  result: WorkerResult;
  expected: ExpectedSchema;
  /** Before ignores: the run applies them once, to everything it reports. */
  ruleFindings: Finding[];
  context: RuleContext;
  introspectMs: number;
  crossCheckMs: number;
  rulesMs: number;
  /** From the worker's start to the findings. */
  elapsedMs: number;
}

/** Starts the revision's worker now; connect() hands it its database, evaluate() gives the findings. */
export function startRevision(spec: RevisionSpec) {
  const { options, sandbox, isolation } = spec;
  const startedAt = Date.now();
  const migrationStarts: Array<{ name: string; at: number }> = [];
  const sockets = isolation.kind === "namespace" ? localPostgresSockets(sandbox.door.socketPath) : [];
  const worker = startWorker(
    // Only TypeORM has a schema-builder oracle; Drizzle's own diff compares snapshots, not databases.
    {
      projectDir: spec.projectDir,
      project: spec.project,
      crossCheck: options.crossCheck && spec.project.kind !== "drizzle",
      reruns: spec.reruns ?? 0,
      transpiler: spec.transpiler,
      transformCache: options.transformCache,
      // The planned fix belongs to the checkout being checked, not to a base worktree.
      ...(options.extraMigrations && spec.projectDir === options.projectDir && { extraMigrations: options.extraMigrations }),
    },
    {
      timeoutMs: options.timeoutMs,
      configuredTimeoutMs: options.timeoutMs,
      signal: spec.signal,
      ...(spec.logMigrations && { onPhase: (phase: WorkerPhase) => spec.log(PHASE_LOG[phase]) }),
      onMigrationStart: (name) => {
        migrationStarts.push({ name, at: Date.now() });
        if (spec.logMigrations) spec.log(`  ${name}`);
      },
      env: sandbox.env,
      ...(isolation.kind === "namespace" && { wrap: (node: string[]) => namespaceCommand(isolation, sockets, node) }),
    },
  );
  /** The project's code gets the door, never the server itself. */
  const throughDoor = (connection: DbConnection): DbConnection => {
    sandbox.door.open(connection);
    return { host: sandbox.door.host, port: sandbox.door.port, user: connection.user, password: connection.password, database: DOOR_DATABASE, ssl: false };
  };
  const judge = async (result: WorkerResult, { connection, base, rootDirs, oracle: oracleOf }: JudgeRequest) => {
    let introspectMs = 0;
    let crossCheckMs = 0;
    const introspectStarted = Date.now();
    const schemas = readSchemas(connection, result.expected).finally(() => (introspectMs = Date.now() - introspectStarted));
    // TypeORM's schema builder runs in the worker while the catalog is read: its own figure.
    // The verdict is complete without the cross-check: if it fails or times out, unexplained-drift says so.
    const crossCheckStarted = Date.now();
    const crossCheck = oracleOf
      ? oracleOf.catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })).finally(() => (crossCheckMs = Date.now() - crossCheckStarted))
      : Promise.resolve(undefined);
    const migrationFiles = [...new Set(result.migrations.flatMap((m) => (m.location ? [m.location.file] : [])))];
    const edited = base
      ? Promise.all([findEditedMigrations(base, migrationFiles), findRaisedJournalWhens(base, result.drizzleFolder)]).then(([files, whens]) => [...files, ...whens])
      : Promise.resolve(undefined);
    // Drizzle's journal says the order itself (migration-out-of-order); TypeORM's comes from class names.
    const backdated = base && result.orm.name === "typeorm" ? findBackdatedMigrations(base, result.migrations) : Promise.resolve(undefined);
    const [{ actual, expected }, oracle, editedMigrations, backdatedMigrations] = await Promise.all([schemas, crossCheck, edited, backdated]);
    const rulesStarted = Date.now();
    const seen = isolationReport({
      events: readGuardEvents(sandbox.config.eventLog),
      refused: sandbox.door.refused(),
      traps: sandbox.config.traps,
      migrationStarts,
      migrations: result.migrations,
      reportUnguarded: isolation.kind === "guard",
    });
    const context: RuleContext = {
      expected,
      actual,
      diff: diffSchemas(expected, actual),
      migrations: result.migrations,
      migrationsOption: result.migrationsOption,
      blockedConnections: seen.blockedConnections,
      unguardedSubprocesses: seen.unguardedSubprocesses,
      ...(oracle && { oracle }),
      orm: result.orm.name,
      drizzleFolder: result.drizzleFolder,
      unregisteredMigrations: result.unregisteredMigrations,
      editedMigrations,
      backdatedMigrations,
      now: Date.now(),
    };
    const ruleFindings = evaluateRules(context, options.rules.severities, { rootDirs });
    return { result, expected, ruleFindings, context, introspectMs, crossCheckMs, rulesMs: Date.now() - rulesStarted, elapsedMs: Date.now() - startedAt };
  };
  let rerunQueue: Promise<unknown> = worker.mainDone;
  return {
    connect(connection: DbConnection, appliedRows?: TrackingRow[]): void {
      worker.connect(throughDoor(connection), appliedRows);
    },
    /** Where the project's migrator records applied migrations (deploy-check reads that table on the target). */
    tracking: worker.tracking,
    /** The worker's own run, without the catalog and the rules (deploy-check judges it against the target). */
    result: worker.result,
    /** Settles when the worker is done with its own database (and its door may lead elsewhere). */
    mainDone: worker.mainDone,
    /** The catalog, the cross-check and the rules of the worker's own run. */
    async evaluate({ connection, base, rootDirs }: { connection: DbConnection; base?: BaseRevision; rootDirs: string[] }): Promise<RevisionEvaluation> {
      return judge(await worker.result, { connection, base, rootDirs, oracle: worker.oracle });
    },
    /**
     * The project's migrations again, on another database. One at a time, and only once the
     * worker's own run is over: the door moves to each rerun's database in turn.
     */
    rerun(connection: DbConnection, mode: RerunMode, names?: string[]): Promise<MigrationRecord[]> {
      const run = rerunQueue.then(() => worker.rerun(throughDoor(connection), mode, names));
      rerunQueue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    /** A rerun's database judged like the worker's own: the same expected schema, the rerun's migrations. */
    async evaluateRerun({ connection, migrations, rootDirs }: { connection: DbConnection; migrations: MigrationRecord[]; rootDirs: string[] }): Promise<RevisionEvaluation> {
      return judge({ ...(await worker.result), migrations }, { connection, rootDirs });
    },
    skipRerun: () => worker.skipRerun(),
  };
}

interface JudgeRequest {
  connection: DbConnection;
  base?: BaseRevision;
  rootDirs: string[];
  /** The worker's cross-check, for its own run only. */
  oracle?: Promise<OracleResult | undefined>;
}

/**
 * The actual schema from the catalog, and the expected one in the catalog's own spelling
 * (canonicalize.ts), with defaults that differ only in spelling made equal (equal-defaults.ts):
 * one connection, to the throwaway database only.
 */
async function readSchemas(connection: DbConnection, given: ExpectedSchema): Promise<{ actual: ActualSchema; expected: ExpectedSchema }> {
  const client = new pg.Client({ ...connection, ssl: connection.ssl as never });
  await client.connect();
  try {
    const actual = await readCatalog(client, "user");
    const canonical = await canonicalizeExpected(client, given, actual);
    return { actual, expected: await equalizeDefaults(client, canonical, actual) };
  } finally {
    await client.end();
  }
}

