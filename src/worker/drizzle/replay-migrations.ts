import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { asRealMigrator } from "./bookkeeping-table.js";
import { GateError } from "../../engine/errors.js";
import type { MigrationFailure, MigrationRecord } from "../../engine/result.js";
import { journalEntryFile, STATEMENT_BREAKPOINT, type DrizzleMigrationFolder } from "../../migrations/drizzle-folder.js";
import { createdTablesIn, touchesIn } from "../created-tables.js";
import type { DbConnection } from "../protocol.js";
import type { AvailableMigration } from "../../migrations/tracking-rows.js";
import type { DrizzleOrm, MigrationMeta, MigratorConfig } from "./drizzle-types.js";
import { cancellerFor, runMigrationBatch, transactionText } from "./migration-batch.js";

const BREAKPOINT = STATEMENT_BREAKPOINT;
/** Migrations per round trip, and at most this much SQL in one (a large migration goes alone). */
const BATCH_MIGRATIONS = 50;
const BATCH_CHARS = 256 * 1024;
/**
 * A batch still running after this long is cancelled and the rest run one at a time, so a
 * migration that hangs is the one the engine's watchdog names; the time lost on a batch that was
 * only slow is bounded by it, once: batching stays off after that.
 */
const BATCH_BUDGET_MS = 1000;

/** One migration as the migrator sees it, with the file it came from. */
interface PlannedMigration {
  meta: MigrationMeta;
  name: string;
  file: string;
}

/** A migration to run and the statements that run it (its own, then the migrator's row). */
interface Job {
  migration: PlannedMigration;
  statements: string[];
}

export interface ReplayRequest {
  orm: DrizzleOrm;
  folder: DrizzleMigrationFolder;
  migrator: MigratorConfig;
  connection: DbConnection;
  onMigrationStart: (name: string) => void;
  /** Upgrade simulation: what the migrator decides is all that may run; no fallback replay. */
  upgrade?: boolean;
  /**
   * A baselined database (simulate-push): the schema is there already; write only the
   * migrator's own bookkeeping rows, as a team that baselined a pushed database has them.
   */
  bookkeepingOnly?: boolean;
  /**
   * deploy-check: replay only these migrations (by the names plan() gives them), the ones a
   * target database's migrations table records; the others, and their bookkeeping rows, are left out.
   */
  only?: ReadonlySet<string>;
}

/**
 * Replays the migrations folder with the project's own drizzle-orm migrator, through its
 * pg-proxy driver: the migrator reads the folder, decides what is pending and writes its
 * bookkeeping rows exactly as in production; we only execute the SQL it hands over, on the
 * throwaway database. Unlike the real migrator (one transaction for everything, stopping at the
 * first error), each migration runs in its own transaction and a failure is recorded with its
 * file and statement before the rest runs, so one broken migration does not hide the others.
 *
 * When the migrator refuses the folder before running anything (a journal entry without its
 * file, a 0.x folder under drizzle-orm 1.x), the same files are replayed from our own reading
 * of the folder, and the refusal is recorded as a failure of the folder itself.
 */
export async function replayDrizzleMigrations(request: ReplayRequest): Promise<MigrationRecord[]> {
  const config: pg.ClientConfig = { ...request.connection, ssl: request.connection.ssl as never };
  const client = new pg.Client(config);
  await client.connect();
  try {
    const runner = new MigrationRunner(client, config, request.onMigrationStart, { bookkeepingOnly: request.bookkeepingOnly === true, keepStatements: request.upgrade === true, ...(request.only && { only: request.only }) });
    let planned: PlannedMigration[];
    try {
      planned = plan(request.orm.readMigrationFiles(request.migrator), request.folder);
    } catch (error) {
      if (request.upgrade || request.bookkeepingOnly) throw cannotUpgrade(`drizzle-orm's migrator refuses the folder (${error instanceof Error ? error.message : String(error)})`);
      return await runner.fallback(request.folder, error);
    }
    const { proxyDrizzle, proxyMigrate } = request.orm;
    if ((request.upgrade || request.bookkeepingOnly) && (!proxyDrizzle || !proxyMigrate)) throw cannotUpgrade(`drizzle-orm ${request.orm.version} has no pg-proxy driver, through which the gate runs the real migrator`);
    if (!proxyDrizzle || !proxyMigrate) {
      // drizzle-orm before 0.29 has no pg-proxy: its migrator's plan (readMigrationFiles) is what
      // a fresh database runs, every migration in journal order.
      await runner.runJobs(planned.filter((m) => !request.only || request.only.has(m.name)).map((m) => ({ migration: m, statements: m.meta.sql })));
      return runner.records;
    }
    const real = asRealMigrator(request.migrator);
    const db = proxyDrizzle(async (sql, params, method) => {
      const result = await client.query({ text: real.own(sql), values: params, ...(method === "all" || method === "values" ? { rowMode: "array" as const } : {}) });
      return { rows: result.rows };
    });
    await proxyMigrate(db, (queries) => runner.runAll(queries.map(real.row), planned), request.migrator);
    return runner.records;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Every migration of the folder as the project's migrator lists it (name, hash, when), for
 * matching a target's migrations table (migrations/tracking-rows.ts). When the migrator refuses
 * the folder, the files present, hashed as it hashes them.
 */
export function availableMigrations(orm: DrizzleOrm, folder: DrizzleMigrationFolder, migrator: MigratorConfig): AvailableMigration[] {
  try {
    return plan(orm.readMigrationFiles(migrator), folder).map((p) => ({ name: p.name, location: { file: p.file, line: 1 }, hash: p.meta.hash, when: p.meta.folderMillis }));
  } catch {
    const files = folder.format === "journal" ? folder.journal.map((e) => ({ name: e.tag, file: journalEntryFile(folder, e), when: e.when as number | undefined })) : folder.sqlFiles.map((f) => ({ name: f.name, file: f.file, when: undefined }));
    return files
      .filter((f) => fs.existsSync(f.file))
      .map((f) => ({ name: f.name, location: { file: f.file, line: 1 }, hash: crypto.createHash("sha256").update(fs.readFileSync(f.file, "utf8")).digest("hex"), ...(f.when !== undefined && { when: f.when }) }));
  }
}

function cannotUpgrade(why: string): GateError {
  return new GateError("upgrade-unsupported", `The upgrade from the base could not be simulated: ${why}.`);
}

/** Pairs the migrator's list with files: 0.x in journal order, 1.x by folder name. */
function plan(metas: MigrationMeta[], folder: DrizzleMigrationFolder): PlannedMigration[] {
  return metas.map((meta, index) => {
    if (meta.name) return { meta, name: meta.name, file: path.join(folder.dir, meta.name, "migration.sql") };
    const entry = folder.journal[index];
    return { meta, name: entry?.tag ?? `migration ${index}`, file: entry ? journalEntryFile(folder, entry) : folder.journalFile ?? folder.dir };
  });
}

class MigrationRunner {
  readonly records: MigrationRecord[] = [];
  private failedBefore = false;
  /** Off after a batch overran its budget: from then on, one migration per round trip. */
  private batching = true;
  private cancel: (() => Promise<void>) | undefined;

  private readonly bookkeepingOnly: boolean;
  private readonly keepStatements: boolean;
  private readonly only: ReadonlySet<string> | undefined;

  constructor(
    private readonly client: pg.Client,
    private readonly config: pg.ClientConfig,
    private readonly onMigrationStart: (name: string) => void,
    options: { bookkeepingOnly?: boolean; keepStatements?: boolean; only?: ReadonlySet<string> } = {},
  ) {
    this.bookkeepingOnly = options.bookkeepingOnly === true;
    this.keepStatements = options.keepStatements === true;
    this.only = options.only;
  }

  /**
   * The migrator's queries: each pending migration's statements followed by the INSERT of its
   * hash into the migrations table. Split them back into migrations by that hash.
   */
  async runAll(queries: string[], planned: PlannedMigration[]): Promise<void> {
    if (this.bookkeepingOnly) {
      for (const query of queries.filter((q) => /^\s*insert\s+into/i.test(q) && planned.some((p) => q.includes(`'${p.meta.hash}'`)))) await this.client.query(query);
      return;
    }
    const jobs: Job[] = [];
    let group: string[] = [];
    let next = 0;
    for (const query of queries) {
      group.push(query);
      // Only an INSERT can be a bookkeeping row: the other statements skip the scan of every planned hash.
      const owner = /^\s*insert\s+into/i.test(query) ? planned.findIndex((p, i) => i >= next && query.includes(`'${p.meta.hash}'`)) : -1;
      if (owner === -1) continue;
      if (!this.only || this.only.has(planned[owner]!.name)) jobs.push({ migration: planned[owner]!, statements: group });
      group = [];
      next = owner + 1;
    }
    await this.runJobs(jobs);
    // Statements after the last bookkeeping row (a migrator that writes none): run them as one.
    if (group.some((q) => q.trim())) await this.execute(group);
  }

  /**
   * In batches (migration-batch.ts), each migration still in its own transaction. A migration
   * that fails or overruns the budget inside a batch is run again alone, through run(), which
   * names its failing statement and tells the engine it started.
   */
  async runJobs(jobs: Job[]): Promise<void> {
    let next = 0;
    while (next < jobs.length) {
      const batch = this.batching ? takeBatch(jobs, next) : [];
      if (batch.length < 2) {
        await this.run(jobs[next]!.migration, jobs[next]!.statements);
        next++;
        continue;
      }
      const started = Date.now();
      this.onMigrationStart(batch[0]!.migration.name);
      const outcome = await runMigrationBatch({ client: this.client, migrations: batch.map((j) => j.statements), budgetMs: BATCH_BUDGET_MS, cancel: await this.canceller() });
      // The batch's time shared out: Postgres answers once for all of them.
      const each = Math.round((Date.now() - started) / Math.max(1, outcome.committed));
      for (const [index, job] of batch.slice(0, outcome.committed).entries()) {
        if (index > 0) this.onMigrationStart(job.migration.name);
        this.record(job.migration, job.statements).durationMs = each;
      }
      next += outcome.committed;
      if (outcome.end === "slow") this.batching = false;
      if (outcome.end !== "done") {
        // A failure in the batch is a failure alone (same transaction, same session): straight to
        // the statement-by-statement run that names it. A slow one gets a round trip of its own.
        // The batch's first migration was announced already.
        await this.run(jobs[next]!.migration, jobs[next]!.statements, { announced: outcome.committed === 0, oneByOne: outcome.end === "failed" });
        next++;
      }
    }
  }

  private async canceller(): Promise<() => Promise<void>> {
    if (!this.cancel) {
      const { rows } = await this.client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      this.cancel = cancellerFor(this.config, rows[0]!.pid);
    }
    return this.cancel;
  }

  async fallback(folder: DrizzleMigrationFolder, refusal: unknown): Promise<MigrationRecord[]> {
    const message = refusal instanceof Error ? refusal.message : String(refusal);
    const files =
      folder.format === "journal"
        ? folder.journal.map((entry) => ({ name: entry.tag, file: journalEntryFile(folder, entry), when: entry.when }))
        : folder.sqlFiles.map((file) => ({ name: file.name, file: file.file, when: undefined }));
    const present = files.filter((f) => fs.existsSync(f.file));
    // A missing file is the journal rules' finding; any other refusal is reported here.
    if (present.length === files.length) {
      this.records.push({
        name: path.basename(folder.dir),
        location: { file: folder.journalFile ?? folder.dir, line: 1 },
        status: "failed",
        durationMs: 0,
        createdTables: [],
        ranAfterFailure: false,
        failure: { message: `drizzle-orm's migrator refuses the folder: ${message}` },
      });
      this.failedBefore = true;
    }
    for (const migration of present) {
      const text = fs.readFileSync(migration.file, "utf8");
      await this.run({ meta: { sql: text.split(BREAKPOINT), folderMillis: migration.when ?? 0, hash: "" }, name: migration.name, file: migration.file }, text.split(BREAKPOINT));
    }
    return this.records;
  }

  private async run(migration: PlannedMigration, statements: string[], options: { announced?: boolean; oneByOne?: boolean } = {}): Promise<void> {
    if (!options.announced) this.onMigrationStart(migration.name);
    const started = Date.now();
    const record = this.record(migration, statements);
    const failure = options.oneByOne ? await this.executeOneByOne(statements, migration) : await this.execute(statements, migration);
    // A failed migration keeps the statements up to the failing one (record() kept them all).
    if (this.keepStatements && failure) record.statements = sentStatements(statements.slice(0, statements.findIndex((s) => s.trim() === failure.statement) + 1 || statements.length));
    record.durationMs = Date.now() - started;
    if (failure) {
      record.status = "failed";
      record.failure = failure;
      record.touches = touchesIn(migration.meta.sql);
      this.failedBefore = true;
    }
  }

  /** The migration's record, as applied; run() marks it failed when it was not. */
  private record(migration: PlannedMigration, statements: string[]): MigrationRecord {
    const record: MigrationRecord = {
      name: migration.name,
      timestamp: migration.meta.folderMillis || undefined,
      location: { file: migration.file, line: 1 },
      status: "applied",
      durationMs: 0,
      createdTables: migration.meta.sql.flatMap((statement) => createdTablesIn(statement)),
      ranAfterFailure: this.failedBefore,
      ...(this.keepStatements && { statements: sentStatements(statements) }),
    };
    this.records.push(record);
    return record;
  }

  /**
   * One transaction; on failure it is rolled back and the failing statement is located in the file.
   * First the whole migration goes in one round trip (Postgres stops at the first error, as the
   * statement-by-statement run would); only when that fails is it rolled back and run again one
   * statement at a time, to name the statement. At 950 migrations that saves some 4,000 round
   * trips through the door. Statements are joined on lines of their own, so a trailing `--`
   * comment cannot swallow the next one.
   */
  private async execute(statements: string[], migration?: PlannedMigration): Promise<MigrationFailure | undefined> {
    try {
      await this.client.query(transactionText(statements));
      return undefined;
    } catch {
      await this.client.query("ROLLBACK");
    }
    return this.executeOneByOne(statements, migration);
  }

  private async executeOneByOne(statements: string[], migration?: PlannedMigration): Promise<MigrationFailure | undefined> {
    await this.client.query("BEGIN");
    for (const [index, statement] of statements.entries()) {
      if (!statement.trim()) continue;
      try {
        await this.client.query(statement);
      } catch (error) {
        await this.client.query("ROLLBACK");
        const isOwn = migration !== undefined && index < migration.meta.sql.length;
        return { ...failureOf(error), statement: statement.trim(), statementLine: isOwn ? lineOfStatement(migration.meta.sql, index) : undefined };
      }
    }
    try {
      await this.client.query("COMMIT");
    } catch (error) {
      // A deferred constraint is checked here, after every statement succeeded; Postgres has
      // rolled the transaction back already. The migration failed at its commit.
      const failure = failureOf(error);
      return { ...failure, message: `${failure.message} (when committing, after its last statement)`, statement: "COMMIT" };
    }
    return undefined;
  }
}

/** Postgres's error as a failure: its SQLSTATE and message. */
function failureOf(error: unknown): { code: string | undefined; message: string } {
  const err = error as { code?: string; message?: string };
  return { code: typeof err.code === "string" ? err.code : undefined, message: err.message ?? String(error) };
}

/** The statements as a record keeps them: trimmed, the empty ones left out. */
function sentStatements(statements: string[]): string[] {
  return statements.filter((s) => s.trim()).map((s) => s.trim());
}

/** The jobs from `start` that go in one round trip: up to BATCH_MIGRATIONS, and BATCH_CHARS of SQL. */
function takeBatch(jobs: Job[], start: number): Job[] {
  let chars = 0;
  let end = start;
  while (end < jobs.length && end - start < BATCH_MIGRATIONS) {
    chars += jobs[end]!.statements.reduce((sum, s) => sum + s.length, 0);
    if (chars > BATCH_CHARS && end > start) break;
    end++;
  }
  return jobs.slice(start, end);
}

/** The file is the statements joined by breakpoints: the line where statement `index` starts. */
function lineOfStatement(statements: string[], index: number): number {
  const before = statements.slice(0, index).join(BREAKPOINT) + (index > 0 ? BREAKPOINT : "");
  const leading = /^\s*/.exec(statements[index]!)![0];
  return (before + leading).split("\n").length;
}
