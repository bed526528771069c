import fs from "node:fs";
import path from "node:path";
import { onCleanup } from "./cleanup.js";
import { evaluateRules } from "./evaluate-rules.js";
import type { GateOptions } from "./parse-options.js";
import { countBySeverity, type GateResult } from "./result.js";
import { startWorker } from "./run-worker.js";
import { chooseProvider } from "../postgres/choose-provider.js";
import type { ProvisionedDatabase } from "../postgres/provider.js";
import { GateError } from "./errors.js";
import { readCatalog } from "../schema/introspect.js";
import { canonicalizeExpected } from "../schema/canonicalize.js";
import { equalizeDefaults } from "../schema/equal-defaults.js";
import { diffSchemas } from "../schema/diff.js";
import { applyIgnores } from "./apply-ignores.js";
import { findEditedMigrations, findRaisedJournalWhens, resolveBaseRef } from "./edited-migrations.js";
import { findBackdatedMigrations } from "./backdated-migrations.js";
import type { ActualSchema, ExpectedSchema } from "../schema/model.js";
import type { DbConnection, WorkerPhase } from "../worker/protocol.js";
import pg from "pg";
import { chooseIsolation, localPostgresSockets, namespaceCommand, type Isolation } from "./isolation.js";
import { isolationReport } from "./isolation-report.js";
import { DOOR_DATABASE } from "../worker/guard-config.js";
import { openSandbox, type Sandbox } from "./sandbox.js";
import { readGuardEvents } from "../worker/guard-events.js";

const PHASE_LOG: Record<WorkerPhase, string> = {
  load: "Loading the project's schema code and migrations",
  migrate: "Running every migration on the empty database",
  "cross-check": "Comparing the schema, cross-checked by TypeORM's own schema builder",
};

export interface RunGateHooks {
  /** Progress lines for a human watching (stderr in the CLI, the log in the action). */
  log?: (line: string) => void;
}

/**
 * The engine, shared by the CLI and the action: provision a throwaway Postgres, run the
 * project's migration chain in a worker, read the catalog, apply the rules. Throws GateError
 * when no verdict is possible; findings are never thrown. Whatever happens, the database
 * is disposed of before this returns.
 */
export async function runGate(options: GateOptions, hooks: RunGateHooks = {}): Promise<GateResult> {
  const log = hooks.log ?? (() => undefined);
  const started = Date.now();
  // A base-ref the clone lacks fails before anything starts.
  const base = options.baseRef ? await resolveBaseRef(options.projectDir, options.baseRef) : undefined;

  const isolation = chooseIsolation(options.isolation);
  log(`Isolation: ${isolation.detail}`);
  const sandbox = await openSandbox();
  const removeSandboxCleanup = onCleanup(sandbox.close);
  try {
    return await runIsolated(options, { log, started, base, isolation, sandbox });
  } finally {
    removeSandboxCleanup();
    await sandbox.close();
  }
}

interface IsolatedRun {
  log: (line: string) => void;
  started: number;
  base: Awaited<ReturnType<typeof resolveBaseRef>> | undefined;
  isolation: Isolation;
  sandbox: Sandbox;
}

async function runIsolated(options: GateOptions, { log, started, base, isolation, sandbox }: IsolatedRun): Promise<GateResult> {
  const abort = new AbortController();
  const migrationStarts: Array<{ name: string; at: number }> = [];
  const sockets = isolation.kind === "namespace" ? localPostgresSockets(sandbox.door.socketPath) : [];
  // The worker loads the project while Postgres starts; it waits for the connection only when it needs it.
  const worker = startWorker(
    // Only TypeORM has a schema-builder oracle; Drizzle's own diff compares snapshots, not databases.
    { projectDir: options.projectDir, project: options.project, crossCheck: options.crossCheck && options.project.kind !== "drizzle" },
    {
      timeoutMs: options.timeoutMs,
      configuredTimeoutMs: options.timeoutMs,
      signal: abort.signal,
      onPhase: (phase) => log(PHASE_LOG[phase]),
      onMigrationStart: (name) => {
        migrationStarts.push({ name, at: Date.now() });
        log(`  ${name}`);
      },
      env: sandbox.env,
      ...(isolation.kind === "namespace" && { wrap: (node: string[]) => namespaceCommand(isolation, sockets, node) }),
    },
  );
  let db: ProvisionedDatabase;
  try {
    db = await provision(options, log);
  } catch (error) {
    abort.abort();
    throw error;
  }
  const removeCleanup = onCleanup(db.dispose);
  try {
    const provisioned = Date.now();
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(provisioned - started)}`);
    // The project's code gets the door, never the server itself.
    sandbox.door.open(db.connection);
    worker.connect({ host: sandbox.door.host, port: sandbox.door.port, user: db.connection.user, password: db.connection.password, database: DOOR_DATABASE, ssl: false });

    let introspectMs = 0;
    // TypeORM's schema builder runs in the worker while the catalog is read: its own figure.
    let crossCheckMs = 0;
    const { result, actual, expected, oracle, editedMigrations, backdatedMigrations } = await whileServerLives(db, abort, async () => {
      const result = await worker.result;
      // The worker runs TypeORM's schema builder while we read the catalog.
      const introspectStarted = Date.now();
      const schemas = readSchemas(db.connection, result.expected).finally(() => (introspectMs = Date.now() - introspectStarted));
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
      const [read, oracle, editedMigrations, backdatedMigrations] = await Promise.all([schemas, crossCheck, edited, backdated]);
      return { result, ...read, oracle, editedMigrations, backdatedMigrations };
    });
    const diffStarted = Date.now();
    const seen = isolationReport({
      events: readGuardEvents(sandbox.config.eventLog),
      refused: sandbox.door.refused(),
      traps: sandbox.config.traps,
      migrationStarts,
      migrations: result.migrations,
      reportUnguarded: isolation.kind === "guard",
    });
    const ruleFindings = evaluateRules(
      {
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
      },
      options.rules.severities,
    );
    const findings = applyIgnores(ruleFindings, options.rules, { projectDir: options.projectDir });
    const finished = Date.now();

    return {
      status: countBySeverity(findings).error > 0 ? "failed" : "passed",
      projectDir: options.projectDir,
      rootDir: repositoryRoot(options.projectDir),
      orm: result.orm,
      postgres: { provider: db.provider, version: db.serverVersion },
      isolation: isolation.kind,
      entityCount: result.entityCount,
      tableCount: expected.tables.length,
      migrations: result.migrations,
      findings,
      timings: {
        provision: provisioned - started,
        load: result.timings.load,
        migrate: result.timings.migrate,
        introspect: introspectMs,
        diff: finished - diffStarted,
        ...(options.crossCheck && result.orm.name === "typeorm" && { crossCheck: crossCheckMs }),
        total: finished - started,
      },
    };
  } finally {
    removeCleanup();
    await db.dispose();
  }
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

async function provision(options: GateOptions, log: (line: string) => void): Promise<ProvisionedDatabase> {
  const request = { ...options.postgres, log, runTimeoutMs: options.timeoutMs };
  const provider = await chooseProvider(request);
  return provider.start(request);
}

/**
 * Runs `work` unless the server dies first. A dead server would otherwise surface as a string
 * of migration failures ("connection terminated") that blame the user's code.
 */
async function whileServerLives<T>(db: ProvisionedDatabase, controller: AbortController, work: () => Promise<T>): Promise<T> {
  const died = (what: string) =>
    new GateError("postgres-died", `The throwaway Postgres stopped during the run: ${what}.`, {
      hint: "Something outside the gate stopped it (out of memory, a job limit, a killed process). Run the gate again; if a migration crashes the server every time, that migration is worth a look.",
    });
  const death = db.died.then((what) => {
    controller.abort();
    throw died(what);
  });
  death.catch(() => undefined);
  try {
    return await Promise.race([work(), death]);
  } catch (error) {
    // The project's own errors are not about the server.
    if (error instanceof GateError && error.code !== "worker-crashed") throw error;
    // The work may notice the dead server (a refused connection) a moment before we do.
    const what = await Promise.race([db.died, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000).unref())]);
    throw what && !(error instanceof GateError && error.code === "postgres-died") ? died(what) : error;
  }
}

/** The nearest folder above (or at) the project that holds `.git`; the project itself outside git. */
export function repositoryRoot(projectDir: string): string {
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return projectDir;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
