import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { startTestPostgres, withTestClient } from "./helpers/postgres.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";
import { runCliJson } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

/**
 * "Never touch a database it did not create": a live production database, referenced by the
 * project's data source in every way TypeORM allows, must come out byte-for-byte unchanged and
 * must never see a connection, while the project's migrations (which drop and rewrite
 * `accounts`) run. Connections are audited from the server's own log (log_connections).
 */
describe("a live production database is never touched", () => {
  let server: ProvisionedDatabase;
  let serverLog = "";
  let prodUrl: string;
  let project: TempProject;

  // The test's own connections carry this name, so the audit can tell them apart.
  const TEST_APP = "safety-test-audit";
  const admin = <T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> => withTestClient(server, { database, applicationName: TEST_APP }, work);

  /** Schema and rows of production, as text. Connects to production itself, so it is called outside the audited window. */
  const snapshot = () =>
    admin("production", async (client) => {
      const columns = await client.query("SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position");
      const rows = await client.query("SELECT * FROM accounts ORDER BY id");
      const migrations = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'migrations'");
      return JSON.stringify({ columns: columns.rows, rows: rows.rows, migrations: migrations.rows });
    });

  const productionConnections = (since: number) =>
    serverLog
      .slice(since)
      .split("\n")
      .filter((line) => /connection authorized: .*database=production/.test(line) && !line.includes(`application_name=${TEST_APP}`));

  beforeAll(async () => {
    server = await startTestPostgres({ settings: { log_connections: "on" }, onServerLog: (text) => (serverLog += text) });
    prodUrl = `postgres://postgres@127.0.0.1:${server.connection.port}/production`;
    await admin("postgres", (c) => c.query("CREATE DATABASE production"));
    await admin("production", async (c) => {
      await c.query("CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL, balance numeric(12,2) NOT NULL DEFAULT 0)");
      await c.query("INSERT INTO accounts (email, balance) VALUES ('ada@example.com', 1200.50), ('grace@example.com', 99.99)");
    });

    project = tempProject({
      files: {
        "package.json": '{ "name": "prod-app" }',
        "src/account.ts": `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";\n\n@Entity("accounts")\nexport class Account {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column("text")\n  email: string;\n}\n`,
        // Run against production, this would wipe it.
        // A data migration that opens its own connection from DATABASE_URL, as some do.
        "src/migrations/1700000000000-Rebuild.ts": `import { Client } from "pg";\nimport { MigrationInterface, QueryRunner } from "typeorm";\nexport class Rebuild1700000000000 implements MigrationInterface {\n  async up(q: QueryRunner) {\n    const side = new Client({ connectionString: process.env.DATABASE_URL });\n    await side.connect().then(() => side.query("DELETE FROM accounts")).catch(() => undefined);\n    await q.query('DROP TABLE IF EXISTS "accounts"');\n    await q.query('CREATE TABLE "accounts" ("id" SERIAL PRIMARY KEY, "email" text NOT NULL)');\n    await q.query("INSERT INTO accounts (email) VALUES ('gate@example.com')");\n  }\n  async down() {}\n}\n`,
      },
    });
  });

  afterAll(async () => {
    project?.cleanup();
    await server?.dispose();
  });

  const variants: Array<[string, string]> = [
    ["url", `url: PROD_URL`],
    ["host, port, database", `host: "127.0.0.1", port: PROD_PORT, username: "postgres", database: "production"`],
    ["replication", `replication: { master: { url: PROD_URL }, slaves: [{ url: PROD_URL }] }`],
    ["environment variables", `url: process.env.DATABASE_URL`],
    ["pool extra", `extra: { connectionString: PROD_URL }`],
  ];

  // Both isolations: the network namespace where this machine can make one, and the guard alone.
  const namespaces = process.platform === "linux" && spawnSync("unshare", ["--net", "--mount", "--", "true"]).status === 0;
  describe.each([
    ["the embedded Postgres (another server)", false, "auto"],
    ["database-url on the production server itself", true, "auto"],
    ...(namespaces ? [["the embedded Postgres, guard only", false, "guard"] as const, ["database-url on the production server, guard only", true, "guard"] as const] : []),
  ] as Array<readonly [string, boolean, string]>)("with %s", (_label, onSameServer, isolation) => {
    test.each(variants)("data source configured by %s, and side connections at import time and in a migration", async (_name, options) => {
      project.write(
        "src/data-source.ts",
        `import "reflect-metadata";
import pg from "pg";
import { DataSource } from "typeorm";
import { Account } from "./account";

const PROD_URL = ${JSON.stringify(prodUrl)};
const PROD_PORT = ${server.connection.port};
// Some apps open a connection the moment the module loads.
export const eager = new pg.Client({ connectionString: PROD_URL });
eager.connect().catch(() => undefined);

export default new DataSource({ type: "postgres", ${options}, entities: [Account], migrations: [__dirname + "/migrations/*.ts"] });
`,
      );
      const before = await snapshot();
      const logMark = serverLog.length;

      const env = { DATABASE_URL: prodUrl, PGHOST: "127.0.0.1", PGPORT: String(server.connection.port), PGDATABASE: "production", PGUSER: "postgres" };
      const args = ["check", "--data-source", "src/data-source.ts", "--isolation", isolation, ...(onSameServer ? ["--database-url", `postgres://postgres@127.0.0.1:${server.connection.port}/postgres`] : [])];
      const { status, report, stderr } = await runCliJson(args, { cwd: project.dir, env });

      expect(productionConnections(logMark)).toEqual([]);
      expect(await snapshot()).toBe(before);
      // The gate did run the migrations, on its own database.
      expect(report.migrations).toEqual([expect.objectContaining({ name: "Rebuild1700000000000", status: "applied" })]);
      expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(status).toBe(0);
      // Both side connections were refused and reported, at the lines that made them: the one at
      // import time before any database existed, the migration's own by its endpoint or, on the
      // shared server, by the database its startup packet names.
      const endpoint = `127.0.0.1:${server.connection.port}`;
      const blocked = report.findings.filter((f) => f.ruleId === "blocked-connection").map((f) => [f.severity, f.object, f.location]);
      // The migration's side connection followed DATABASE_URL, which the gate pointed at its door.
      expect(blocked).toEqual([
        ["warning", endpoint, { file: "src/data-source.ts", line: 10 }],
        ["warning", `$DATABASE_URL (${endpoint}/production)`, { file: "src/migrations/1700000000000-Rebuild.ts", line: 6 }],
      ]);
      expect(stderr).not.toContain("could not check");

      if (onSameServer) {
        const databases = await admin("postgres", (c) => c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname"));
        expect(databases.rows.map((r) => r.datname)).toEqual(["postgres", "production"]);
      }
    });

    test("a Drizzle project whose config, schema module and environment all point at production", async () => {
      const drizzle = tempProject({
        packages: ["pg", "drizzle-orm"],
        files: {
          "package.json": '{ "name": "prod-drizzle-app" }',
          // drizzle-kit's credentials: the gate never reads them.
          "drizzle.config.ts": `export default { dialect: "postgresql", schema: "./src/schema.ts", out: "./drizzle", dbCredentials: { url: ${JSON.stringify(prodUrl)} } };\n`,
          "src/schema.ts": `import pg from "pg";\nimport { integer, pgTable, serial, text } from "drizzle-orm/pg-core";\n\n// The app's db module, imported by the schema: it connects when loaded.\nexport const client = new pg.Client({ connectionString: process.env.DATABASE_URL });\nclient.connect().then(() => client.query("DELETE FROM accounts")).catch(() => undefined);\n\nexport const accounts = pgTable("accounts", { id: serial("id").primaryKey(), email: text("email").notNull() });\n`,
          // Run against production, this would wipe it.
          "drizzle/0000_rebuild.sql": `DROP TABLE IF EXISTS "accounts";--> statement-breakpoint\nCREATE TABLE "accounts" ("id" serial PRIMARY KEY NOT NULL, "email" text NOT NULL);--> statement-breakpoint\nINSERT INTO "accounts" ("email") VALUES ('gate@example.com');\n`,
          "drizzle/meta/_journal.json": JSON.stringify({ version: "7", dialect: "postgresql", entries: [{ idx: 0, version: "7", when: 1700000000000, tag: "0000_rebuild", breakpoints: true }] }),
        },
      });
      try {
        const before = await snapshot();
        const logMark = serverLog.length;
        const env = { DATABASE_URL: prodUrl, PGHOST: "127.0.0.1", PGPORT: String(server.connection.port), PGDATABASE: "production", PGUSER: "postgres" };
        const args = ["check", "--isolation", isolation, ...(onSameServer ? ["--database-url", `postgres://postgres@127.0.0.1:${server.connection.port}/postgres`] : [])];
        const { status, report } = await runCliJson(args, { cwd: drizzle.dir, env });

        expect(productionConnections(logMark)).toEqual([]);
        expect(await snapshot()).toBe(before);
        expect(report.migrations).toEqual([expect.objectContaining({ name: "0000_rebuild", status: "applied" })]);
        expect(report.findings.map((f) => [f.ruleId, f.location])).toEqual([["blocked-connection", { file: "src/schema.ts", line: 6 }]]);
        expect(status).toBe(0);
      } finally {
        drizzle.cleanup();
      }
    });
  });
});
