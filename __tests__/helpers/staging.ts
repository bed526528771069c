import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { expect } from "@jest/globals";
import pg from "pg";
import type { ProvisionedDatabase } from "../../src/postgres/provider.js";
import { FIXTURES, REPO } from "./paths.js";
import { startTestPostgres, withTestClient } from "./postgres.js";
import { runCliJson } from "./run-cli.js";
import { spawnNode } from "./spawn-collect.js";

/** The application_name the gate's target connection carries (src/postgres/target-database.ts). */
export const GATE_TARGET_APP = "migration-gate (read-only)";
/** The application_name of the test's own connections to the staging server. */
const TEST_APP = "staging-test";

/** The password in every staging URL (the server trusts local clients, so it is never checked). */
export const STAGING_PASSWORD = "staging-pw-never-printed";

export interface LoggedStatement {
  app: string;
  text: string;
}

/**
 * A "staging" Postgres the test owns, logging every statement (log_statement=all) with the
 * client's application_name in front, so a test can audit exactly what the gate sent.
 */
export interface Staging {
  server: ProvisionedDatabase;
  /** Creates a fresh database and returns its URL (credentials in it, as users pass them). */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL on `database` as the test (not the gate). */
  sql(database: string, text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** A position in the statement log, after everything sent so far; `statementsSince(mark)` reads what came after it. */
  mark(): Promise<number>;
  /** What the server logged after `mark`, once everything sent before this call is in the log. */
  statementsSince(mark: number): Promise<LoggedStatement[]>;
  dispose(): Promise<void>;
}

export async function startStaging(): Promise<Staging> {
  let log = "";
  let flushes = 0;
  const server = await startTestPostgres({
    settings: { log_statement: "all", log_line_prefix: "%a|" },
    onServerLog: (text) => {
      log += text;
    },
  });
  const c = server.connection;
  const sql = (database: string, text: string, values?: unknown[]) => withTestClient(server, { database, applicationName: TEST_APP }, (client) => client.query(text, values));
  // The server writes its log in order, through a pipe: once a marker statement sent now shows
  // up, every statement sent before it (by a process that has exited, too) is in the log.
  const flush = async () => {
    const marker = `SELECT 'log-flushed-${++flushes}'`;
    await sql(c.database, marker);
    for (let tries = 0; !log.includes(marker) && tries < 200; tries++) await new Promise((r) => setTimeout(r, 25));
    if (!log.includes(marker)) throw new Error("the staging server's statement log never showed the marker");
  };
  return {
    server,
    async createDatabase(name) {
      await sql(c.database, `CREATE DATABASE "${name}"`);
      // The test server trusts local connections, so any password works: this one must never
      // show up in the gate's output.
      return `postgres://${encodeURIComponent(c.user)}:${STAGING_PASSWORD}@${c.host}:${c.port}/${name}`;
    },
    sql,
    async mark() {
      await flush();
      return log.length;
    },
    async statementsSince(mark) {
      await flush();
      return parseStatementLog(log.slice(mark)).filter((s) => !s.text.startsWith("SELECT 'log-flushed-"));
    },
    dispose: () => server.dispose(),
  };
}

/**
 * Statements from a log written with log_line_prefix '%a|'. A statement spanning lines logs its
 * first line after "statement: " and the rest as unprefixed lines, so those are joined back.
 */
export function parseStatementLog(text: string): LoggedStatement[] {
  const statements: LoggedStatement[] = [];
  let current: LoggedStatement | undefined;
  for (const line of text.split("\n")) {
    const match = /^([^|]*)\|(LOG|ERROR|WARNING|NOTICE|FATAL|DETAIL|HINT|STATEMENT|CONTEXT):\s+(.*)$/.exec(line);
    if (match) {
      current = undefined;
      const [, app, level, rest] = match;
      const statement = level === "LOG" ? /^statement: ?(.*)$/.exec(rest!) : null;
      if (statement) {
        current = { app: app!, text: statement[1]! };
        statements.push(current);
      }
    } else if (current) {
      current.text += `\n${line}`;
    }
  }
  for (const statement of statements) statement.text = statement.text.trim();
  return statements;
}

/**
 * What a read-only reader may send: catalog and table reads, READ ONLY transactions, their end,
 * and the per-transaction timeout for data probes. Anything else from the gate is a write (or
 * at least not provably a read), and fails the test.
 */
const READ_ONLY = [/^SELECT\s/i, /^WITH\s[\s\S]*\sSELECT\s/i, /^BEGIN TRANSACTION( ISOLATION LEVEL [A-Z ]+)? READ ONLY$/i, /^COMMIT$/i, /^ROLLBACK$/i, /^SET LOCAL statement_timeout = \d+$/i];
/** Writes that can hide inside a SELECT. */
const WRITING_SELECT = /\b(nextval|setval|pg_advisory\w*|INTO|FOR UPDATE|FOR SHARE|FOR NO KEY UPDATE)\b/i;

/**
 * Every statement on the server that is not the test's own and not a plain read by the gate's
 * read-only connection (empty when the gate only read). A statement from any other client is
 * listed too: the gate has no business opening another connection to the target.
 */
export function writesFrom(statements: LoggedStatement[]): string[] {
  return statements
    .filter((s) => s.app !== TEST_APP)
    .filter((s) => s.app !== GATE_TARGET_APP || !READ_ONLY.some((allowed) => allowed.test(s.text)) || WRITING_SELECT.test(s.text))
    .map((s) => `${s.app}| ${s.text}`);
}

/** The gate's statements (proof the audit saw it at all: an empty log proves nothing). */
export function gateStatements(statements: LoggedStatement[]): string[] {
  return statements.filter((s) => s.app === GATE_TARGET_APP).map((s) => s.text);
}

/**
 * deploy-check as a deploy's pre-step runs it, audited: the staging server's log shows the gate
 * sent statements (an empty log proves nothing), none of them a write, and its output never
 * holds the URL's password.
 */
export async function auditedDeployCheck(staging: Staging, args: string[], cwd: string): Promise<Awaited<ReturnType<typeof runCliJson>>> {
  const mark = await staging.mark();
  const run = await runCliJson(["deploy-check", ...args], { cwd });
  const statements = await staging.statementsSince(mark);
  expect(writesFrom(statements)).toEqual([]);
  expect(gateStatements(statements).length).toBeGreaterThan(3);
  expect(run.stdout + run.stderr).not.toContain(STAGING_PASSWORD);
  return run;
}

// ---- Drizzle: the real migrator and drizzle-kit push ----

export type DrizzleFlavour = "drizzle 0.45" | "drizzle 1.x";

const DRIZZLE_MODULES: Record<DrizzleFlavour, string> = {
  "drizzle 0.45": path.join(REPO, "node_modules"),
  "drizzle 1.x": path.join(FIXTURES, "drizzle1", "node_modules"),
};

/** drizzle-orm's own node-postgres migrator, run on `url` with the project's migrations folder. */
export async function drizzleMigrate(version: DrizzleFlavour, folder: string, url: string, table?: { migrationsTable: string; migrationsSchema: string }): Promise<void> {
  const require = createRequire(path.join(DRIZZLE_MODULES[version], "drizzle-orm", "package.json"));
  // drizzle({ client }): 1.x reads a bare client argument as a config and opens a pool of its own.
  const { drizzle } = require("drizzle-orm/node-postgres") as { drizzle: (config: { client: pg.Client }) => unknown };
  const { migrate } = require("drizzle-orm/node-postgres/migrator") as { migrate: (db: unknown, config: { migrationsFolder: string; migrationsTable?: string; migrationsSchema?: string }) => Promise<void> };
  const client = new pg.Client({ connectionString: url, application_name: TEST_APP });
  await client.connect();
  try {
    await migrate(drizzle({ client }), { migrationsFolder: folder, ...table });
  } finally {
    await client.end();
  }
}

/**
 * `drizzle-kit push --force` as a team that skipped migrations runs it, with a config that
 * lets it manage the fixture's billing schema too (push's schemaFilter defaults to public).
 */
export function drizzlePush(projectDir: string, url: string): string {
  fs.writeFileSync(
    path.join(projectDir, "drizzle.push.config.ts"),
    `import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ dialect: "postgresql", schema: "./src/db/schema", out: "./drizzle", casing: "snake_case", schemaFilter: ["public", "billing"], dbCredentials: { url: process.env.DATABASE_URL! } });\n`,
  );
  try {
    return execFileSync(process.execPath, [path.join(projectDir, "node_modules", "drizzle-kit", "bin.cjs"), "push", "--force", "--config", "drizzle.push.config.ts"], {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: "" },
      input: "",
      timeout: 60_000,
      stdio: "pipe",
    }).toString();
  } finally {
    fs.rmSync(path.join(projectDir, "drizzle.push.config.ts"), { force: true });
  }
}

// ---- TypeORM: the real DataSource, runMigrations and synchronize ----

/**
 * Runs the project's own typeorm on `url` in a child process: its entity and migration .ts
 * files transpiled to CommonJS (TypeScript 5.9, decorator metadata on) into a folder inside
 * the project, so `typeorm` resolves from the project's node_modules as the app's would.
 * `only` limits the migrations to those files (a database "behind by N").
 */
export async function typeormRun(options: { projectDir: string; url: string; mode: "migrate" | "synchronize"; entities: string[]; migrations: string[]; only?: string[]; migrationsTableName?: string }): Promise<void> {
  const script = `
    const fs = require("fs"), path = require("path");
    const ts = require(${JSON.stringify(path.join(REPO, "node_modules", "typescript"))});
    const [projectDir, url, mode, entitiesJson, migrationsJson, migrationsTableName] = process.argv.slice(1);
    const out = path.join(projectDir, ".mg-cjs");
    fs.rmSync(out, { recursive: true, force: true });
    const files = fs.readdirSync(path.join(projectDir, "src"), { recursive: true }).filter((f) => f.endsWith(".ts"));
    for (const file of files) {
      const source = fs.readFileSync(path.join(projectDir, "src", file), "utf8");
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, experimentalDecorators: true, emitDecoratorMetadata: true, esModuleInterop: true } }).outputText;
      fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
      fs.writeFileSync(path.join(out, file.replace(/\\.ts$/, ".js")), js.replace(/import\\.meta\\.url/g, "require('url').pathToFileURL(__filename).href"));
    }
    fs.writeFileSync(path.join(out, "package.json"), '{ "type": "commonjs" }');
    require(require.resolve("reflect-metadata", { paths: [projectDir] }));
    const { DataSource } = require(require.resolve("typeorm", { paths: [projectDir] }));
    const load = (list) => JSON.parse(list).flatMap((f) => Object.values(require(path.join(out, f.replace(/^src\\//, "").replace(/\\.ts$/, ".js")))).filter((v) => typeof v === "function"));
    (async () => {
      const ds = new DataSource({ type: "postgres", url, entities: load(entitiesJson), migrations: load(migrationsJson), logging: false, ...(migrationsTableName && { migrationsTableName }), extra: { application_name: ${JSON.stringify(TEST_APP)} } });
      await ds.initialize();
      try {
        if (mode === "synchronize") await ds.synchronize();
        else {
          const ran = await ds.runMigrations({ transaction: "each" });
          console.log(JSON.stringify(ran.map((m) => m.name)));
        }
      } finally {
        await ds.destroy();
        fs.rmSync(out, { recursive: true, force: true });
      }
    })().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
  `;
  const migrations = options.only ?? options.migrations;
  const run = await spawnNode(["-e", script, options.projectDir, options.url, options.mode, JSON.stringify(options.entities), JSON.stringify(migrations), options.migrationsTableName ?? ""], { cwd: options.projectDir, env: { ...process.env, NODE_OPTIONS: "" } });
  if (run.status !== 0) throw new Error(`typeorm ${options.mode} failed (${run.status}):\n${run.stderr}\n${run.stdout}`);
}
