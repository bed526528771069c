import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startTestPostgres, withTestClient } from "./helpers/postgres.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";
import { unprivilegedUser } from "../src/postgres/run-as.js";
import { runCliJson } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";
import { REPO } from "./helpers/paths.js";
import { createRequire } from "node:module";

/**
 * Safety for what the worker starts, not only for its own sockets: a live "production"
 * database (TLS on), and the project's environment pointing at it the way a staging deploy
 * job's does (APP_DATABASE_URL with sslmode=require, PG* variables). Migrations that shell out
 * to psql, run a shell script, start a Node script with pg, and open pg in a worker thread
 * must leave production byte-for-byte unchanged, with no connection in its log, and each must
 * be reported at the user's line (reached-outside, an error). Run in both isolations: the
 * network namespace (root here) and the guard alone (what macOS and restricted runners get).
 */
const psql = spawnSync("psql", ["--version"]).status === 0;
const namespaces = process.platform === "linux" && spawnSync("unshare", ["--net", "--mount", "--", "true"]).status === 0;
/** Built by .ci/run per Node version (an addon is built for one); absent or unloadable: skipped. */
const pgNativeDir = path.join(REPO, ".pg-native", `node${process.versions.node.split(".")[0]}`, "node_modules", "pg-native");
const pgNative = (() => {
  try {
    createRequire(import.meta.url)(pgNativeDir);
    return undefined;
  } catch (error) {
    return (error as Error).message.split("\n")[0];
  }
})();
if (pgNative) console.warn(`isolation.test: SKIPPED the pg-native case: pg-native cannot be loaded from ${pgNativeDir} (${pgNative}); .ci/run builds it.`);
if (!psql) console.warn("isolation.test: psql is not installed, so the psql and shell-script cases are skipped (apt-get install postgresql-client).");
if (!namespaces) console.warn("isolation.test: this machine cannot make network namespaces (not root, user namespaces restricted): the namespace runs are skipped.");

describe("what the project's code starts cannot reach production", () => {
  let server: ProvisionedDatabase;
  let serverLog = "";
  let project: TempProject;
  let prodUrl: string;
  let certDir: string;
  const TEST_APP = "isolation-test-audit";

  const admin = <T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> => withTestClient(server, { database, applicationName: TEST_APP }, work);
  const snapshot = () =>
    admin("production", async (client) => {
      const columns = await client.query("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2");
      const rows = await client.query("SELECT * FROM accounts ORDER BY id");
      return JSON.stringify({ columns: columns.rows, rows: rows.rows });
    });
  const productionConnections = (since: number) =>
    serverLog
      .slice(since)
      .split("\n")
      .filter((line) => /connection authorized: .*database=production/.test(line) && !line.includes(`application_name=${TEST_APP}`));

  beforeAll(async () => {
    // A self-signed certificate, readable by the account the test server runs as.
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", path.join(certDir, "server.key"), "-out", path.join(certDir, "server.crt")], { stdio: "pipe" });
    const runAs = unprivilegedUser();
    fs.chmodSync(certDir, 0o755);
    fs.chmodSync(path.join(certDir, "server.key"), 0o600);
    if (runAs) for (const file of ["server.key", "server.crt"]) fs.chownSync(path.join(certDir, file), runAs.uid, runAs.gid);

    server = await startTestPostgres({
      settings: { log_connections: "on", ssl: "on", ssl_cert_file: path.join(certDir, "server.crt"), ssl_key_file: path.join(certDir, "server.key") },
      onServerLog: (text) => (serverLog += text),
    });
    prodUrl = `postgres://postgres@127.0.0.1:${server.connection.port}/production`;
    await admin("postgres", (c) => c.query("CREATE DATABASE production"));
    await admin("production", async (c) => {
      await c.query("CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0)");
      await c.query("INSERT INTO accounts (email, balance) VALUES ('ada@example.com', 1200.50), ('grace@example.com', 99.99)");
    });

    const migration = (timestamp: number, name: string, imports: string, body: string) =>
      `${imports}\nimport { MigrationInterface, QueryRunner } from "typeorm";\nexport class ${name}${timestamp} implements MigrationInterface {\n  async up(_q: QueryRunner) {\n    try {\n${body}\n    } catch {}\n  }\n  async down() {}\n}\n`;
    // Each script's connect line is line 4; the migration's spawning line is line 6.
    const nodeScript = (extra: string) =>
      `const { Client } = require("pg");\nasync function main() {\n  const client = new Client({ connectionString: process.env.APP_DATABASE_URL });\n  await client.connect();\n  await client.query("DELETE FROM accounts");\n}\n${extra}main().catch(() => undefined);\n`;
    project = tempProject({
      files: {
        "package.json": '{ "name": "backfill-app" }',
        "src/account.ts": `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";\n\n@Entity("accounts")\nexport class Account {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column("text")\n  email: string;\n}\n`,
        "src/data-source.ts": `import "reflect-metadata";\nimport { DataSource } from "typeorm";\nimport { Account } from "./account";\n\nexport default new DataSource({ type: "postgres", url: process.env.APP_DATABASE_URL, entities: [Account], migrations: [__dirname + "/migrations/*.ts"] });\n`,
        "src/migrations/1700000000000-CreateAccounts.ts": `import { MigrationInterface, QueryRunner } from "typeorm";\nexport class CreateAccounts1700000000000 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query('CREATE TABLE "accounts" ("id" SERIAL PRIMARY KEY, "email" text NOT NULL)');\n  }\n  async down() {}\n}\n`,
        ...(psql && {
          "src/migrations/1700000000001-PsqlBackfill.ts": migration(1700000000001, "PsqlBackfill", `import { execSync } from "node:child_process";`, '      execSync(`psql "${process.env.APP_DATABASE_URL}" -c "DELETE FROM accounts"`, { stdio: "pipe" });'),
          "src/migrations/1700000000002-ShellScript.ts": migration(1700000000002, "ShellScript", `import { execSync } from "node:child_process";`, `      execSync("sh scripts/backfill.sh", { stdio: "pipe" });`),
          // psql with no arguments: libpq's PG* variables say where.
          "scripts/backfill.sh": `#!/bin/sh\npsql -c "UPDATE accounts SET balance = 0"\n`,
        }),
        "src/migrations/1700000000003-NodeBackfill.ts": migration(1700000000003, "NodeBackfill", `import { execFileSync } from "node:child_process";`, `      execFileSync(process.execPath, ["scripts/backfill.cjs"], { stdio: "pipe" });`),
        // A URL written into the script itself, not taken from the environment: line 7.
        "scripts/backfill.cjs": nodeScript(`const literal = new Client({ connectionString: ${JSON.stringify(`${prodUrl}?sslmode=require`)} });\nliteral.connect().then(() => literal.query("DELETE FROM accounts")).catch(() => undefined);\n`),
        "src/migrations/1700000000004-ThreadBackfill.ts": migration(
          1700000000004,
          "ThreadBackfill",
          `import path from "node:path";\nimport { Worker } from "node:worker_threads";`,
          `      await new Promise((resolve) => new Worker(path.join(__dirname, "../../scripts/thread.cjs")).once("exit", resolve));`,
        ),
        "scripts/thread.cjs": nodeScript(""),
        // The server side: a superuser migration's COPY FROM PROGRAM runs a shell with the server's
        // environment, which must hold nothing of the job's.
        "src/migrations/1700000000006-ServerProgram.ts": `import { MigrationInterface, QueryRunner } from "typeorm";\nexport class ServerProgram1700000000006 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    await q.query("CREATE TABLE probe (v text)");\n    await q.query("COPY probe FROM PROGRAM 'printenv APP_DATABASE_URL DATABASE_URL PGHOST PGDATABASE; true'");\n    const seen = await q.query("SELECT v FROM probe");\n    if (seen.length) throw new Error("the server's shell saw " + seen.map((r: { v: string }) => r.v).join(", "));\n    await q.query("DROP TABLE probe");\n  }\n  async down() {}\n}\n`,
        // pg-native: libpq, in C, opens its own sockets.
        ...(!pgNative && {
          "src/migrations/1700000000005-NativeBackfill.ts": migration(
            1700000000005,
            "NativeBackfill",
            `const Client = require("pg-native");`,
            `      try { new Client().connectSync(process.env.APP_DATABASE_URL); } catch {}\n      new Client().connectSync(${JSON.stringify(prodUrl)});`,
          ),
        }),
      },
    });
    if (!pgNative) fs.symlinkSync(pgNativeDir, path.join(project.dir, "node_modules", "pg-native"), "dir");
  });

  afterAll(async () => {
    project?.cleanup();
    await server?.dispose();
    if (certDir) fs.rmSync(certDir, { recursive: true, force: true });
  });

  const isolations = [...(namespaces ? ["namespace"] : []), "guard"];
  const servers: Array<[string, boolean]> = [
    ["on another server", false],
    ["on the production server itself (database-url, TLS)", true],
  ];
  describe.each(isolations)("isolation: %s", (isolation) => {
    test.each(servers)("the throwaway database %s", async (_label, onSameServer) => {
      const before = await snapshot();
      const logMark = serverLog.length;
      const env = { APP_DATABASE_URL: `${prodUrl}?sslmode=require`, DATABASE_URL: prodUrl, PGHOST: "127.0.0.1", PGPORT: String(server.connection.port), PGDATABASE: "production", PGUSER: "postgres", PGSSLMODE: "require" };
      const args = ["check", "--data-source", "src/data-source.ts", "--isolation", isolation, "--cross-check", "false"];
      if (onSameServer) args.push("--database-url", `postgres://postgres@127.0.0.1:${server.connection.port}/postgres?sslmode=require`);
      const { status, report, stderr } = await runCliJson(args, { cwd: project.dir, env });

      expect(productionConnections(logMark)).toEqual([]);
      expect(await snapshot()).toBe(before);
      // A run that could not check shows why.
      expect(report.status === "error" ? stderr : "").toBe("");
      expect(stderr).toContain(isolation === "namespace" ? "Isolation: network namespace" : "Isolation: guard");
      expect(report.migrations.map((m) => m.status)).toEqual(report.migrations.map(() => "applied"));

      const trapped = `$APP_DATABASE_URL (127.0.0.1:${server.connection.port}/production)`;
      const outside = report.findings
        .filter((f) => f.ruleId === "reached-outside")
        .map((f) => [f.object, f.location && `${f.location.file}:${f.location.line}`])
        .sort();
      expect(outside).toEqual(
        [
          ...(psql
            ? [
                [trapped, "src/migrations/1700000000001-PsqlBackfill.ts:6"],
                [`$PGDATABASE (127.0.0.1:${server.connection.port}/production)`, "src/migrations/1700000000002-ShellScript.ts:6"],
              ]
            : []),
          [trapped, "scripts/backfill.cjs:4"],
          [`127.0.0.1:${server.connection.port}`, "scripts/backfill.cjs:8"],
          [trapped, "scripts/thread.cjs:4"],
          ...(!pgNative
            ? [
                [trapped, "src/migrations/1700000000005-NativeBackfill.ts:6"],
                [`127.0.0.1:${server.connection.port}/production`, "src/migrations/1700000000005-NativeBackfill.ts:7"],
              ]
            : []),
        ].sort(),
      );
      const nodeChild = report.findings.find((f) => f.ruleId === "reached-outside" && f.location?.file === "scripts/backfill.cjs");
      expect(nodeChild?.message).toContain("started at src/migrations/1700000000003-NodeBackfill.ts:6");
      expect(report.findings.every((f) => f.ruleId !== "reached-outside" || f.severity === "error")).toBe(true);
      expect(status).toBe(1);

      // Without a namespace, programs that are not Node are reported as unwatched.
      const unguarded = report.findings.filter((f) => f.ruleId === "unguarded-subprocess").map((f) => f.location && `${f.location.file}:${f.location.line}`);
      expect(unguarded.sort()).toEqual(isolation === "guard" && psql ? ["src/migrations/1700000000001-PsqlBackfill.ts:6", "src/migrations/1700000000002-ShellScript.ts:6"] : []);

      if (onSameServer) {
        // The gate's own connections to its database went over TLS, as database-url asked.
        const own = serverLog
          .slice(logMark)
          .split("\n")
          .filter((line) => /connection authorized: .*database=migration_gate_/.test(line));
        expect(own.length).toBeGreaterThan(0);
        expect(own.filter((line) => !/SSL enabled/.test(line))).toEqual([]);
        const databases = await admin("postgres", (c) => c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname"));
        expect(databases.rows.map((r) => r.datname)).toEqual(["postgres", "production"]);
      }
    });
  });
});
