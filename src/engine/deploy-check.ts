/**
 * deploy-check and baseline: the database a deploy is about to migrate, judged against the
 * checked-out migrations. The target is only ever read (target-database.ts), by the engine
 * itself: the project's code runs on a throwaway database as in check, where the chain is
 * replayed up to the target's applied point (the rows of its migrations table), compared with
 * the target object by object, and then the ORM's own migrator runs what is pending (the dry
 * run). Pending statements that can fail on existing rows are counted on the target.
 *
 * baseline replays the whole chain instead, and writes the migrator's rows only when the target
 * has none and its schema equals the chain's (baseline.ts).
 */
import { chooseTranspiler } from "./transpiler.js";
import { applyIgnores } from "./apply-ignores.js";
import { planBaseline, writeBaseline } from "./baseline.js";
import { onCleanup } from "./cleanup.js";
import { planProbes } from "./data-probes.js";
import { GateError } from "./errors.js";
import { evaluateRules } from "./evaluate-rules.js";
import { chooseIsolation } from "./isolation.js";
import type { GateOptions } from "./parse-options.js";
import { failingFindings, type BaselinePlan, type GateResult, type MigrationRecord } from "./result.js";
import { startRevision } from "./revision.js";
import { provision, repositoryRoot, rootSpellings, seconds, whileServerLives, type RunGateHooks } from "./run-gate.js";
import { openSandbox } from "./sandbox.js";
import { findCollisions, type Collision } from "./target-collisions.js";
import { targetDrift } from "./target-drift.js";
import { matchTrackingRows, type AvailableMigration, type TrackingTable } from "../migrations/tracking-rows.js";
import type { ProvisionedDatabase } from "../postgres/provider.js";
import { createSiblingDatabase } from "../postgres/sibling-database.js";
import { withClient } from "../postgres/with-client.js";
import { openTargetDatabase, type TargetDatabase, type TargetSnapshot } from "../postgres/target-database.js";
import { SUPPORTED_MAJORS } from "../postgres/versions.js";
import { DEPLOY_RULES } from "../rules/index.js";
import type { DeployOutcome } from "../rules/deploy-outcome.js";
import type { RuleContext } from "../rules/rule.js";
import { readCatalog } from "../schema/introspect.js";
import { quoteIdentifier, type ActualSchema } from "../schema/model.js";
import type { DbConnection } from "../worker/protocol.js";

/** Each count on the target may take this long; a probe that does not finish is reported as skipped. */
const PROBE_TIMEOUT_MS = 10_000;
/** Tables estimated above this many rows are not scanned by the probes. */
const PROBE_MAX_ROWS = 5_000_000;

const DEPLOY_RULE_IDS = new Set(DEPLOY_RULES.map((rule) => rule.id));

export async function runDeployCheck(options: GateOptions, hooks: RunGateHooks = {}): Promise<GateResult> {
  const log = hooks.log ?? (() => undefined);
  const started = Date.now();
  if (!options.targetUrl) throw new GateError("incomplete-options", `${options.command} needs target-url.`);
  const baseline = options.command === "baseline";
  const target = await openTargetDatabase(options.targetUrl);
  const disposers: Array<() => Promise<void>> = [target.close];
  const removeCleanup = onCleanup(async () => {
    for (const dispose of [...disposers].reverse()) await dispose();
  });
  try {
    log(`Target ${target.label}: Postgres ${target.serverVersion}, opened read-only (default_transaction_read_only, READ ONLY transactions)`);
    const isolation = chooseIsolation(options.isolation);
    log(`Isolation: ${isolation.detail}`);
    const sandbox = await openSandbox();
    disposers.push(sandbox.close);
    const abort = new AbortController();
    disposers.push(async () => abort.abort());
    const transpiler = await chooseTranspiler(log);
    const head = startRevision({ options, projectDir: options.projectDir, project: options.project, sandbox, isolation, signal: abort.signal, log, logMigrations: true, reruns: baseline ? 0 : 1, transpiler });
    const postgres = sameMajor(options, target, log);
    let db: ProvisionedDatabase;
    try {
      db = await provision({ ...options, postgres }, log);
    } catch (error) {
      abort.abort();
      throw error;
    }
    disposers.push(db.dispose);
    if (sameDatabase(db.connection, target)) throw new GateError("target-is-throwaway", `The throwaway database would be the target ${target.label} itself: refusing to run migrations there.`, { hint: "Leave database-url empty or point it at another server." });
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(Date.now() - started)}`);

    return await whileServerLives(db, abort, async () => {
      const tracking = await head.tracking;
      const snapshot = await target.snapshot(tracking);
      const appTables = snapshot.catalog.tables.filter((t) => t.kind !== "view" && t.kind !== "materialized-view" && !(t.schema === tracking.schema && t.name === tracking.name)).length;
      let untracked = appTables > 0 && snapshot.tracking.rows.length === 0;
      log(describeTarget(tracking, snapshot, appTables, untracked));
      if (baseline) refuseBaseline(tracking, snapshot, appTables, target.label);
      // Untracked (and baseline): the whole chain, which is what the rows would claim ran. Else up to the target's rows.
      const replayWhole = untracked || baseline;
      head.connect(db.connection, replayWhole ? undefined : snapshot.tracking.rows);
      const result = await head.result;
      const replayed = await readCatalogOf(db.connection);
      let drift = targetDrift({ target: snapshot.catalog, replayed, tracking });
      // An existing but empty migrations table, and tables the chain creates missing: nothing is
      // applied yet (a first deploy, or every migration reverted), and what the target has was
      // made by hand. The migrator starts from the first migration; compare with nothing.
      const fromZero = untracked && !baseline && snapshot.tracking.exists && drift.some((d) => d.kind === "table" && d.change === "missing");
      if (fromZero) {
        untracked = false;
        drift = targetDrift({ target: snapshot.catalog, replayed: nothingApplied(replayed, tracking), tracking });
        log(`${tracking.schema}.${tracking.name} exists but is empty, and the target lacks tables the migrations create: nothing is applied yet, and its ${appTables} table(s) were made without them`);
      }
      const replayFailures = fromZero ? [] : result.migrations.filter((m) => m.status === "failed");
      log(`${replayWhole ? "The whole chain" : `The chain up to the target's applied point (${result.migrations.length} migration(s))`} replayed on the throwaway database: ${drift.length} difference(s) from the target${replayFailures.length ? `; ${replayFailures.length} migration(s) failed in the replay` : ""}`);
      const available: AvailableMigration[] = result.available ?? result.migrations.map((m) => ({ name: m.name, ...(m.location && { location: m.location }), ...(m.timestamp !== undefined && { when: m.timestamp }) }));

      let pending: MigrationRecord[] | undefined;
      let rerunAll: MigrationRecord[] | undefined;
      let probes: DeployOutcome["probes"] = [];
      let collisions: Collision[] = [];
      let baselinePlan: BaselinePlan | undefined;
      if (baseline) {
        baselinePlan = await baselineStep({ options, db, tracking, snapshot, replayed, driftCount: drift.length, log });
      } else if (untracked) {
        // What the deploy's migrate does to it: every migration again, on the schema the whole
        // chain built (the target's, give or take the drift), with the target's empty or missing table.
        await copyTrackingTable(db.connection, tracking, snapshot);
        rerunAll = await head.rerun(db.connection, "upgrade");
        const failed = rerunAll.find((m) => m.status === "failed");
        log(`The deploy's migrate on a copy of this untracked database: ${rerunAll.length} migration(s) run again, ${failed ? `${failed.name} fails` : "none fails"}`);
      } else {
        // The dry run: on the chain up to the applied point; from nothing on a database of its own.
        let dryRun = db.connection;
        if (fromZero) {
          const empty = await createSiblingDatabase(db.connection, options.timeoutMs);
          disposers.push(empty.dispose);
          dryRun = empty.connection;
        } else {
          await copyTrackingTable(db.connection, tracking, snapshot);
        }
        pending = await head.rerun(dryRun, "upgrade");
        const failed = pending.filter((m) => m.status === "failed").length;
        collisions = findCollisions({ pending, snapshot, defaultSchema: result.orm.name === "drizzle" ? "public" : tracking.schema });
        log(`Dry run: the migrator ran ${pending.length} pending migration(s) on the migrations replayed up to the target's applied point, ${failed} failed; ${collisions.length} of their statements create a name the target already uses`);
        probes = await runProbes(target, planProbes(pending, snapshot, { maxRows: PROBE_MAX_ROWS, targetMajor: target.major }));
        if (probes.length) log(`Data probes: ${probes.length} pending statement(s) that can fail on existing rows, ${probes.filter((p) => p.outcome && "count" in p.outcome).length} counted read-only on the target`);
      }

      const deploy: DeployOutcome = {
        target: target.label,
        tracking,
        trackingExists: snapshot.tracking.exists,
        appTables,
        rows: snapshot.tracking.rows,
        available,
        match: matchTrackingRows(tracking.format, available, snapshot.tracking.rows),
        untracked,
        ...(pending && { pending }),
        ...(rerunAll && { rerunAll }),
        collisions,
        drift,
        replayFailures,
        probes,
      };
      const context: RuleContext = {
        expected: { tables: [], enums: [], views: [], schemas: [], ownTables: [] },
        actual: snapshot.catalog,
        diff: undefined as never,
        migrations: [],
        migrationsOption: result.migrationsOption,
        blockedConnections: [],
        orm: result.orm.name,
        ...(result.drizzleFolder && { drizzleFolder: result.drizzleFolder }),
        deploy,
      };
      const rules = baseline ? DEPLOY_RULES.filter((r) => r.id === "target-drift") : DEPLOY_RULES;
      const evaluated = evaluateRules(context, options.rules.severities, { rootDirs: rootSpellings(repositoryRoot(options.projectDir)), rules });
      // Ignore entries about check's rules are not unused here: only the deploy rules ran.
      const ignores = options.rules.ignores.filter((entry) => entry.rule !== undefined && DEPLOY_RULE_IDS.has(entry.rule));
      const findings = applyIgnores(evaluated, { ...options.rules, ignores }, { projectDir: options.projectDir });
      const failing = failingFindings({ findings }).length > 0 || (baseline && baselinePlan?.refused !== undefined && baselinePlan.refused !== NO_YES);
      const finished = Date.now();
      return {
        status: failing ? "failed" : "passed",
        target: {
          command: baseline ? "baseline" : "deploy-check",
          label: target.label,
          serverVersion: target.serverVersion,
          trackingTable: `${tracking.schema}.${tracking.name}`,
          recorded: snapshot.tracking.rows.length,
          applied: deploy.match.rowOf.filter((r) => r !== -1).length,
          ...(pending && { pending: pending.length }),
          untracked,
        },
        ...(baselinePlan && { baseline: baselinePlan }),
        projectDir: options.projectDir,
        rootDir: repositoryRoot(options.projectDir),
        orm: result.orm,
        postgres: { provider: db.provider, version: db.serverVersion },
        isolation: isolation.kind,
        entityCount: result.entityCount,
        tableCount: result.expected.tables.length,
        migrations: pending ?? result.migrations,
        findings,
        timings: { provision: 0, load: result.timings.load, migrate: result.timings.migrate, introspect: 0, diff: 0, total: finished - started },
      };
    });
  } catch (error) {
    throw retoldForTarget(error);
  } finally {
    removeCleanup();
    for (const dispose of disposers.reverse()) await dispose().catch(() => undefined);
  }
}

const NO_YES = "no --yes";

/** The replayed catalog with nothing applied: only what an empty database has (and the migrations table). */
function nothingApplied(replayed: ActualSchema, tracking: TrackingTable): ActualSchema {
  return { tables: replayed.tables.filter((t) => t.schema === tracking.schema && t.name === tracking.name), enums: [], schemas: replayed.schemas.filter((s) => s === "public" || s === tracking.schema) };
}

/**
 * The worker's hints for a project that fails to load say "No database was contacted", true for
 * check; here the engine has read the target by then, so they say what really happened.
 */
function retoldForTarget(error: unknown): unknown {
  if (!(error instanceof GateError) || !error.hint?.includes("No database was contacted.")) return error;
  const retold = new GateError(error.code, error.message, { hint: error.hint.replace("No database was contacted.", "The target was only read; nothing was written to it, and the project's code never reached it."), cause: error.cause });
  const detail = (error as { detail?: string }).detail;
  if (detail) Object.assign(retold, { detail });
  return retold;
}

/** The throwaway server on the target's major unless postgres-version says otherwise: catalogs compare best within a major. */
function sameMajor(options: GateOptions, target: TargetDatabase, log: (line: string) => void): GateOptions["postgres"] {
  if (options.postgres.majorGiven || options.postgres.databaseUrl) return options.postgres;
  if (SUPPORTED_MAJORS.includes(target.major)) {
    if (target.major !== options.postgres.major) log(`Throwaway Postgres ${target.major}, the target's major (postgres-version overrides)`);
    return { ...options.postgres, major: target.major };
  }
  log(`The target runs Postgres ${target.major}, which the embedded binaries do not offer: the throwaway database runs ${options.postgres.major}`);
  return options.postgres;
}

function sameDatabase(connection: DbConnection, target: TargetDatabase): boolean {
  return connection.port === target.port && connection.database === target.database && (connection.host === target.host || [connection.host, target.host].every((h) => ["localhost", "127.0.0.1", "::1"].includes(h)));
}

function describeTarget(tracking: TrackingTable, snapshot: TargetSnapshot, appTables: number, untracked: boolean): string {
  const table = `${tracking.schema}.${tracking.name}`;
  if (!snapshot.tracking.exists) return `Target: ${appTables} application table(s), no ${table}${untracked ? " (untracked: built without migrations)" : ""}`;
  // An empty table: untracked, or nothing applied yet; the replay decides (and says so).
  return `Target: ${appTables} application table(s), ${snapshot.tracking.rows.length} row(s) in ${table}${untracked ? " (no migration recorded: built without migrations, or none applied yet)" : ""}`;
}

function refuseBaseline(tracking: TrackingTable, snapshot: TargetSnapshot, appTables: number, label: string): void {
  const table = `${tracking.schema}.${tracking.name}`;
  if (snapshot.tracking.rows.length > 0) {
    throw new GateError("baseline-not-needed", `${label} already records ${snapshot.tracking.rows.length} migration(s) in ${table}: baseline only writes into an empty migrations table, and wrote nothing.`, {
      hint: "Run migration-gate deploy-check --target-url <url> to see what it has applied and what is pending.",
    });
  }
  if (appTables === 0) {
    throw new GateError("baseline-empty-database", `${label} has no application tables: there is nothing to baseline, and nothing was written.`, {
      hint: "An empty database needs the migrations run, not recorded: let the deploy run them (or run the project's migrate).",
    });
  }
}

async function baselineStep({ options, db, tracking, snapshot, replayed, driftCount, log }: { options: GateOptions; db: ProvisionedDatabase; tracking: TrackingTable; snapshot: TargetSnapshot; replayed: ActualSchema; driftCount: number; log: (line: string) => void }): Promise<BaselinePlan> {
  const table = replayed.tables.find((t) => t.schema === tracking.schema && t.name === tracking.name);
  if (!table) throw new GateError("baseline-no-table", `The migrator did not create ${tracking.schema}.${tracking.name} on the throwaway database, so there are no rows to copy.`);
  const rows = await planBaseline({ throwaway: db.connection, tracking, table, targetHasTable: snapshot.tracking.exists, targetHasSchema: snapshot.catalog.schemas.includes(tracking.schema) || tracking.schema === "public" });
  if (driftCount > 0) {
    log(`Baseline refused: the target differs from what the migrations build in ${driftCount} object(s); nothing was written`);
    return { ...rows, written: false, refused: `the target's schema differs from the migrations' in ${driftCount} object(s)` };
  }
  if (!options.yes) {
    log(`Baseline plan: ${rows.migrations.length} row(s) for ${tracking.schema}.${tracking.name}; nothing written (run again with --yes to write them)`);
    return { ...rows, written: false, refused: NO_YES };
  }
  await writeBaseline({ url: options.targetUrl!, tracking, plan: rows });
  log(`Baseline written: ${rows.migrations.length} migration(s) recorded in ${tracking.schema}.${tracking.name}, in one transaction`);
  return { ...rows, written: true };
}

function readCatalogOf(connection: DbConnection): Promise<ActualSchema> {
  return withClient(connection, (client) => readCatalog(client, "user"));
}

/**
 * The throwaway database's migrations table made the target's: the same rows (ids included)
 * and the same columns (a drizzle 0.x table under drizzle-orm 1.x is upgraded by the migrator
 * itself, as it would be on the target). Without a table on the target, none here either.
 * Written on the throwaway database only.
 */
async function copyTrackingTable(connection: DbConnection, tracking: TrackingTable, snapshot: TargetSnapshot): Promise<void> {
  const table = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
  await withClient(connection, async (client) => {
    if (!snapshot.tracking.exists) {
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      return;
    }
    const present = await client.query<{ name: string }>(`SELECT a.attname AS name FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`, [table]);
    for (const { name } of present.rows) if (!snapshot.tracking.columns.includes(name)) await client.query(`ALTER TABLE ${table} DROP COLUMN ${quoteIdentifier(name)}`);
    await client.query(`DELETE FROM ${table}`);
    const has = (c: string) => snapshot.tracking.columns.includes(c);
    const stamp = has("created_at") ? "created_at" : has("timestamp") ? "timestamp" : undefined;
    for (const row of snapshot.tracking.rows) {
      const values: Array<[string, unknown]> = [];
      if (has("id") && row.id !== undefined) values.push(["id", row.id]);
      if (has("name")) values.push(["name", row.name ?? null]);
      if (has("hash")) values.push(["hash", row.hash ?? null]);
      if (stamp) values.push([stamp, row.createdAt ?? null]);
      await client.query(`INSERT INTO ${table} (${values.map(([c]) => quoteIdentifier(c)).join(", ")}) VALUES (${values.map((_, i) => `$${i + 1}`).join(", ")})`, values.map(([, v]) => v));
    }
    if (has("id")) await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST(COALESCE((SELECT max(id) FROM ${table}), 0), 1), (SELECT count(*) > 0 FROM ${table}))`, [table]).catch(() => undefined);
  });
}

async function runProbes(target: TargetDatabase, probes: ReturnType<typeof planProbes>): Promise<DeployOutcome["probes"]> {
  const out: DeployOutcome["probes"] = [];
  for (const probe of probes) out.push(probe.sql ? { ...probe, outcome: await target.count(probe.sql, PROBE_TIMEOUT_MS) } : probe);
  return out;
}


