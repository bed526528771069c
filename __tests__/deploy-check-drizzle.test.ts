/**
 * deploy-check and baseline on a real "staging" Postgres the test starts, for drizzle-orm 0.45
 * (journal, created_at order) and 1.x (migration folders, applied by name): each database state
 * the deploy can meet, every run audited through the server's statement log (log_statement=all)
 * to prove the gate only read the target; after baseline, drizzle-orm's own migrator runs clean.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { drizzleProject, readJournal, writeJournal, type DrizzleProject, type DrizzleVersion } from "./helpers/drizzle.js";
import { runCli, runCliJson, type JsonReport } from "./helpers/run-cli.js";
import { auditedDeployCheck, drizzleMigrate, drizzlePush, startStaging, writesFrom, type Staging } from "./helpers/staging.js";

let staging: Staging;
let databases = 0;

beforeAll(async () => {
  staging = await startStaging();
});
afterAll(async () => {
  await staging?.dispose();
});

const findings = (report: JsonReport) => report.findings.map((f) => `${f.severity} ${f.ruleId}`).sort();

/** Edits a schema file of the project: `from` must be in it. */
function edit(project: DrizzleProject, file: string, from: string, to: string): void {
  const full = path.join(project.dir, "src", "db", "schema", file);
  const text = fs.readFileSync(full, "utf8");
  if (!text.includes(from)) throw new Error(`no "${from}" in ${file}`);
  fs.writeFileSync(full, text.replace(from, to));
}

describe.each<DrizzleVersion>(["drizzle 0.45", "drizzle 1.x"])("%s", (version) => {
  const folder = (project: DrizzleProject) => path.join(project.dir, "drizzle");
  const trackingTable = `"drizzle"."__drizzle_migrations"`;

  /** A fresh database on the staging server, named for the test. */
  async function database(): Promise<{ url: string; name: string }> {
    const name = `staging_${++databases}`;
    return { name, url: await staging.createDatabase(name) };
  }

  /** deploy-check as a deploy's pre-step runs it, with the statement log proving it only read. */
  const deployCheck = (project: DrizzleProject, url: string) => auditedDeployCheck(staging, ["--target-url", url], project.dir);

  test("untracked (built by drizzle-kit push): untracked-database, baseline plans, writes, and the migrator then runs clean", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { name, url } = await database();
      drizzlePush(project.dir, url);

      const check = await deployCheck(project, url);
      expect(findings(check.report)).toEqual(["error untracked-database"]);
      expect(check.report.findings[0]!.message).toContain("does not exist: the database was built without migrations");
      // What the deploy's migrate would really do, as a copy showed: stop at the first migration.
      expect(check.report.findings[0]!.message).toMatch(/would run all 1 migration\(s\) again from \S*init; on a copy of it, \S*init fails: .* already exists \((42P06|42P07|42710)\), and the deploy would stop there\./);
      expect(check.report.findings[0]!.location).toBeUndefined();
      expect(check.report.findings[0]!.hint).toContain("npx migration-gate baseline --target-url <url> (prints the plan), then again with --yes");
      expect(check.status).toBe(1);

      // Without --yes: the plan, and nothing written.
      const planMark = await staging.mark();
      const plan = await runCli(["baseline", "--target-url", url], { cwd: project.dir });
      expect(writesFrom(await staging.statementsSince(planMark))).toEqual([]);
      expect(plan.stdout).toContain(`INSERT INTO ${trackingTable}`);
      // created_at as drizzle-orm's node-postgres and postgres-js migrators make it (the replay's pg-proxy one makes it numeric).
      expect(plan.stdout).toContain(`"created_at" bigint`);
      expect(plan.stdout).toContain("Baseline plan (nothing written; run again with --yes to write it)");
      expect(plan.status).toBe(0);
      expect((await staging.sql(name, `SELECT to_regclass('drizzle.__drizzle_migrations') AS t`)).rows[0].t).toBeNull();

      const writeMark = await staging.mark();
      const written = await runCli(["baseline", "--target-url", url, "--yes"], { cwd: project.dir });
      // Its writes touch the migrations table and nothing else, from one connection of its own.
      const writes = writesFrom(await staging.statementsSince(writeMark));
      expect(writes.length).toBeGreaterThan(2);
      expect(writes.filter((w) => !/^migration-gate baseline\| (BEGIN|COMMIT|SELECT |LOCK TABLE "drizzle"|CREATE SCHEMA IF NOT EXISTS "drizzle"|CREATE TABLE "drizzle"|INSERT INTO "drizzle")/.test(w))).toEqual([]);
      expect(written.stderr + written.stdout).toContain("Baseline written: 1 migration(s) recorded in drizzle.__drizzle_migrations, in one transaction");
      expect(written.status).toBe(0);
      expect((await staging.sql(name, `SELECT count(*)::int AS n FROM ${trackingTable}`)).rows[0].n).toBe(1);

      // drizzle-orm's own migrator now sees nothing to do (it would fail on "already exists" otherwise).
      await drizzleMigrate(version, folder(project), url);
      expect((await staging.sql(name, `SELECT count(*)::int AS n FROM ${trackingTable}`)).rows[0].n).toBe(1);
      const after = await deployCheck(project, url);
      expect(findings(after.report)).toEqual([]);
      expect(after.status).toBe(0);

      // A second baseline refuses: the rows exist.
      const again = await runCli(["baseline", "--target-url", url, "--yes"], { cwd: project.dir });
      expect(again.stderr).toContain("already records 1 migration(s) in drizzle.__drizzle_migrations: baseline only writes into an empty migrations table, and wrote nothing.");
      expect(again.status).toBe(2);
    } finally {
      project.cleanup();
    }
  });

  test("up to date: nothing pending, nothing found", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { url } = await database();
      await drizzleMigrate(version, folder(project), url);
      const { report, status, stderr } = await deployCheck(project, url);
      expect(findings(report)).toEqual([]);
      expect(stderr).toContain("Dry run: the migrator ran 0 pending migration(s)");
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("behind by 2: both pending, in the order the deploy runs them; dry run passes", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { url } = await database();
      await drizzleMigrate(version, folder(project), url);
      edit(project, "users.ts", `displayName: text("display_name"),`, `displayName: text("display_name"),\n    bio: text("bio"),`);
      project.generate("bio");
      edit(project, "users.ts", `bio: text("bio"),`, `bio: text("bio"),\n    nickname: text("nickname"),`);
      project.generate("nickname");
      const { report, status } = await deployCheck(project, url);
      expect(findings(report)).toEqual(["notice pending-migration", "notice pending-migration"]);
      expect(report.findings[0]!.message).toMatch(/\(1 of 2\): \S*bio\S* will run on deploy/);
      expect(report.findings[1]!.message).toMatch(/\(2 of 2\): \S*nickname\S* will run on deploy/);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("hand-altered: target-drift names the column nobody's migration made", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { name, url } = await database();
      await drizzleMigrate(version, folder(project), url);
      await staging.sql(name, `ALTER TABLE users ADD COLUMN hotfix text`);
      await staging.sql(name, `DROP INDEX posts_published_idx`);
      const { report, status } = await deployCheck(project, url);
      expect(findings(report)).toEqual(["warning target-drift", "warning target-drift"]);
      const messages = report.findings.map((f) => f.message).join("\n");
      expect(messages).toContain("public.users.hotfix");
      expect(messages).toContain(`public.posts(published_at) (index "posts_published_idx"): the migrations it has applied create it`);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("ahead: a tracking row no migration in the repository made is unknown-applied-migration", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { name, url } = await database();
      await drizzleMigrate(version, folder(project), url);
      const columns = (await staging.sql(name, `SELECT column_name FROM information_schema.columns WHERE table_schema = 'drizzle' AND table_name = '__drizzle_migrations'`)).rows.map((r) => r.column_name as string);
      if (columns.includes("name")) await staging.sql(name, `INSERT INTO ${trackingTable} (hash, created_at, name) VALUES ('0123abcd', 1999999999999, '20991231000000_other_branch')`);
      else await staging.sql(name, `INSERT INTO ${trackingTable} (hash, created_at) VALUES ('0123abcd', 1999999999999)`);
      const { report, status } = await deployCheck(project, url);
      expect(findings(report)).toEqual(["warning unknown-applied-migration"]);
      expect(report.findings[0]!.message).toContain(columns.includes("name") ? "20991231000000_other_branch" : "0123abcd");
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("an applied migration edited afterwards: edited-after-apply", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { url } = await database();
      await drizzleMigrate(version, folder(project), url);
      const sqlFile = project.migrationFiles().find((f) => f.endsWith(".sql"))!;
      fs.appendFileSync(path.join(folder(project), sqlFile), `\n--> statement-breakpoint\nCREATE INDEX "users_created_idx" ON "users" ("created_at");`);
      const { report, status } = await deployCheck(project, url);
      // The edit's index was never built on the target: that is drift too, and true.
      expect(findings(report)).toEqual(["warning edited-after-apply", "warning target-drift"]);
      const edited = report.findings.find((f) => f.ruleId === "edited-after-apply")!;
      expect(edited.location?.file).toBe(`drizzle/${sqlFile}`);
      expect(report.findings.find((f) => f.ruleId === "target-drift")!.message).toContain(`public.users(created_at) (index "users_created_idx")`);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("late-merged entry: the gate says what drizzle-orm's migrator will do with it", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      edit(project, "users.ts", `displayName: text("display_name"),`, `displayName: text("display_name"),\n    bio: text("bio"),`);
      project.generate("bio");
      const { name, url } = await database();
      await drizzleMigrate(version, folder(project), url);
      // A branch's migration, generated before "bio" but merged after it was deployed.
      edit(project, "users.ts", `bio: text("bio"),`, `bio: text("bio"),\n    nickname: text("nickname"),`);
      project.generate("nickname");
      if (version === "drizzle 0.45") {
        const journal = readJournal(project);
        journal.entries[2]!.when = journal.entries[1]!.when - 60_000;
        writeJournal(project, journal);
      } else {
        const [, bio, nickname] = fs.readdirSync(folder(project)).filter((f) => /^\d{14}_/.test(f)).sort();
        const earlier = `${String(Number(bio!.slice(0, 14)) - 1)}_nickname`;
        fs.renameSync(path.join(folder(project), nickname!), path.join(folder(project), earlier));
      }
      const { report, status } = await deployCheck(project, url);
      await drizzleMigrate(version, folder(project), url);
      const nickname = (await staging.sql(name, `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'`)).rows[0].n;
      if (version === "drizzle 0.45") {
        // 0.x applies only entries newer than the newest applied created_at: it skips this one.
        expect(findings(report)).toEqual(["error skipped-on-deploy"]);
        expect(report.findings[0]!.message).toContain("nickname");
        expect(status).toBe(1);
        expect(nickname).toBe(0);
      } else {
        // 1.x applies every folder it has no row for, by name: the late one is simply pending.
        expect(findings(report)).toEqual(["notice pending-migration"]);
        expect(status).toBe(0);
        expect(nickname).toBe(1);
      }
    } finally {
      project.cleanup();
    }
  });

  test("pending SET NOT NULL over rows with NULLs, and a unique index over duplicates: counted on the target", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { name, url } = await database();
      await drizzleMigrate(version, folder(project), url);
      await staging.sql(name, `INSERT INTO users (email, display_name) VALUES ('a@x.test', NULL), ('b@x.test', NULL), ('c@x.test', 'dup-nick-7f3a'), ('d@x.test', 'dup-nick-7f3a'), ('e@x.test', 'other')`);
      edit(project, "users.ts", `displayName: text("display_name"),`, `displayName: text("display_name").notNull(),`);
      project.generate("display_name_required");
      edit(project, "users.ts", `    check("users_balance_positive"`, `    uniqueIndex("users_display_name_unique").on(t.displayName),\n    check("users_balance_positive"`);
      edit(project, "users.ts", `import { boolean, check, index,`, `import { boolean, check, index, uniqueIndex,`);
      project.generate("display_name_unique");
      const { report, status } = await deployCheck(project, url);
      expect(findings(report)).toEqual(["error pending-migration-fails-on-data", "error pending-migration-fails-on-data", "notice pending-migration", "notice pending-migration"]);
      const data = report.findings.filter((f) => f.ruleId === "pending-migration-fails-on-data").map((f) => f.message).join("\n");
      expect(data).toContain("2 rows with NULL in display_name (counted read-only on the target)");
      expect(data).toContain("1 group of rows sharing one display_name");
      // Counts only, never the rows' contents.
      expect(JSON.stringify(report)).not.toContain("dup-nick-7f3a");
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });

  test("a pending migration that fails on the target's schema: the dry run reports it with the statement", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      const { url } = await database();
      await drizzleMigrate(version, folder(project), url);
      project.generate("backfill", ["--custom"]);
      const custom = project.migrationFiles().filter((f) => f.endsWith(".sql")).pop()!;
      fs.writeFileSync(path.join(folder(project), custom), `UPDATE "users" SET "nickname" = "display_name";`);
      const { report, status } = await deployCheck(project, url);
      expect(findings(report)).toEqual(["error pending-migration-fails", "notice pending-migration"]);
      const failure = report.findings.find((f) => f.ruleId === "pending-migration-fails")!;
      expect(failure.message).toContain(`column "nickname" of relation "users" does not exist`);
      expect(failure.detail ?? failure.message).toContain(`UPDATE "users" SET "nickname"`);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe("drizzle 0.45 with its own migrations table and schema", () => {
  test("deploy-check reads, and baseline writes, the table the config names; drizzle's migrator agrees", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      const config = path.join(project.dir, "drizzle.config.ts");
      fs.writeFileSync(config, fs.readFileSync(config, "utf8").replace(`  casing: "snake_case",`, `  casing: "snake_case",\n  migrations: { table: "schema_migrations", schema: "public" },`));
      project.generate("init");
      const name = `staging_${++databases}`;
      const url = await staging.createDatabase(name);
      drizzlePush(project.dir, url);
      const check = await runCliJson(["deploy-check", "--target-url", url], { cwd: project.dir });
      expect(check.report.findings.map((f) => `${f.ruleId} ${f.object}`)).toEqual(["untracked-database public.schema_migrations"]);
      const written = await runCli(["baseline", "--target-url", url, "--yes"], { cwd: project.dir });
      expect(written.stderr).toContain("Baseline written: 1 migration(s) recorded in public.schema_migrations, in one transaction");
      expect(written.status).toBe(0);
      await drizzleMigrate("drizzle 0.45", path.join(project.dir, "drizzle"), url, { migrationsTable: "schema_migrations", migrationsSchema: "public" });
      expect((await staging.sql(name, `SELECT count(*)::int AS n FROM public.schema_migrations`)).rows[0].n).toBe(1);
      expect((await staging.sql(name, `SELECT to_regclass('drizzle.__drizzle_migrations') AS t`)).rows[0].t).toBeNull();
      const after = await runCliJson(["deploy-check", "--target-url", url], { cwd: project.dir });
      expect(after.report.findings).toEqual([]);
      expect(after.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});
