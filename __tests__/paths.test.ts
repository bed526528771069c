/**
 * Where findings point, for every reader: the console and JSON speak from the folder the CLI
 * runs in (never absolute), SARIF, annotations and the check run from the repository root, and a
 * message names a file exactly as its location does. A monorepo: the Drizzle app in apps/web,
 * its schema in packages/db (outside the package), run from the root, from inside the package
 * and from a sibling folder, and through the action.
 */
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCli, runCliJson, type JsonReport } from "./helpers/run-cli.js";
import { drizzleProject, type DrizzleProject } from "./helpers/drizzle.js";
import { FakeGithub } from "./helpers/fake-github.js";
import { runAction } from "./helpers/run-action.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

let repo: TempProject;
let app: string;

const USERS = `import { pgTable, serial, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", { id: serial("id").primaryKey(), name: text("name") });
export const teams = pgTable("teams", { id: serial("id").primaryKey() });
`;

beforeAll(() => {
  // Generate a migrations folder with the project's own drizzle-kit, then lay out the monorepo.
  const generator: DrizzleProject = drizzleProject("drizzle 0.45");
  try {
    generator.write("drizzle.config.ts", `import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ dialect: "postgresql", schema: "./schema.ts", out: "./drizzle" });\n`);
    generator.write("schema.ts", USERS.replace(`\nexport const teams = pgTable("teams", { id: serial("id").primaryKey() });\n`, "\n"));
    generator.generate("init");
    repo = tempProject({ packages: [] });
    app = path.join(repo.dir, "apps", "web");
    repo.write("packages/db/schema.ts", USERS);
    repo.write("apps/web/package.json", JSON.stringify({ name: "web", private: true }));
    repo.write("apps/web/drizzle.config.ts", `export default { dialect: "postgresql", schema: "../../packages/db/schema.ts", out: "./lib/db/migrations" };\n`);
    fs.cpSync(path.join(generator.dir, "drizzle"), path.join(app, "lib", "db", "migrations"), { recursive: true });
    fs.mkdirSync(path.join(app, "node_modules"), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(generator.dir, "node_modules", "drizzle-orm")), path.join(app, "node_modules", "drizzle-orm"), "dir");
    // The schema module outside the package resolves drizzle-orm from the root, as a hoisted install has it.
    fs.mkdirSync(path.join(repo.dir, "node_modules"), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(generator.dir, "node_modules", "drizzle-orm")), path.join(repo.dir, "node_modules", "drizzle-orm"), "dir");
    repo.write("apps/other/README.md", "a sibling folder\n");
    // A journal finding that names a file in its message: an entry whose file is gone.
    const journalFile = path.join(app, "lib", "db", "migrations", "meta", "_journal.json");
    const parsed = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: Array<Record<string, unknown>> };
    parsed.entries.push({ ...parsed.entries[0]!, idx: 1, tag: "0001_lost", when: Number(parsed.entries[0]!["when"]) + 1 });
    fs.writeFileSync(journalFile, JSON.stringify(parsed, null, 2));
    execFileSync("git", ["init", "-q"], { cwd: repo.dir });
  } finally {
    generator.cleanup();
  }
});
afterAll(() => repo?.cleanup());

const SCHEMA_LINE = 4; // the teams export: no migration creates it
const locations = (report: JsonReport) => report.findings.map((f) => [f.ruleId, `${f.location?.file}:${f.location?.line}`]);

describe.each([
  ["the repository root, with working-directory", () => repo.dir, ["--working-directory", "apps/web"], "apps/web/lib/db/migrations/meta/_journal.json", "packages/db/schema.ts"],
  ["inside the package", () => app, [], "lib/db/migrations/meta/_journal.json", "../../packages/db/schema.ts"],
  ["a sibling folder", () => path.join(repo.dir, "apps", "other"), ["--working-directory", "../web"], "../web/lib/db/migrations/meta/_journal.json", "../../packages/db/schema.ts"],
])("the CLI run from %s", (_where, cwd, args, journal, schema) => {
  test("text and JSON paths are relative to the current folder, never absolute, and messages name files as locations do", async () => {
    const { report, status, stderr } = await runCliJson(["check", ...args], { cwd: cwd() });
    expect([status, status === 1 ? "" : stderr]).toEqual([1, ""]);
    expect(locations(report)).toEqual([
      ["missing-migration-file", expect.stringMatching(new RegExp(`^${journal.replace(/[.]/g, "\\.")}:\\d+$`))],
      ["missing-table", `${schema}:${SCHEMA_LINE}`],
    ]);
    const lost = report.findings[0]!;
    expect(lost.message).toContain(`${journal} lists 0001_lost`);
    expect(lost.message).toContain(`${journal.replace("meta/_journal.json", "0001_lost.sql")} does not exist`);
    const text = await runCli(["check", ...args], { cwd: cwd() });
    expect(text.stdout).toContain(`${schema}:${SCHEMA_LINE}  error  missing-table`);
    expect(text.stdout).not.toContain(repo.dir);
  });

  test("SARIF is relative to the repository root, with %SRCROOT% there", async () => {
    const sarifFile = path.join(repo.dir, "out.sarif");
    await runCli(["check", ...args, "--sarif-file", sarifFile], { cwd: cwd() });
    const sarif = JSON.parse(fs.readFileSync(sarifFile, "utf8"));
    const run = sarif.runs[0];
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(pathToFileURL(repo.dir).href + "/");
    expect(run.results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual([
      "apps/web/lib/db/migrations/meta/_journal.json",
      "packages/db/schema.ts",
    ]);
    expect(run.results[0].message.text).toContain("apps/web/lib/db/migrations/meta/_journal.json lists 0001_lost");
  });
});

describe("the action", () => {
  test("annotations, the check run, the summary and SARIF are repository-relative, messages included", async () => {
    const github = await new FakeGithub().start();
    try {
      const run = await runAction({ workspace: repo.dir, inputs: { "working-directory": "apps/web", "sarif-file": "gate.sarif" }, github });
      expect(run.status).toBe(1);
      const annotations = github.checkRuns[0]!.annotations.map((a) => [a["path"], a["start_line"]]);
      expect(annotations).toEqual([["apps/web/lib/db/migrations/meta/_journal.json", expect.any(Number)], ["packages/db/schema.ts", SCHEMA_LINE]]);
      expect(String(github.checkRuns[0]!.annotations[0]!["message"])).toContain("apps/web/lib/db/migrations/meta/_journal.json lists 0001_lost");
      expect(run.summary).toContain("packages/db/schema.ts:4");
      expect(run.summary).not.toContain(repo.dir);
      const sarif = JSON.parse(fs.readFileSync(path.join(repo.dir, "gate.sarif"), "utf8"));
      expect(sarif.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri).toBe("packages/db/schema.ts");
    } finally {
      github.stop();
    }
  });
});
