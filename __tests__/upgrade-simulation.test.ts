/**
 * The path existing databases take: the base chain first, then the head's migrations as the
 * ORM's own migrator picks them. Real git histories, the real migrators, and for the Drizzle
 * late merge a proof with drizzle-orm's own node-postgres migrator that the column really is
 * missing on an upgraded database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";
import { describe, expect, test } from "@jest/globals";
import { commitAll, git } from "./helpers/git.js";
import { runCliJson, type JsonReport } from "./helpers/run-cli.js";
import { drizzleProject, readJournal, writeJournal, type DrizzleVersion } from "./helpers/drizzle.js";
import { tempProject } from "./helpers/temp-project.js";
import { FIXTURES, REPO } from "./helpers/paths.js";
import { startTestPostgres } from "./helpers/postgres.js";

type Finding = JsonReport["findings"][number] & { introduced?: boolean };
const about = (report: JsonReport, ...rules: string[]) =>
  (report.findings as Finding[])
    .filter((f) => rules.includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.object}`)
    .sort();

/** Base: init, then `other` (a new table). The change: a column whose migration was generated on a branch before `other`. */
function lateMerge(version: DrizzleVersion) {
  const project = drizzleProject(version);
  project.generate("init");
  project.write("src/db/schema/audit.ts", `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const audit = pgTable("audit", {\n  id: serial("id").primaryKey(),\n  what: text("what"),\n});\n`);
  project.generate("other");
  git(project.dir, "init", "-q");
  const baseFolder = fs.mkdtempSync(path.join(os.tmpdir(), "mg-base-folder-"));
  fs.cpSync(path.join(project.dir, "drizzle"), baseFolder, { recursive: true });
  const base = commitAll(project.dir, "base: init, other");
  const users = project.read("src/db/schema/users.ts");
  project.write("src/db/schema/users.ts", users.replace(`displayName: text("display_name"),`, `displayName: text("display_name"),\n    bio: text("bio"),`));
  project.generate("add_bio");
  return { project, base, baseFolder };
}

describe("upgrade simulation, drizzle 0.45: a migration merged late with an older when", () => {
  test("fresh databases get the column, upgraded ones skip it: skipped-on-upgrade at the journal entry, the missing column as an upgrade divergence", async () => {
    const { project, base, baseFolder } = lateMerge("drizzle 0.45");
    try {
      // Generated on the branch before `other` was merged: its when is older.
      const journal = readJournal(project);
      const other = journal.entries.find((e) => e.tag.endsWith("_other"))!;
      const bio = journal.entries.find((e) => e.tag.endsWith("_add_bio"))!;
      bio.when = other.when - 60_000;
      writeJournal(project, journal);

      const { report, status, stderr } = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      expect(stderr).toContain("Upgrade from the base simulated: the migrator ran 0 migration(s) on the base's database (0 failed) and skipped 1; 1 difference(s)");
      expect(about(report, "skipped-on-upgrade", "upgrade-divergence")).toEqual([`skipped-on-upgrade ${bio.tag}`, "upgrade-divergence public.users.bio"]);
      const skipped = report.findings.find((f) => f.ruleId === "skipped-on-upgrade")!;
      expect(skipped.message).toContain("drizzle-orm's migrator applies only entries newer than the newest applied one");
      expect(skipped.location?.file).toBe(`drizzle/${bio.tag}.sql`);
      const divergence = report.findings.find((f) => f.ruleId === "upgrade-divergence")! as Finding;
      expect(divergence.causedBy).toBe(skipped.fingerprint);
      expect(divergence.location?.file).toBe("src/db/schema/users.ts");
      expect((skipped as Finding).introduced).toBe(true);
      expect(status).toBe(1);

      // drizzle-orm's own migrator agrees: base folder, then the head's, on a real database.
      const server = await startTestPostgres();
      try {
        const modules = path.join(REPO, "node_modules");
        const require = createRequire(path.join(modules, "drizzle-orm", "package.json"));
        const { drizzle } = require("drizzle-orm/node-postgres") as { drizzle: (client: pg.Client) => unknown };
        const { migrate } = require("drizzle-orm/node-postgres/migrator") as { migrate: (db: unknown, config: { migrationsFolder: string }) => Promise<void> };
        const client = new pg.Client(server.connection);
        await client.connect();
        try {
          await migrate(drizzle(client), { migrationsFolder: baseFolder });
          await migrate(drizzle(client), { migrationsFolder: path.join(project.dir, "drizzle") });
          const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'bio'`);
          expect(columns.rowCount).toBe(0);
        } finally {
          await client.end();
        }
      } finally {
        await server.dispose();
      }

      // The fix the hint gives: a when after the merged one. Nothing is skipped any more.
      bio.when = other.when + 1;
      writeJournal(project, journal);
      const fixed = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      expect(fixed.report.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(fixed.status).toBe(0);
    } finally {
      project.cleanup();
      fs.rmSync(baseFolder, { recursive: true, force: true });
    }
  });
});

describe("upgrade simulation, drizzle 1.x: the migrator goes by name", () => {
  test("a folder merged late with an older timestamp still runs on upgraded databases: nothing to report", async () => {
    const { project, base, baseFolder } = lateMerge("drizzle 1.x");
    try {
      // Generated on a branch a second after init, merged after other: it sorts between them.
      const folders = fs.readdirSync(path.join(project.dir, "drizzle"));
      const init = folders.find((f) => f.endsWith("_init"))!.slice(0, 14);
      const [, y, mo, d, h, mi, sec] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(init)!;
      const next = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +sec! + 1)).toISOString().replace(/\D/g, "").slice(0, 14);
      const bio = folders.find((f) => f.endsWith("_add_bio"))!;
      fs.renameSync(path.join(project.dir, "drizzle", bio), path.join(project.dir, "drizzle", `${next}_add_bio`));
      expect(fs.readdirSync(path.join(project.dir, "drizzle")).sort().map((f) => f.slice(15))).toEqual(["init", "add_bio", "other"]);
      const { report, status, stderr } = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      expect(stderr).toContain("Upgrade from the base simulated: the migrator ran 1 migration(s) on the base's database (0 failed) and skipped 0; 0 difference(s)");
      expect(about(report, "skipped-on-upgrade", "upgrade-divergence")).toEqual([]);
      expect(report.findings.map((f) => f.ruleId)).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
      fs.rmSync(baseFolder, { recursive: true, force: true });
    }
  });
});

const TYPEORM = [
  {
    label: "typeorm 0.3",
    fixture: "typeorm03-cjs",
    file: "src/migrations/1699999999999-tidy.ts",
    imports: `import { MigrationInterface, QueryRunner } from "typeorm";`,
    cls: "Tidy1699999999999",
    statement: `ALTER TABLE IF EXISTS "billing"."invoices" ALTER COLUMN "total" DROP NOT NULL`,
    register: (source: string) =>
      source.replace(`import { Init1700000000001 }`, `import { Tidy1699999999999 } from "./migrations/1699999999999-tidy";\nimport { Init1700000000001 }`).replace("migrations: [", "migrations: [Tidy1699999999999, "),
    object: "billing.invoices.total",
  },
  {
    label: "typeorm 1.x",
    fixture: "typeorm1-esm",
    file: "src/migration/1709999999999-Tidy.ts",
    imports: `import type { MigrationInterface, QueryRunner } from "typeorm";`,
    cls: "Tidy1709999999999",
    statement: `ALTER TABLE IF EXISTS "posts" ALTER COLUMN "title" DROP NOT NULL`,
    register: (source: string) => source,
    object: "public.posts.title",
  },
];

describe.each(TYPEORM)("upgrade simulation, $label: a back-dated migration that depends on what ran before it", ({ fixture, file, imports, cls, statement, register, object }) => {
  test("fresh databases skip its work (the table is not there yet), upgraded ones do it: the NOT NULL lost only there is an upgrade divergence", async () => {
    const project = tempProject({ from: path.join(FIXTURES, fixture) });
    try {
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base");
      project.write(file, `${imports}\n\nexport class ${cls} implements MigrationInterface {\n  async up(q: QueryRunner): Promise<void> {\n    await q.query(\`${statement}\`);\n  }\n\n  async down(): Promise<void> {}\n}\n`);
      project.write("src/data-source.ts", register(fs.readFileSync(path.join(project.dir, "src/data-source.ts"), "utf8")));
      const { report, status, stderr } = await runCliJson(["check", "--data-source", "src/data-source.ts", "--base-ref", base], { cwd: project.dir });
      // TypeORM's migration:run does run it on upgrade (pending by name), last: nothing is skipped.
      expect(stderr).toContain("Upgrade from the base simulated: the migrator ran 1 migration(s) on the base's database (0 failed) and skipped 0; 1 difference(s)");
      expect(about(report, "backdated-migration", "skipped-on-upgrade", "upgrade-divergence")).toEqual([`backdated-migration ${cls}`, `upgrade-divergence ${object}`]);
      const divergence = report.findings.find((f) => f.ruleId === "upgrade-divergence")!;
      expect(divergence.message).toContain("nullability-mismatch");
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

const SHARE_ENTITY = {
  "typeorm 0.3": {
    fixture: "typeorm03-cjs",
    entity: ["src/entities/share.ts", `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";\n\n@Entity("shares")\nexport class Share {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column()\n  token: string;\n}\n`],
    register: (source: string) => source.replace(`import { Tag } from "@entities/tag";`, `import { Tag } from "@entities/tag";\nimport { Share } from "@entities/share";`).replace("entities: [", "entities: [Share, "),
    migration: (sql: string) => [
      "src/migrations/1700000000003-create-shares.ts",
      `import { MigrationInterface, QueryRunner } from "typeorm";\n\nexport class CreateShares1700000000003 implements MigrationInterface {\n  async up(q: QueryRunner): Promise<void> {\n    await q.query(\`${sql}\`);\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n    await q.query(\`DROP TABLE "shares"\`);\n  }\n}\n`,
    ],
    registerMigration: (source: string) =>
      source.replace(`import { Init1700000000001 }`, `import { CreateShares1700000000003 } from "./migrations/1700000000003-create-shares";\nimport { Init1700000000001 }`).replace("Billing1700000000002]", "Billing1700000000002, CreateShares1700000000003]"),
    name: "CreateShares1700000000003",
  },
  "typeorm 1.x": {
    fixture: "typeorm1-esm",
    entity: ["src/entity/share.ts", `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";\n\n@Entity("shares")\nexport class Share {\n  @PrimaryGeneratedColumn()\n  id: number;\n\n  @Column({ type: "varchar" })\n  token: string;\n}\n`],
    register: (source: string) =>
      source.replace(`import { Comment } from "./entity/comment.js";`, `import { Comment } from "./entity/comment.js";\nimport { Share } from "./entity/share.js";`).replace("entities: [Post, Comment]", "entities: [Post, Comment, Share]"),
    migration: (sql: string) => [
      "src/migration/1710000000001-CreateShares.ts",
      `import type { MigrationInterface, QueryRunner } from "typeorm";\n\nexport class CreateShares1710000000001 implements MigrationInterface {\n  async up(q: QueryRunner): Promise<void> {\n    await q.query(\`${sql}\`);\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n    await q.query(\`DROP TABLE "shares"\`);\n  }\n}\n`,
    ],
    registerMigration: (source: string) => source,
    name: "CreateShares1710000000001",
  },
};

describe.each(Object.entries(SHARE_ENTITY))("simulate-synchronize, %s: the seed incident's fix", (_label, c) => {
  test("CREATE TABLE for a table synchronize already built fails there (not-idempotent); CREATE TABLE IF NOT EXISTS passes", async () => {
    const project = tempProject({ from: path.join(FIXTURES, c.fixture) });
    try {
      // The base: an entity whose table only synchronize ever made.
      project.write(c.entity[0], c.entity[1]);
      project.write("src/data-source.ts", c.register(fs.readFileSync(path.join(project.dir, "src/data-source.ts"), "utf8")));
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base: shares without a migration");

      const plain = `CREATE TABLE "shares" ("id" SERIAL NOT NULL, "token" character varying NOT NULL, CONSTRAINT "PK_shares" PRIMARY KEY ("id"))`;
      const [file, text] = c.migration(plain);
      project.write(file, text);
      project.write("src/data-source.ts", c.registerMigration(fs.readFileSync(path.join(project.dir, "src/data-source.ts"), "utf8")));
      const args = ["check", "--data-source", "src/data-source.ts", "--base-ref", base, "--simulate-synchronize", "true"];
      const { report, status, stderr } = await runCliJson(args, { cwd: project.dir });
      expect(stderr).toContain("Database built by synchronize from the base and baselined: the change's migrator ran 1 migration(s) on it, 1 failed");
      expect(about(report, "not-idempotent")).toEqual([`not-idempotent ${c.name}`]);
      const finding = report.findings.find((f) => f.ruleId === "not-idempotent")!;
      expect(finding.message).toContain("42P07");
      expect(finding.hint).toContain("CREATE TABLE IF NOT EXISTS");
      expect(finding.location).toEqual({ file, line: 5 });
      // The fresh verdict: the change fixes the base's missing table.
      expect(((report as JsonReport & { fixed?: Array<{ ruleId: string }> }).fixed ?? []).map((f) => f.ruleId)).toContain("missing-table");
      expect(status).toBe(1);

      project.write(file, c.migration(plain.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))[1]);
      const fixed = await runCliJson(args, { cwd: project.dir });
      expect(fixed.report.findings.map((f) => f.ruleId)).toEqual([]);
      expect(fixed.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});

describe.each<DrizzleVersion>(["drizzle 0.45", "drizzle 1.x"])("simulate-push, %s: a table production got from drizzle-kit push", (version) => {
  test("the generated CREATE TABLE fails on the pushed database (not-idempotent), with IF NOT EXISTS it passes", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      project.write("src/db/schema/audit.ts", `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const audit = pgTable("audit", {\n  id: serial("id").primaryKey(),\n  what: text("what"),\n});\n`);
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base: audit pushed, never generated");
      project.generate("audit");
      const args = ["check", "--base-ref", base, "--simulate-push", "true"];
      const { report, status, stderr } = await runCliJson(args, { cwd: project.dir });
      expect(stderr).toContain("Database built by push from the base and baselined: the change's migrator ran 1 migration(s) on it, 1 failed");
      const finding = report.findings.find((f) => f.ruleId === "not-idempotent")!;
      expect(finding.message).toContain('relation "audit" already exists');
      expect(status).toBe(1);

      // The hint's way: the statement accepts the pushed table.
      const sqlFile = project.migrationFiles().find((f) => f.includes("audit") && f.endsWith(".sql"))!;
      const full = path.join("drizzle", sqlFile);
      project.write(full, project.read(full).replace('CREATE TABLE "audit"', 'CREATE TABLE IF NOT EXISTS "audit"'));
      const fixed = await runCliJson(args, { cwd: project.dir });
      expect(fixed.report.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(fixed.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});

describe("simulate-push, drizzle 0.45: the config's casing", () => {
  test("push names columns as the config's casing does (snake_case), as drizzle-kit push would", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      // A column named by its key only: casing: "snake_case" (the fixture's config) makes it what_happened.
      project.write("src/db/schema/audit.ts", `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const audit = pgTable("audit", {\n  id: serial().primaryKey(),\n  whatHappened: text(),\n});\n`);
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base: audit pushed");
      project.generate("audit");
      const sqlFile = path.join("drizzle", project.migrationFiles().find((f) => f.includes("audit") && f.endsWith(".sql"))!);
      const generated = project.read(sqlFile);
      expect(generated).toContain('"what_happened" text');
      // Idempotent, and a statement that needs the column under its cased name.
      project.write(sqlFile, `${generated.replace('CREATE TABLE "audit"', 'CREATE TABLE IF NOT EXISTS "audit"')}\n--> statement-breakpoint\nUPDATE "audit" SET "what_happened" = NULL WHERE false;`);
      const { report, status, stderr } = await runCliJson(["check", "--base-ref", base, "--simulate-push", "true"], { cwd: project.dir });
      expect(stderr).toContain("Database built by push from the base and baselined: the change's migrator ran 1 migration(s) on it, 0 failed");
      expect(report.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});

describe("upgrade simulation, typeorm 0.3: a merged migration renamed", () => {
  test("existing databases run it again under its new name and fail: upgrade-divergence with the rename named in the hint", async () => {
    const project = tempProject({ from: path.join(FIXTURES, "typeorm03-cjs") });
    try {
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base");
      // A tidy-up: the first migration gets a new timestamp (class, file and import).
      const old = "src/migrations/1700000000001-init.ts";
      // ... and, while at it, author gets a bio column in that same migration.
      const renamed = fs.readFileSync(path.join(project.dir, old), "utf8").replace("Init1700000000001", "Init1700000000003").replace(`"name" character varying NOT NULL,`, `"name" character varying NOT NULL, "bio" text,`);
      expect(renamed).toContain(`"bio" text`);
      project.write("src/migrations/1700000000003-init.ts", renamed);
      project.write("src/entities/author.ts", fs.readFileSync(path.join(project.dir, "src/entities/author.ts"), "utf8").replace("  @Column()\n  name: string;", "  @Column()\n  name: string;\n\n  @Column({ type: \"text\", nullable: true })\n  bio: string | null;"));
      project.remove(old);
      project.write("src/data-source.ts", fs.readFileSync(path.join(project.dir, "src/data-source.ts"), "utf8").replace(/Init1700000000001/g, "Init1700000000003").replace("./migrations/1700000000001-init", "./migrations/1700000000003-init"));
      commitAll(project.dir, "rename the first migration");
      const { report, status, stderr } = await runCliJson(["check", "--data-source", "src/data-source.ts", "--base-ref", base], { cwd: project.dir });
      // Git sees the file renamed: the rule says it first, at the renamed class.
      expect(about(report, "renamed-migration")).toEqual(["renamed-migration Init1700000000003"]);
      const rename = report.findings.find((f) => f.ruleId === "renamed-migration")!;
      expect(rename.message).toContain("Init1700000000003 is Init1700000000001 renamed");
      expect(rename.location).toEqual({ file: "src/migrations/1700000000003-init.ts", line: 3 });
      expect(stderr).toContain("Upgrade from the base simulated: the migrator ran 1 migration(s) on the base's database (1 failed) and skipped 0; 2 difference(s)");
      expect(about(report, "upgrade-divergence")).toEqual(["upgrade-divergence Init1700000000003", "upgrade-divergence public.author.bio"]);
      const divergence = report.findings.find((f) => f.ruleId === "upgrade-divergence" && f.object === "Init1700000000003")!;
      // What the failing migration would have made sits under it.
      const bio = report.findings.find((f) => f.object === "public.author.bio")!;
      expect(bio.causedBy).toBe(divergence.fingerprint);
      expect(bio.hint).toContain("Init1700000000003 fails on upgraded databases (above), and would have made it");
      expect(divergence.message).toMatch(/migration-failed: .*already exists/);
      expect(divergence.hint).toContain("Init1700000000003 is Init1700000000001 renamed (renamed-migration)");
      expect(divergence.causedBy).toBe(rename.fingerprint);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe("renamed-migration, typeorm 1.x: a migration file and class renamed (glob-loaded)", () => {
  test("found from git and the names the migrator records; once the rename is the base, nothing is reported", async () => {
    const project = tempProject({ from: path.join(FIXTURES, "typeorm1-esm") });
    try {
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base");
      const old = "src/migration/1710000000000-Blog.ts";
      project.write("src/migration/1710000000005-Blog.ts", fs.readFileSync(path.join(project.dir, old), "utf8").replace("Blog1710000000000", "Blog1710000000005"));
      project.remove(old);
      commitAll(project.dir, "rename");
      const { report, status } = await runCliJson(["check", "--data-source", "src/data-source.ts", "--base-ref", base], { cwd: project.dir });
      expect(about(report, "renamed-migration", "upgrade-divergence")).toEqual(["renamed-migration Blog1710000000005", "upgrade-divergence Blog1710000000005"]);
      expect(status).toBe(1);
      // Judged against itself (the rename already merged): nothing about renames or upgrades.
      const same = await runCliJson(["check", "--data-source", "src/data-source.ts", "--base-ref", "HEAD"], { cwd: project.dir });
      expect(about(same.report, "renamed-migration", "upgrade-divergence")).toEqual([]);
      expect(same.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});

describe("renamed-migration, drizzle 1.x: a merged migration folder renamed", () => {
  test("the migrator goes by folder name, so existing databases run it again", async () => {
    const project = drizzleProject("drizzle 1.x");
    try {
      project.generate("init");
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base");
      const folder = fs.readdirSync(path.join(project.dir, "drizzle")).find((f) => f.endsWith("_init"))!;
      const renamed = folder.replace(/_init$/, "_initial_schema");
      fs.renameSync(path.join(project.dir, "drizzle", folder), path.join(project.dir, "drizzle", renamed));
      commitAll(project.dir, "rename the folder");
      const { report, status } = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      expect(about(report, "renamed-migration", "upgrade-divergence")).toEqual([`renamed-migration ${renamed}`, `upgrade-divergence ${renamed}`]);
      expect(report.findings.find((f) => f.ruleId === "renamed-migration")!.message).toContain(`${renamed} is ${folder} renamed`);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});
