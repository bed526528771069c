/**
 * deploy-check and baseline on a real "staging" Postgres the test starts, for typeorm 0.3 (a
 * CommonJS project listing its migration classes) and 1.x (ESM, a migrations glob): each
 * database state the deploy can meet, every run audited through the server's statement log
 * to prove the gate only read the target; after baseline, typeorm's own runMigrations runs clean.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { FIXTURES } from "./helpers/paths.js";
import { runCli, runCliJson, type JsonReport } from "./helpers/run-cli.js";
import { auditedDeployCheck, startStaging, typeormRun, writesFrom, type Staging } from "./helpers/staging.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

let staging: Staging;
let databases = 0;

beforeAll(async () => {
  staging = await startStaging();
});
afterAll(async () => {
  await staging?.dispose();
});

const findings = (report: JsonReport) => report.findings.map((f) => `${f.severity} ${f.ruleId}`).sort();

interface Variant {
  label: string;
  fixture: string;
  entities: string[];
  migrations: string[];
  /** Schemas the entities live in besides public: synchronize does not create schemas. */
  schemas: string[];
  /** A table with a nullable text column the tests fill and then constrain. */
  table: string;
  /** Registers a new migration file with the project (typeorm 0.3's data source lists classes). */
  register(project: TempProject, file: string, className: string): void;
}

const VARIANTS: Variant[] = [
  {
    label: "typeorm 0.3",
    fixture: "typeorm03-cjs",
    entities: ["src/entities/author.ts", "src/entities/book.ts", "src/entities/tag.ts", "src/billing/invoice.ts"],
    migrations: ["src/migrations/1700000000001-init.ts", "src/migrations/1700000000002-billing.ts"],
    schemas: ["billing"],
    table: "author",
    register(project, file, className) {
      const source = path.join(project.dir, "src", "data-source.ts");
      const text = fs.readFileSync(source, "utf8");
      project.write(
        "src/data-source.ts",
        text.replace(`import { Billing1700000000002 }`, `import { ${className} } from "./migrations/${path.basename(file, ".ts")}";\nimport { Billing1700000000002 }`).replace(/migrations: \[([^\]]*)\]/, `migrations: [$1, ${className}]`),
      );
    },
  },
  {
    label: "typeorm 1.x",
    fixture: "typeorm1-esm",
    entities: ["src/entity/post.ts", "src/entity/comment.ts"],
    migrations: ["src/migration/1710000000000-Blog.ts"],
    schemas: [],
    table: "posts",
    register() {
      // The data source's glob finds it.
    },
  },
];

describe.each(VARIANTS)("$label", (variant) => {
  const migrationsDir = path.dirname(variant.migrations[0]!);

  function project(): TempProject & { migrations: string[] } {
    const created = tempProject({ from: path.join(FIXTURES, variant.fixture) });
    return Object.assign(created, { migrations: [...variant.migrations] });
  }

  /** Adds a hand-written migration (as `typeorm migration:create` starts one) to the project. */
  function addMigration(p: TempProject & { migrations: string[] }, timestamp: number, name: string, up: string[]): string {
    const className = `${name}${timestamp}`;
    const file = `${migrationsDir}/${timestamp}-${name}.ts`;
    p.write(
      file,
      `import type { MigrationInterface, QueryRunner } from "typeorm";\n\nexport class ${className} implements MigrationInterface {\n  async up(q: QueryRunner): Promise<void> {\n${up.map((s) => `    await q.query(${JSON.stringify(s)});\n`).join("")}  }\n\n  async down(): Promise<void> {}\n}\n`,
    );
    variant.register(p, file, className);
    p.migrations.push(file);
    return className;
  }

  async function database(): Promise<{ url: string; name: string }> {
    const name = `staging_${++databases}`;
    const url = await staging.createDatabase(name);
    for (const schema of variant.schemas) await staging.sql(name, `CREATE SCHEMA "${schema}"`);
    return { name, url };
  }

  const migrate = (p: TempProject & { migrations: string[] }, url: string, only?: string[]) => typeormRun({ projectDir: p.dir, url, mode: "migrate", entities: variant.entities, migrations: p.migrations, only });

  const deployCheck = (p: TempProject, url: string) => auditedDeployCheck(staging, ["--target-url", url, "--data-source", "src/data-source.ts"], p.dir);

  test("untracked (built by synchronize): untracked-database, baseline writes, runMigrations then runs clean", async () => {
    const p = project();
    try {
      const { name, url } = await database();
      await typeormRun({ projectDir: p.dir, url, mode: "synchronize", entities: variant.entities, migrations: [] });
      const check = await deployCheck(p, url);
      expect(findings(check.report)).toEqual(["error untracked-database"]);
      expect(check.status).toBe(1);

      const planMark = await staging.mark();
      const plan = await runCli(["baseline", "--target-url", url, "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(writesFrom(await staging.statementsSince(planMark))).toEqual([]);
      expect(plan.stdout).toContain(`INSERT INTO "public"."migrations"`);
      expect(plan.status).toBe(0);

      // The table goes into the existing public schema: no CREATE SCHEMA, which would need CREATE on the database.
      expect(plan.stdout).not.toContain("CREATE SCHEMA");
      // A deploy user that may create tables in public and nothing more is enough.
      await staging.sql(name, `DO $$ BEGIN CREATE ROLE deployer LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await staging.sql(name, `GRANT USAGE, CREATE ON SCHEMA public TO deployer`);
      const deployer = url.replace(/\/\/[^:]+:/, "//deployer:");
      const written = await runCli(["baseline", "--target-url", deployer, "--data-source", "src/data-source.ts", "--yes"], { cwd: p.dir });
      expect(written.stderr).toContain(`Baseline written: ${p.migrations.length} migration(s) recorded in public.migrations, in one transaction`);
      expect(written.status).toBe(0);
      const rows = await staging.sql(name, `SELECT "timestamp"::text, name FROM migrations ORDER BY id`);
      expect(rows.rows.map((r) => r.name as string)).toEqual(p.migrations.map((f) => { const [ts, n] = path.basename(f, ".ts").split("-"); return `${n![0]!.toUpperCase()}${n!.slice(1)}${ts}`; }));

      // typeorm's own migrator: nothing to run (it would fail on "already exists" otherwise).
      await migrate(p, url);
      expect((await staging.sql(name, `SELECT count(*)::int AS n FROM migrations`)).rows[0].n).toBe(p.migrations.length);
      const after = await deployCheck(p, url);
      expect(findings(after.report)).toEqual([]);
      expect(after.status).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  test("baseline refuses a synchronized database changed by hand: REFUSED, the difference listed, nothing written", async () => {
    const p = project();
    try {
      const { name, url } = await database();
      await typeormRun({ projectDir: p.dir, url, mode: "synchronize", entities: variant.entities, migrations: [] });
      await staging.sql(name, `ALTER TABLE "${variant.table}" ADD COLUMN hotfix text`);
      const run = await runCli(["baseline", "--target-url", url, "--data-source", "src/data-source.ts", "--yes"], { cwd: p.dir });
      expect(run.stdout).toContain("migration-gate baseline: REFUSED: 0 error(s), 1 warning(s)");
      expect(run.stdout).toContain(`public.${variant.table}.hotfix (column)`);
      expect(run.status).toBe(1);
      expect((await staging.sql(name, `SELECT to_regclass('public.migrations') AS t`)).rows[0].t).toBeNull();
    } finally {
      p.cleanup();
    }
  });

  test("up to date, then behind by 2: nothing, then both pending in order", async () => {
    const p = project();
    try {
      const { url } = await database();
      await migrate(p, url);
      const upToDate = await deployCheck(p, url);
      expect(findings(upToDate.report)).toEqual([]);
      expect(upToDate.status).toBe(0);

      addMigration(p, 1800000000001, "Nickname", [`ALTER TABLE "${variant.table}" ADD "nickname" text`]);
      addMigration(p, 1800000000002, "Motto", [`ALTER TABLE "${variant.table}" ADD "motto" text`]);
      const behind = await deployCheck(p, url);
      expect(findings(behind.report)).toEqual(["notice pending-migration", "notice pending-migration"]);
      expect(behind.report.findings.map((f) => f.message)).toEqual([expect.stringContaining("(1 of 2): Nickname1800000000001 will run on deploy"), expect.stringContaining("(2 of 2): Motto1800000000002 will run on deploy")]);
      expect(behind.status).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  test("hand-altered and ahead: target-drift and unknown-applied-migration", async () => {
    const p = project();
    try {
      const { name, url } = await database();
      await migrate(p, url);
      await staging.sql(name, `ALTER TABLE "${variant.table}" ADD COLUMN hotfix text`);
      await staging.sql(name, `INSERT INTO migrations ("timestamp", name) VALUES (1999999999999, 'OtherBranch1999999999999')`);
      const { report, status } = await deployCheck(p, url);
      expect(findings(report)).toEqual(["warning target-drift", "warning unknown-applied-migration"]);
      expect(report.findings.find((f) => f.ruleId === "target-drift")!.message).toContain(`public.${variant.table}.hotfix (column)`);
      expect(report.findings.find((f) => f.ruleId === "unknown-applied-migration")!.message).toContain("OtherBranch1999999999999");
      expect(status).toBe(0);

      // The change that makes the hotfix real: on the replayed copy it passes, on the target it cannot.
      addMigration(p, 1800000000001, "Hotfix", [`ALTER TABLE "${variant.table}" ADD "hotfix" text`]);
      const colliding = await deployCheck(p, url);
      expect(findings(colliding.report)).toEqual(["error pending-migration-fails", "notice pending-migration", "warning target-drift", "warning unknown-applied-migration"]);
      const collision = colliding.report.findings.find((f) => f.ruleId === "pending-migration-fails")!;
      expect(collision.message).toContain(`Hotfix1800000000001 would fail on 127.0.0.1:${staging.server.connection.port}/${name}: `);
      expect(collision.message).toContain(`it creates the column public.${variant.table}.hotfix, but the target already has a column of that name that none of its applied migrations made`);
      expect(collision.location).toEqual({ file: `${migrationsDir}/1800000000001-Hotfix.ts`, line: 5 });
      expect(colliding.status).toBe(1);
    } finally {
      p.cleanup();
    }
  });

  test("nothing applied yet and a table made by hand: tracked from zero, not untracked; the pending CREATE that collides fails", async () => {
    const p = project();
    try {
      const { name, url } = await database();
      // The migrations table exists (a first migrate that ran nothing, or everything reverted) but is empty.
      await migrate(p, url, []);
      await staging.sql(name, `CREATE VIEW "${variant.table}" AS SELECT 1 AS id`);
      const { report, status } = await deployCheck(p, url);
      expect(findings(report)).toEqual(["error pending-migration-fails", ...p.migrations.map(() => "notice pending-migration"), "warning target-drift"]);
      expect(report.findings.find((f) => f.ruleId === "pending-migration-fails")!.message).toContain(`it creates the table public.${variant.table}, but the target already has a view of that name`);
      expect(report.findings.find((f) => f.ruleId === "target-drift")!.message).toContain(`public.${variant.table} (view)`);
      expect(status).toBe(1);
    } finally {
      p.cleanup();
    }
  });

  test("a backfill before SET NOT NULL: the count would be the target's, not the deploy's, so it is skipped and said", async () => {
    const p = project();
    try {
      addMigration(p, 1800000000001, "Nickname", [`ALTER TABLE "${variant.table}" ADD "nickname" text`]);
      const { url } = await database();
      await migrate(p, url);
      addMigration(p, 1800000000002, "FillNickname", [`UPDATE "${variant.table}" SET "nickname" = 'n' WHERE "nickname" IS NULL`]);
      addMigration(p, 1800000000003, "NicknameRequired", [`ALTER TABLE "${variant.table}" ALTER COLUMN "nickname" SET NOT NULL`]);
      const { report, status } = await deployCheck(p, url);
      expect(findings(report)).toEqual(["notice data-probe-skipped", "notice pending-migration", "notice pending-migration"]);
      expect(report.findings.find((f) => f.ruleId === "data-probe-skipped")!.message).toContain("NicknameRequired1800000000003");
      expect(status).toBe(0);
    } finally {
      p.cleanup();
    }
  });

  test("pending SET NOT NULL over NULLs and a unique index over duplicates: counted on the target; a failing one: the dry run", async () => {
    const p = project();
    try {
      addMigration(p, 1800000000001, "Nickname", [`ALTER TABLE "${variant.table}" ADD "nickname" text`]);
      const { name, url } = await database();
      await migrate(p, url);
      const fill = variant.table === "posts" ? `INSERT INTO posts (title, nickname) VALUES ('a', NULL), ('b', NULL), ('c', 'dup-nick-7f3a'), ('d', 'dup-nick-7f3a')` : `INSERT INTO author (name, nickname) VALUES ('a', NULL), ('b', NULL), ('c', 'dup-nick-7f3a'), ('d', 'dup-nick-7f3a')`;
      await staging.sql(name, fill);
      addMigration(p, 1800000000002, "NicknameRequired", [`ALTER TABLE "${variant.table}" ALTER COLUMN "nickname" SET NOT NULL`]);
      addMigration(p, 1800000000003, "NicknameUnique", [`CREATE UNIQUE INDEX "IDX_nickname" ON "${variant.table}" ("nickname")`]);
      addMigration(p, 1800000000004, "Backfill", [`UPDATE "${variant.table}" SET "missing_column" = 1`]);
      const { report, status } = await deployCheck(p, url);
      expect(findings(report)).toEqual([
        "error pending-migration-fails",
        "error pending-migration-fails-on-data",
        "error pending-migration-fails-on-data",
        "notice pending-migration",
        "notice pending-migration",
        "notice pending-migration",
      ]);
      const data = report.findings.filter((f) => f.ruleId === "pending-migration-fails-on-data").map((f) => f.message).join("\n");
      expect(data).toContain("NicknameRequired1800000000002 would fail on");
      // At the statement's line in the migration file (its query inside a string literal).
      expect(report.findings.find((f) => f.ruleId === "pending-migration-fails-on-data")!.location).toEqual({ file: `${migrationsDir}/1800000000002-NicknameRequired.ts`, line: 5 });
      expect(data).toContain("2 rows with NULL in nickname");
      expect(data).toContain("1 group of rows sharing one nickname");
      expect(JSON.stringify(report)).not.toContain("dup-nick-7f3a");
      expect(report.findings.find((f) => f.ruleId === "pending-migration-fails")!.message).toContain(`column "missing_column" of relation "${variant.table}" does not exist`);
      expect(status).toBe(1);
    } finally {
      p.cleanup();
    }
  });
});

describe("typeorm 1.x, untracked, with migrations that tolerate what exists", () => {
  test("untracked-database says the deploy would pass but run every migration again, as a copy showed", async () => {
    const p = tempProject({ from: path.join(FIXTURES, "typeorm1-esm") });
    try {
      const migration = path.join(p.dir, "src", "migration", "1710000000000-Blog.ts");
      fs.writeFileSync(
        migration,
        fs
          .readFileSync(migration, "utf8")
          .replace(/CREATE TABLE "/g, 'CREATE TABLE IF NOT EXISTS "')
          .replace(/await q\.query\(`ALTER TABLE "comments" ADD CONSTRAINT[^`]*`\);/, () => "await q.query(`DO $$ BEGIN ALTER TABLE \"comments\" ADD CONSTRAINT \"FK_comments_post\" FOREIGN KEY (\"postId\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);"),
      );
      const url = await staging.createDatabase(`staging_${++databases}`);
      await typeormRun({ projectDir: p.dir, url, mode: "synchronize", entities: ["src/entity/post.ts", "src/entity/comment.ts"], migrations: [] });
      const { report, status } = await auditedDeployCheck(staging, ["--target-url", url, "--data-source", "src/data-source.ts"], p.dir);
      expect(findings(report)).toEqual(["error untracked-database"]);
      expect(report.findings[0]!.message).toContain("on a copy of it they all ran again without an error (their statements tolerate what exists), so the deploy would pass");
      expect(status).toBe(1);
    } finally {
      p.cleanup();
    }
  });
});

describe("typeorm 0.3 with its own migrationsTableName", () => {
  test("deploy-check reads, and baseline writes, the table the data source names", async () => {
    const p = tempProject({ from: path.join(FIXTURES, "typeorm03-cjs") });
    try {
      const source = path.join(p.dir, "src", "data-source.ts");
      fs.writeFileSync(source, fs.readFileSync(source, "utf8").replace(`  migrations: [`, `  migrationsTableName: "typeorm_history",\n  migrations: [`));
      const entities = ["src/entities/author.ts", "src/entities/book.ts", "src/entities/tag.ts", "src/billing/invoice.ts"];
      const migrations = ["src/migrations/1700000000001-init.ts", "src/migrations/1700000000002-billing.ts"];
      const args = ["--data-source", "src/data-source.ts"];

      const migratedName = `staging_${++databases}`;
      const migrated = await staging.createDatabase(migratedName);
      await typeormRun({ projectDir: p.dir, url: migrated, mode: "migrate", entities, migrations, only: migrations.slice(0, 1), migrationsTableName: "typeorm_history" });
      const behind = await runCliJson(["deploy-check", "--target-url", migrated, ...args], { cwd: p.dir });
      expect(behind.report.findings.map((f) => `${f.ruleId} ${f.object}`)).toEqual(["pending-migration Billing1700000000002"]);
      expect(behind.stdout).toContain(`"trackingTable": "public.typeorm_history"`);
      expect(behind.status).toBe(0);

      const syncedName = `staging_${++databases}`;
      const synced = await staging.createDatabase(syncedName);
      await staging.sql(syncedName, `CREATE SCHEMA "billing"`);
      await typeormRun({ projectDir: p.dir, url: synced, mode: "synchronize", entities, migrations: [] });
      const written = await runCli(["baseline", "--target-url", synced, ...args, "--yes"], { cwd: p.dir });
      expect(written.stderr).toContain("Baseline written: 2 migration(s) recorded in public.typeorm_history, in one transaction");
      expect(written.status).toBe(0);
      await typeormRun({ projectDir: p.dir, url: synced, mode: "migrate", entities, migrations, migrationsTableName: "typeorm_history" });
      expect((await staging.sql(syncedName, `SELECT count(*)::int AS n FROM typeorm_history`)).rows[0].n).toBe(2);
      expect((await staging.sql(syncedName, `SELECT to_regclass('public.migrations') AS t`)).rows[0].t).toBeNull();
    } finally {
      p.cleanup();
    }
  });
});
