/**
 * Older drizzle-orm releases users still run: 0.34 with drizzle-kit 0.25 (a widely copied
 * chatbot template pins them) and 0.28, the oldest the gate supports (no pg-proxy: the
 * migrator's plan is replayed directly), with the config forms of their time: `driver: "pg"`
 * with `dbCredentials.connectionString`, and schema as a file, a glob or an array.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { FIXTURES } from "./helpers/paths.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

const SCHEMA = `import { index, integer, pgEnum, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";

export const role = pgEnum("role", ["member", "admin"]);

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: varchar("email", { length: 320 }).notNull().unique(),
  role: role("role").notNull().default("member"),
  createdAt: timestamp("created_at").notNull().defaultNow(),
});

export const posts = pgTable("posts", {
  id: serial("id").primaryKey(),
  authorId: integer("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  title: varchar("title", { length: 200 }).notNull(),
  body: text("body"),
}, (t) => ({
  byAuthor: index("posts_author_idx").on(t.authorId),
}));
`;

function oldProject(version: "0.34" | "0.28", config: string): TempProject {
  const project = tempProject({ packages: [], files: { "drizzle.config.ts": config, "src/db/schema.ts": SCHEMA, "package.json": JSON.stringify({ name: `app-${version}`, private: true }) } });
  const modules = path.join(FIXTURES, version === "0.34" ? "drizzle034" : "drizzle028", "node_modules");
  fs.mkdirSync(path.join(project.dir, "node_modules"), { recursive: true });
  for (const pkg of version === "0.34" ? ["drizzle-orm", "drizzle-kit"] : ["drizzle-orm"]) fs.symlinkSync(path.join(modules, pkg), path.join(project.dir, "node_modules", pkg), "dir");
  return project;
}

const CONFIG_034 = `import { defineConfig } from "drizzle-kit";
export default defineConfig({ dialect: "postgresql", schema: "./src/db/schema.ts", out: "./drizzle", dbCredentials: { url: "postgres://prod.example.com/app" } });
`;
// drizzle-kit before 0.21: driver instead of dialect, connectionString, schema as an array of globs.
const CONFIG_028 = `export default { driver: "pg", schema: ["./src/db/*.ts"], out: "./drizzle", dbCredentials: { connectionString: "postgres://prod.example.com/app" } };
`;

let generated: TempProject;
beforeAll(() => {
  generated = oldProject("0.34", CONFIG_034);
  execFileSync(process.execPath, [path.join(generated.dir, "node_modules", "drizzle-kit", "bin.cjs"), "generate", "--name", "init"], { cwd: generated.dir, stdio: "pipe", env: { ...process.env, NODE_OPTIONS: "" } });
});
afterAll(() => generated?.cleanup());

describe("drizzle-orm 0.34 with drizzle-kit 0.25", () => {
  test("the generated migrations give zero findings; a column added without a migration is found at its key", async () => {
    const project = oldProject("0.34", CONFIG_034);
    try {
      fs.cpSync(path.join(generated.dir, "drizzle"), path.join(project.dir, "drizzle"), { recursive: true });
      const clean = await runCliJson(["check"], { cwd: project.dir });
      expect(clean.report.orm.version).toBe("0.34.1");
      expect(clean.report.findings).toEqual([]);
      expect(clean.status).toBe(0);

      project.write("src/db/schema.ts", SCHEMA.replace(`  body: text("body"),`, `  body: text("body"),\n  slug: text("slug").notNull(),`));
      const { report, status } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.findings.map((f) => [f.ruleId, f.object, f.location?.file, f.location?.line])).toEqual([["missing-column", "public.posts.slug", "src/db/schema.ts", 17]]);
      expect(report.findings[0]!.hint).not.toMatch(/entity|property/);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe("drizzle-orm 0.28 (no pg-proxy), with a driver: \"pg\" config and an array of schema globs", () => {
  test("zero findings on the same migrations; a table only push created is found at its export", async () => {
    const project = oldProject("0.28", CONFIG_028);
    try {
      fs.cpSync(path.join(generated.dir, "drizzle"), path.join(project.dir, "drizzle"), { recursive: true });
      const clean = await runCliJson(["check"], { cwd: project.dir });
      expect(clean.report.orm.version).toBe("0.28.6");
      expect(clean.report.migrations.map((m) => m.status)).toEqual(["applied"]);
      expect(clean.report.findings).toEqual([]);
      expect(clean.status).toBe(0);

      project.write("src/db/tags.ts", `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const tags = pgTable("tags", { id: serial("id").primaryKey(), name: text("name").notNull() });\n`);
      const { report, status } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.findings.map((f) => [f.ruleId, f.object, f.location?.file, f.location?.line])).toEqual([["missing-table", "public.tags", "src/db/tags.ts", 3]]);
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });

  test("a migration that fails is reported at its statement, the rest still runs", async () => {
    const project = oldProject("0.28", CONFIG_028);
    try {
      fs.cpSync(path.join(generated.dir, "drizzle"), path.join(project.dir, "drizzle"), { recursive: true });
      const sqlFile = fs.readdirSync(path.join(project.dir, "drizzle")).find((f) => f.endsWith(".sql"))!;
      const file = path.join(project.dir, "drizzle", sqlFile);
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(`CREATE TABLE IF NOT EXISTS "posts"`, `ALTER TABLE "nope" ADD "x" int;--> statement-breakpoint\nCREATE TABLE IF NOT EXISTS "posts"`));
      const { report } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.findings.find((f) => f.ruleId === "migration-failed")).toMatchObject({ location: { file: `drizzle/${sqlFile}` } });
      expect(report.findings.find((f) => f.object === "public.posts")).toMatchObject({ ruleId: "missing-table", causedBy: report.findings.find((f) => f.ruleId === "migration-failed")!.fingerprint });
    } finally {
      project.cleanup();
    }
  });
});

describe("journal rules on drizzle-orm 0.28", () => {
  test("an unlisted file's column follows from unlisted-migration; a tagless entry is located at itself", async () => {
    const project = oldProject("0.28", CONFIG_028);
    try {
      fs.cpSync(path.join(generated.dir, "drizzle"), path.join(project.dir, "drizzle"), { recursive: true });
      project.write("src/db/schema.ts", SCHEMA.replace(`  body: text("body"),`, `  body: text("body"),\n  slug: text("slug"),`));
      project.write("drizzle/0001_slug.sql", `ALTER TABLE "posts" ADD COLUMN "slug" text;`);
      const journalFile = path.join(project.dir, "drizzle", "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: Array<Record<string, unknown>> };
      journal.entries.push({ idx: 1, version: "7", when: Number(journal.entries[0]!["when"]) + 1000, breakpoints: true });
      fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
      const lines = fs.readFileSync(journalFile, "utf8").split("\n");
      const tagless = lines.findIndex((l, i) => i > 0 && l.trim() === "{" && lines[i + 1]!.includes('"idx": 1')) + 1;

      const { report } = await runCliJson(["check"], { cwd: project.dir });
      const unlisted = report.findings.find((f) => f.ruleId === "unlisted-migration")!;
      expect(unlisted.object).toBe("0001_slug.sql");
      expect(report.findings.find((f) => f.object === "public.posts.slug")).toMatchObject({ ruleId: "missing-column", causedBy: unlisted.fingerprint });
      expect(report.findings.find((f) => f.ruleId === "missing-migration-file")).toMatchObject({ location: { file: "drizzle/meta/_journal.json", line: tagless }, message: expect.stringContaining('it has no "tag"') });
    } finally {
      project.cleanup();
    }
  });
});

describe("what the gate refuses, and says so", () => {
  test("drizzle-orm older than 0.28: exit 2 naming the supported range", async () => {
    const project = tempProject({ packages: [], files: { "drizzle.config.ts": CONFIG_028, "src/db/schema.ts": SCHEMA, "node_modules/drizzle-orm/package.json": JSON.stringify({ name: "drizzle-orm", version: "0.27.2", main: "index.js" }), "node_modules/drizzle-orm/index.js": "" } });
    try {
      const run = await runCli(["check"], { cwd: project.dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("drizzle-orm 0.27.2 is installed; migration-gate supports drizzle-orm 0.28 to 0.45 and 1.x");
    } finally {
      project.cleanup();
    }
  });

  test('an old config with driver: "mysql2": exit 2, PostgreSQL only', async () => {
    const project = oldProject("0.28", CONFIG_028.replace(`driver: "pg"`, `driver: "mysql2"`));
    try {
      const run = await runCli(["check"], { cwd: project.dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('sets driver "mysql2"; migration-gate checks PostgreSQL projects only');
    } finally {
      project.cleanup();
    }
  });
});
