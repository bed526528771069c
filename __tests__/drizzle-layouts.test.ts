/**
 * Drizzle projects as real repositories lay them out: the drizzle-kit config outside the package
 * root (named by the package's scripts, or in the folders people use), a monorepo root holding
 * the package, a schema importing a workspace package nobody built, an environment check that
 * runs at import. Each either runs or says exactly what to do.
 */
import { describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import path from "node:path";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { FIXTURES, REPO } from "./helpers/paths.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

type Version = "0.28" | "0.45" | "1.x";
const MODULES: Record<Version, string> = {
  "0.28": path.join(FIXTURES, "drizzle028", "node_modules"),
  "0.45": path.join(REPO, "node_modules"),
  "1.x": path.join(FIXTURES, "drizzle1", "node_modules"),
};

const SCHEMA = `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const notes = pgTable("notes", { id: serial("id").primaryKey(), body: text("body") });\n`;
const SQL = `CREATE TABLE "notes" ("id" serial PRIMARY KEY NOT NULL, "body" text);`;

/** A package whose migrations folder holds one migration in the version's format. */
function drizzlePackage(version: Version, files: Record<string, string>, base = ""): TempProject {
  const project = tempProject({ packages: [], files });
  const root = path.join(project.dir, base);
  const out = path.join(root, "drizzle");
  if (version === "1.x") {
    fs.mkdirSync(path.join(out, "20260101000000_init"), { recursive: true });
    fs.writeFileSync(path.join(out, "20260101000000_init", "migration.sql"), SQL);
  } else {
    fs.mkdirSync(path.join(out, "meta"), { recursive: true });
    fs.writeFileSync(path.join(out, "0000_init.sql"), SQL);
    fs.writeFileSync(path.join(out, "meta", "_journal.json"), JSON.stringify({ version: "7", dialect: "postgresql", entries: [{ idx: 0, version: "7", when: 1735689600000, tag: "0000_init", breakpoints: true }] }, null, 2));
  }
  fs.mkdirSync(path.join(root, "node_modules"), { recursive: true });
  fs.symlinkSync(path.join(MODULES[version], "drizzle-orm"), path.join(root, "node_modules", "drizzle-orm"), "dir");
  return project;
}

const CONFIG = `export default { dialect: "postgresql", schema: "./src/schema.ts", out: "./drizzle" };\n`;

describe.each<Version>(["0.28", "0.45", "1.x"])("drizzle-orm %s: where the config is", (version) => {
  test("in server/db, named by the package's drizzle-kit script: found, with paths relative to the package root", async () => {
    const project = drizzlePackage(version, {
      "package.json": JSON.stringify({ name: "app", scripts: { "db:migrate": "drizzle-kit migrate --config ./server/db/drizzle.config.ts" } }),
      "server/db/drizzle.config.ts": CONFIG,
      "src/schema.ts": SCHEMA,
    });
    try {
      const { status, report } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.findings).toEqual([]);
      expect(report.migrations.map((m) => m.status)).toEqual(["applied"]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("in src/db, with no script naming it: found", async () => {
    const project = drizzlePackage(version, { "package.json": JSON.stringify({ name: "app" }), "src/db/drizzle.config.ts": CONFIG, "src/schema.ts": SCHEMA });
    try {
      const { status, report } = await runCliJson(["check"], { cwd: project.dir });
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});

describe("a lost .sql file that repeats an earlier statement", () => {
  test("is not taken for a harmless leftover when what it changes differs, and the difference follows from it", async () => {
    const project = drizzlePackage("0.45", { "package.json": JSON.stringify({ name: "app" }), "drizzle.config.ts": CONFIG, "src/schema.ts": SCHEMA.replace('body: text("body")', 'body: text("body").default("a")') });
    try {
      const out = path.join(project.dir, "drizzle");
      const journalFile = path.join(out, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: Array<Record<string, unknown>> };
      for (const [idx, tag, sql] of [[1, "0001_set_a", `ALTER TABLE "notes" ALTER COLUMN "body" SET DEFAULT 'a';`], [2, "0002_set_b", `ALTER TABLE "notes" ALTER COLUMN "body" SET DEFAULT 'b';`]] as const) {
        fs.writeFileSync(path.join(out, `${tag}.sql`), sql);
        journal.entries.push({ idx, version: "7", when: 1735689600000 + idx * 1000, tag, breakpoints: true });
      }
      fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
      fs.writeFileSync(path.join(out, "0003_lost.sql"), `ALTER TABLE "notes" ALTER COLUMN "body" SET DEFAULT 'a';`);

      const { report } = await runCliJson(["check"], { cwd: project.dir });
      const unlisted = report.findings.find((f) => f.ruleId === "unlisted-migration")!;
      expect(unlisted.message).not.toContain("leftover");
      expect(report.findings.find((f) => f.ruleId === "default-mismatch")).toMatchObject({ object: "public.notes.body", causedBy: unlisted.fingerprint });
    } finally {
      project.cleanup();
    }
  });
});

describe("messages that say what to do", () => {
  test("a monorepo root: names the package to give as working-directory", async () => {
    const project = drizzlePackage("0.45", { "package.json": JSON.stringify({ name: "root", private: true }), "apps/web/package.json": JSON.stringify({ name: "web" }), "apps/web/drizzle.config.ts": CONFIG, "apps/web/src/schema.ts": SCHEMA }, "apps/web");
    try {
      const run = await runCli(["check"], { cwd: project.dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("a package below it has a drizzle-kit config: apps/web");
      expect(run.stderr).toContain("--working-directory apps/web");
      const fixed = await runCliJson(["check", "--working-directory", "apps/web"], { cwd: project.dir });
      expect(fixed.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("a workspace package that is not built: named, with the build to run, not 'install the dependencies'", async () => {
    const project = drizzlePackage("0.45", {
      "package.json": JSON.stringify({ name: "app" }),
      "drizzle.config.ts": CONFIG,
      "src/schema.ts": `import { prefix } from "@acme/shared";\n${SCHEMA.replace('pgTable("notes"', "pgTable(prefix + \"notes\"")}`,
      "packages/shared/package.json": JSON.stringify({ name: "@acme/shared", main: "dist/index.js", scripts: { build: "tsc" } }),
      "packages/shared/src/index.ts": `export const prefix = "";\n`,
    });
    try {
      fs.mkdirSync(path.join(project.dir, "node_modules", "@acme"), { recursive: true });
      fs.symlinkSync(path.join(project.dir, "packages", "shared"), path.join(project.dir, "node_modules", "@acme", "shared"), "dir");
      const run = await runCli(["check"], { cwd: project.dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("The workspace package @acme/shared has no dist/index.js: it is not built (packages/shared)");
      expect(run.stderr).toContain("npm run build -w @acme/shared");
      expect(run.stderr).not.toContain("install the project's dependencies");
    } finally {
      project.cleanup();
    }
  });

  test("an environment check at import (t3-env): set the variables or SKIP_ENV_VALIDATION", async () => {
    const project = drizzlePackage("0.45", {
      "package.json": JSON.stringify({ name: "app" }),
      "drizzle.config.ts": CONFIG,
      "src/schema.ts": `if (!process.env.SKIP_ENV_VALIDATION) throw new Error("❌ Invalid environment variables: DATABASE_URL is required");\n${SCHEMA}`,
    });
    try {
      const run = await runCli(["check"], { cwd: project.dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("SKIP_ENV_VALIDATION=1");
      const fixed = await runCli(["check"], { cwd: project.dir, env: { SKIP_ENV_VALIDATION: "1" } });
      expect(fixed.status).toBe(0);
    } finally {
      project.cleanup();
    }
  });
});
