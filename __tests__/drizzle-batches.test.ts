/**
 * Drizzle migrations replayed several per round trip, each still in its own transaction
 * (src/worker/drizzle/migration-batch.ts): what committed is exactly what would have committed
 * one at a time, a failure or a hang inside a batch is pinned to its own migration, and a batch
 * that is only slow loses nothing.
 */
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { cancellerFor, runMigrationBatch } from "../src/worker/drizzle/migration-batch.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";
import { drizzleProject, type DrizzleProject } from "./helpers/drizzle.js";
import { startTestPostgres } from "./helpers/postgres.js";
import { runCli, runCliJson } from "./helpers/run-cli.js";

describe("a batch of migrations against a real Postgres", () => {
  let server: ProvisionedDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startTestPostgres();
    client = new pg.Client(server.connection);
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await server?.dispose();
  });

  const tables = async () => (await client.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.t);
  const inTransaction = async () => (await client.query<{ s: string }>("SELECT now() = statement_timestamp() AS s")).rows[0]!.s;

  test("a failing migration: those before it committed, it and those after it not run, the connection idle", async () => {
    const outcome = await runMigrationBatch({
      client,
      migrations: [["CREATE TABLE fa (id int)"], ["CREATE TABLE fb (id int)", "ALTER TABLE nowhere ADD COLUMN x int"], ["CREATE TABLE fc (id int)"]],
      budgetMs: 30_000,
      cancel: () => Promise.reject(new Error("not expected")),
    });
    expect(outcome).toEqual({ committed: 1, end: "failed" });
    expect(await tables()).toEqual(["fa"]);
    // Outside any transaction: a statement's time differs from the (new) transaction's only inside one.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await inTransaction()).toBe(true);
  });

  test("all of them: every one committed, a migration's own SELECT and COMMIT-looking text not taken for a marker", async () => {
    const outcome = await runMigrationBatch({
      client,
      migrations: [["CREATE TABLE oa (note text)", "SELECT 0 AS migration_gate_batch"], ["INSERT INTO oa VALUES ('COMMIT')"], ["CREATE TABLE ob (id int)"]],
      budgetMs: 30_000,
      cancel: () => Promise.reject(new Error("not expected")),
    });
    expect(outcome).toEqual({ committed: 3, end: "done" });
    expect(await tables()).toEqual(expect.arrayContaining(["oa", "ob"]));
    expect((await client.query("SELECT note FROM oa")).rows).toEqual([{ note: "COMMIT" }]);
  });

  test("past its budget: the running migration is cancelled and rolled back, those before it stay, and the cancel stops nothing after", async () => {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const started = Date.now();
    const outcome = await runMigrationBatch({
      client,
      migrations: [["CREATE TABLE sa (id int)"], ["CREATE TABLE sb (id int)", "SELECT pg_sleep(60)"], ["CREATE TABLE sc (id int)"]],
      budgetMs: 300,
      cancel: cancellerFor(server.connection, rows[0]!.pid),
    });
    expect(outcome).toEqual({ committed: 1, end: "slow" });
    expect(Date.now() - started).toBeLessThan(20_000);
    const now = await tables();
    expect(now).toContain("sa");
    expect(now).not.toContain("sb");
    expect(now).not.toContain("sc");
    // The next statement runs to its end: the cancel landed before the batch returned.
    expect((await client.query("SELECT pg_sleep(0.3), 1 AS one")).rows[0].one).toBe(1);
  });
});

/** drizzle-kit generate --custom for each name, in order, filled with its SQL; returns each one's file under drizzle/. */
function customMigrations(project: DrizzleProject, sql: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(sql)) project.generate(name, ["--custom"]);
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(sql)) {
    files[name] = project.migrationFiles().find((f) => f.includes(name) && f.endsWith(".sql"))!;
    fs.writeFileSync(path.join(project.dir, "drizzle", files[name]!), text);
  }
  return files;
}

describe("a Drizzle project whose chain has a slow or a hanging migration", () => {
  test("a migration that hangs inside a batch is the one the timeout names", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      customMigrations(project, { backfill: `UPDATE "users" SET "display_name" = 'x';\n`, wait: `SELECT pg_sleep(600);\n`, after: `UPDATE "users" SET "display_name" = 'y';\n` });
      const run = await runCli(["check", "--timeout", "8"], { cwd: project.dir });
      expect(run.status).toBe(2);
      // The batch started at 0000_init; without the cancel and rerun the timeout would name that one.
      expect(run.stderr).toContain("stopped while migration 0002_wait was running");
    } finally {
      project.cleanup();
    }
  });

  test("failures one after another: each named at its statement, each listed once in the progress, the chain goes on", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      const file = customMigrations(project, {
        first_broken: `UPDATE "users" SET "display_name" = 'x';\n--> statement-breakpoint\nUPDATE "nowhere" SET "a" = 1;\n`,
        second_broken: `UPDATE "elsewhere" SET "b" = 2;\n`,
        after: `UPDATE "users" SET "display_name" = 'y';\n`,
      });
      const { report, status, stderr } = await runCliJson(["check"], { cwd: project.dir });
      expect(status).toBe(1);
      expect(report.findings.map((f) => [f.ruleId, f.location?.file, f.location?.line])).toEqual([
        ["migration-failed", path.join("drizzle", file.first_broken!), 3],
        ["migration-failed", path.join("drizzle", file.second_broken!), 1],
      ]);
      expect(report.migrations.map((m) => [m.name, m.status, m.ranAfterFailure])).toEqual([
        ["0000_init", "applied", false],
        ["0001_first_broken", "failed", false],
        ["0002_second_broken", "failed", true],
        ["0003_after", "applied", true],
      ]);
      // The second failure was the first migration of its batch: announced once, not again by its rerun.
      const listed = stderr.split("\n").filter((line) => /^\s+000\d_\w+$/.test(line)).map((line) => line.trim());
      expect(listed).toEqual(["0000_init", "0001_first_broken", "0002_second_broken", "0003_after"]);
    } finally {
      project.cleanup();
    }
  });

  test("a deferred constraint that fails only at COMMIT: migration-failed on that migration, the chain goes on", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      const file = customMigrations(project, {
        deferred: `CREATE TABLE "parent_rows" ("id" integer PRIMARY KEY);\n--> statement-breakpoint\nCREATE TABLE "child_rows" ("parent_id" integer REFERENCES "parent_rows" ("id") DEFERRABLE INITIALLY DEFERRED);\n--> statement-breakpoint\nINSERT INTO "child_rows" VALUES (1);\n`,
        after: `UPDATE "users" SET "display_name" = 'y';\n`,
      });
      const { report, status } = await runCliJson(["check"], { cwd: project.dir });
      expect(status).toBe(1);
      expect(report.findings.map((f) => [f.ruleId, f.location?.file])).toEqual([["migration-failed", path.join("drizzle", file.deferred!)]]);
      expect(report.findings[0]!.message).toContain("violates foreign key constraint");
      expect(report.migrations.map((m) => [m.name, m.status])).toEqual([
        ["0000_init", "applied"],
        ["0001_deferred", "failed"],
        ["0002_after", "applied"],
      ]);
    } finally {
      project.cleanup();
    }
  });

  test("a migration slower than the batch budget runs once, in full: nothing missing, nothing applied twice", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      project.write("src/db/schema/notes.ts", `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const notes = pgTable("notes", { id: serial("id").primaryKey(), body: text("body") });\n`);
      project.generate("notes");
      const notes = project.migrationFiles().find((f) => f.includes("notes") && f.endsWith(".sql"))!;
      // Its CREATE TABLE runs before the sleep the cancel interrupts: rolled back, then rerun alone.
      fs.appendFileSync(path.join(project.dir, "drizzle", notes), `\n--> statement-breakpoint\nSELECT pg_sleep(1.5);\n`);
      customMigrations(project, { later: `INSERT INTO "notes" ("body") VALUES ('after the slow one');\n` });
      const { report, status } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
      expect(report.migrations.map((m) => [m.name, m.status])).toEqual([
        ["0000_init", "applied"],
        ["0001_notes", "applied"],
        ["0002_later", "applied"],
      ]);
    } finally {
      project.cleanup();
    }
  });
});
