import pg from "pg";
import { findBackdatedMigrations } from "./backdated-migrations.js";
import { findEditedMigrations, findRaisedJournalWhens, type BaseRevision } from "./edited-migrations.js";
import { evaluateRules } from "./evaluate-rules.js";
import { isolationReport } from "./isolation-report.js";
import { localPostgresSockets, namespaceCommand, type Isolation } from "./isolation.js";
import type { GateOptions, ProjectSource } from "./parse-options.js";
import type { Finding } from "./result.js";
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
import type { DbConnection, WorkerPhase, WorkerResult } from "../worker/protocol.js";

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
  /** The upgrade simulation: the database already has the base's chain; no cross-check. */
  upgrade?: boolean;
  /** simulate-synchronize / simulate-push: build the database from the code, record the migrations as run. */
  baseline?: "synchronize" | "push";
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
    { projectDir: spec.projectDir, project: spec.project, crossCheck: options.crossCheck && spec.project.kind !== "drizzle" && !spec.upgrade && !spec.baseline, upgrade: spec.upgrade === true, ...(spec.baseline && { baseline: spec.baseline }) },
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
  return {
    /** The worker's own result, when no catalog or rules are wanted (the baseline simulation). */
    workerResult: () => worker.result,
    /** The project's code gets the door, never the server itself. */
    connect(connection: DbConnection): void {
      sandbox.door.open(connection);
      worker.connect({ host: sandbox.door.host, port: sandbox.door.port, user: connection.user, password: connection.password, database: DOOR_DATABASE, ssl: false });
    },
    async evaluate({ connection, base, rootDirs }: { connection: DbConnection; base?: BaseRevision; rootDirs: string[] }): Promise<RevisionEvaluation> {
      const result = await worker.result;
      let introspectMs = 0;
      // TypeORM's schema builder runs in the worker while the catalog is read: its own figure.
      let crossCheckMs = 0;
      const introspectStarted = Date.now();
      const schemas = readSchemas(connection, result.expected).finally(() => (introspectMs = Date.now() - introspectStarted));
      // The verdict is complete without the cross-check: if it fails or times out, unexplained-drift says so.
      const crossCheckStarted = Date.now();
      const crossCheck = worker.oracle
        .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
        .finally(() => (crossCheckMs = Date.now() - crossCheckStarted));
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
        oracle,
        orm: result.orm.name,
        drizzleFolder: result.drizzleFolder,
        unregisteredMigrations: result.unregisteredMigrations,
        editedMigrations,
        backdatedMigrations,
        now: Date.now(),
      };
      const ruleFindings = evaluateRules(context, options.rules.severities, { rootDirs });
      return { result, expected, ruleFindings, context, introspectMs, crossCheckMs, rulesMs: Date.now() - rulesStarted, elapsedMs: Date.now() - startedAt };
    },
  };
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

