/**
 * Verdicts about the change: with base-ref the base revision is evaluated too (a worktree, a
 * second database), so old drift stops failing every pull request, what the change introduces
 * fails, and what it fixes is said. Real git histories, built here, on each ORM line.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { commitAll, git } from "./helpers/git.js";
import { runCli, runCliJson, type JsonReport } from "./helpers/run-cli.js";
import { drizzleProject, type DrizzleVersion } from "./helpers/drizzle.js";
import { tempProject } from "./helpers/temp-project.js";
import { FIXTURES } from "./helpers/paths.js";
import { FakeGithub } from "./helpers/fake-github.js";
import { runAction, type ActionRun } from "./helpers/run-action.js";

type Report = JsonReport & { fixed?: JsonReport["findings"]; change?: { failOn: string; base?: { ref: string; commit: string }; baseUnavailable?: string } };
type Finding = Report["findings"][number] & { introduced?: boolean; suppressed?: boolean };

const split = (report: Report) => ({
  introduced: (report.findings as Finding[]).filter((f) => f.introduced === true).map((f) => `${f.ruleId} ${f.object}`).sort(),
  onBase: (report.findings as Finding[]).filter((f) => f.introduced === false).map((f) => `${f.ruleId} ${f.object}`).sort(),
  fixed: (report.fixed ?? []).map((f) => `${f.ruleId} ${f.object}`).sort(),
});

describe.each<DrizzleVersion>(["drizzle 0.45", "drizzle 1.x"])("change-scoped verdict, %s", (version) => {
  test("old drift does not fail, the change's new gap does, and what it removes is fixed", async () => {
    const project = drizzleProject(version);
    try {
      project.generate("init");
      // Years-old drift on the base: two columns declared with no migration.
      const users = project.read("src/db/schema/users.ts");
      project.write("src/db/schema/users.ts", users.replace(`displayName: text("display_name"),`, `displayName: text("display_name"),\n    nickname: text("nickname"),\n    legacyCode: text("legacy_code"),`));
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base with drift");

      // The change: drops legacy_code from the schema (a fix) and adds a table without a migration.
      project.write("src/db/schema/users.ts", project.read("src/db/schema/users.ts").replace(`\n    legacyCode: text("legacy_code"),`, ""));
      project.write("src/db/schema/audit.ts", `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const audit = pgTable("audit", {\n  id: serial("id").primaryKey(),\n  what: text("what").notNull(),\n});\n`);
      commitAll(project.dir, "change");

      const run = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      const report = run.report as Report;
      expect(split(report)).toEqual({
        introduced: ["missing-table public.audit"],
        onBase: ["missing-column public.users.nickname"],
        fixed: ["missing-column public.users.legacy_code"],
      });
      expect(report.change).toMatchObject({ failOn: "new", base: { ref: base, commit: base } });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/Base \w+ evaluated in [\d.]+ s: 2 finding/);

      const text = await runCli(["check", "--base-ref", base], { cwd: project.dir });
      expect(text.stdout).toContain("1 new error");
      expect(text.stdout).toMatch(/Already on \w+ \(1, not failing\)/);
      expect(text.stdout).toContain("This change fixes 1");

      // Without the new table only old drift is left: the change passes, fail-on: all still fails it.
      project.remove("src/db/schema/audit.ts");
      const clean = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      expect(split(clean.report as Report).introduced).toEqual([]);
      expect(clean.status).toBe(0);
      const all = await runCliJson(["check", "--base-ref", base, "--fail-on", "all"], { cwd: project.dir });
      expect(all.status).toBe(1);
      expect((all.report as Report).change?.failOn).toBe("all");
    } finally {
      project.cleanup();
    }
  });
});

const TYPEORM_CASES = [
  { label: "typeorm 0.3", fixture: "typeorm03-cjs", entity: "src/entities/author.ts", anchor: "  @Column()\n  name: string;", table: "public.author" },
  { label: "typeorm 1.x", fixture: "typeorm1-esm", entity: "src/entity/post.ts", anchor: '  @PrimaryGeneratedColumn("uuid")\n  id: string;', table: "public.posts" },
];

describe.each(TYPEORM_CASES)("change-scoped verdict, $label", ({ fixture, entity, anchor, table }) => {
  test("old drift on base, a new column gap, and a fixed one; the fingerprints survive the line moving", async () => {
    const project = tempProject({ from: path.join(FIXTURES, fixture) });
    try {
      const source = fs.readFileSync(path.join(project.dir, entity), "utf8");
      const at = anchor;
      expect(source).toContain(at);
      const column = (name: string) => `\n\n  @Column({ nullable: true })\n  ${name}: string;`;
      project.write(entity, source.replace(at, `${at}${column("nickname")}${column("legacyCode")}`));
      git(project.dir, "init", "-q");
      const base = commitAll(project.dir, "base with drift");

      // The change moves nickname down by adding lines above it, drops legacyCode, adds bio.
      const head = fs.readFileSync(path.join(project.dir, entity), "utf8").replace(column("legacyCode"), "").replace(at, `${at}${column("bio")}\n  // moved down a little\n`);
      project.write(entity, head);
      const run = await runCliJson(["check", "--data-source", "src/data-source.ts", "--base-ref", base], { cwd: project.dir });
      expect(split(run.report as Report)).toEqual({
        introduced: [`missing-column ${table}.bio`],
        onBase: [`missing-column ${table}.nickname`],
        fixed: [`missing-column ${table}.legacyCode`],
      });
      expect(run.status).toBe(1);
    } finally {
      project.cleanup();
    }
  });
});

describe("change-scoped verdict: edge cases", () => {
  test("a base where the project does not exist yet: every finding is introduced, and the log says why", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      git(project.dir, "init", "-q");
      fs.writeFileSync(path.join(project.dir, "README.md"), "empty start\n");
      git(project.dir, "add", "README.md");
      git(project.dir, "commit", "-qm", "empty");
      const base = git(project.dir, "rev-parse", "HEAD");
      project.generate("init");
      project.write("src/db/schema/audit.ts", `import { pgTable, serial } from "drizzle-orm/pg-core";\n\nexport const audit = pgTable("audit", { id: serial("id").primaryKey() });\n`);
      const run = await runCliJson(["check", "--base-ref", base], { cwd: project.dir });
      const report = run.report as Report;
      expect(split(report).introduced).toEqual(["missing-table public.audit"]);
      expect(report.change?.baseUnavailable).toBeTruthy();
      expect(run.stderr).toContain("could not be evaluated");
      expect(run.status).toBe(1);
      // The worktree is gone and git forgot it.
      expect(git(project.dir, "worktree", "list")).not.toContain("base");
    } finally {
      project.cleanup();
    }
  });

  test("a base without the project's folder (a monorepo package added or moved since): the message names the folder and what to do", async () => {
    const project = drizzleProject("drizzle 0.45");
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "mg-mono-"));
    try {
      git(repo, "init", "-q");
      fs.writeFileSync(path.join(repo, "README.md"), "monorepo\n");
      git(repo, "add", "README.md");
      git(repo, "commit", "-qm", "before the package");
      const base = git(repo, "rev-parse", "HEAD");
      project.generate("init");
      fs.mkdirSync(path.join(repo, "packages"));
      fs.cpSync(project.dir, path.join(repo, "packages", "db"), { recursive: true, verbatimSymlinks: true });
      const dir = path.join(repo, "packages", "db");
      fs.writeFileSync(path.join(dir, "src/db/schema/audit.ts"), `import { pgTable, serial } from "drizzle-orm/pg-core";\n\nexport const audit = pgTable("audit", { id: serial("id").primaryKey() });\n`);
      const run = await runCliJson(["check", "--base-ref", base], { cwd: dir });
      const report = run.report as Report;
      expect(report.change?.baseUnavailable).toBe(`packages/db does not exist at ${base} (the project was added or moved since). If it moved, give a base-ref after the move, or accept the old findings once with migration-gate check --suppress-all`);
      expect(split(report).introduced).toEqual(["missing-table public.audit"]);
      expect(run.stderr).not.toContain("ENOENT");
      expect(run.status).toBe(1);
    } finally {
      project.cleanup();
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  test("--fail-on takes only new or all", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      const run = await runCli(["check", "--fail-on", "some"], { cwd: project.dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("fail-on (--fail-on) must be new or all");
    } finally {
      project.cleanup();
    }
  });
});

describe("change-scoped verdict in the action", () => {
  test("a shallow checkout of a pull request: the action fetches the base itself, and the check run, summary and outputs show the split", async () => {
    const origin = drizzleProject("drizzle 0.45");
    const github = await new FakeGithub().start();
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "mg-shallow-"));
    try {
      origin.generate("init");
      const users = origin.read("src/db/schema/users.ts");
      origin.write("src/db/schema/users.ts", users.replace(`displayName: text("display_name"),`, `displayName: text("display_name"),\n    nickname: text("nickname"),\n    legacyCode: text("legacy_code"),`));
      git(origin.dir, "init", "-q");
      const base = commitAll(origin.dir, "base with drift");
      origin.write("src/db/schema/users.ts", origin.read("src/db/schema/users.ts").replace(`\n    legacyCode: text("legacy_code"),`, ""));
      origin.write("src/db/schema/audit.ts", `import { pgTable, serial, text } from "drizzle-orm/pg-core";\n\nexport const audit = pgTable("audit", {\n  id: serial("id").primaryKey(),\n  what: text("what").notNull(),\n});\n`);
      const head = commitAll(origin.dir, "change");

      // actions/checkout's default: one commit, no history; the dependencies installed next to it.
      git(workspace, "clone", "-q", "--depth=1", `file://${origin.dir}`, ".");
      fs.symlinkSync(path.join(origin.dir, "node_modules"), path.join(workspace, "node_modules"), "dir");
      expect(() => git(workspace, "cat-file", "-e", `${base}^{commit}`)).toThrow();

      const run = await runAction({ workspace, inputs: { comment: "true" }, github, baseSha: base });
      expect(run.stdout).toContain(`base-ref: ${base} (the pull request's base, fetched: the checkout was shallow)`);
      expect(run.status).toBe(1);
      expect(run.outputs).toMatchObject({ status: "failed", errors: "1", fixed: "1" });
      const annotations = github.checkRuns[0]!.annotations.map((a) => [a["annotation_level"], a["title"]]);
      expect(annotations).toEqual([
        ["failure", "migration-gate: missing-table"],
        ["notice", `migration-gate: missing-column (already on ${base.slice(0, 12)})`],
      ]);
      expect(run.summary).toContain("## ❌ migration-gate failed: 1 new error");
      expect(run.summary).toContain(`<details><summary>Already on ${base.slice(0, 12)} (1, not failing)</summary>`);
      expect(run.summary).toContain("### ✅ This change fixes 1");
      expect(run.summary).toContain(`(https://github.com/acme/app/blob/${head}/src/db/schema/audit.ts#L3)`);
      expect(setFailedMessage(run)).toContain("1 new error(s) this change introduces");
      // The sticky comment carries the same split, with the links.
      const comment = github.comments.at(-1)!.body;
      expect(comment).toContain(`<details><summary>Already on ${base.slice(0, 12)} (1, not failing)</summary>`);
      expect(comment).toContain("### ✅ This change fixes 1");
      expect(comment).toContain(`(https://github.com/acme/app/blob/${head}/src/db/schema/audit.ts#L3)`);

      // A push: the previous commit is the base.
      const push = await runAction({
        workspace,
        inputs: {},
        github,
        env: { GITHUB_EVENT_NAME: "push" },
        event: (event) => Object.assign(event, { before: base, pull_request: undefined }),
      });
      expect(push.stdout).toContain(`base-ref: ${base} (the push's previous commit)`);
      expect(push.outputs).toMatchObject({ errors: "1", fixed: "1" });

      // A base that cannot be had: one warning that says what to do, and a verdict on every finding.
      const missing = await runAction({ workspace, inputs: {}, github, baseSha: "2222222222222222222222222222222222222222" });
      const warning = missing.commands.find((c) => c.command === "warning" && c.message.includes("not in the clone"));
      expect(warning?.message).toContain("Give actions/checkout fetch-depth: 0, or set base-ref.");
      expect(missing.outputs).toMatchObject({ status: "failed", errors: "2", fixed: "0" });
    } finally {
      origin.cleanup();
      await github.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });

  test("--suppress-all adopts an old project in one command: it passes, later runs fail only on new findings, and a fixed one's entry is reported", async () => {
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      const users = project.read("src/db/schema/users.ts");
      project.write("src/db/schema/users.ts", users.replace(`displayName: text("display_name"),`, `displayName: text("display_name"),\n    nickname: text("nickname"),\n    legacyCode: text("legacy_code"),`));
      const before = await runCliJson(["check"], { cwd: project.dir });
      expect(before.status).toBe(1);

      const adopt = await runCliJson(["check", "--suppress-all"], { cwd: project.dir });
      expect(adopt.status).toBe(0);
      expect(adopt.stderr).toContain("Wrote 2 suppression(s)");
      const file = JSON.parse(project.read("migration-gate-suppressions.json")) as { suppressions: Array<{ rule: string; object: string; file: string; reason: string; fingerprint: string }> };
      expect(file.suppressions.map((e) => [e.rule, e.object, e.file])).toEqual([
        ["missing-column", "public.users.legacy_code", "src/db/schema/users.ts"],
        ["missing-column", "public.users.nickname", "src/db/schema/users.ts"],
      ]);
      // A reason written by hand survives the next --suppress-all.
      file.suppressions[1]!.reason = "kept for the CRM export";
      project.write("migration-gate-suppressions.json", JSON.stringify(file, null, 2));

      const again = await runCliJson(["check"], { cwd: project.dir });
      expect(again.status).toBe(0);
      expect((again.report.findings as Finding[]).every((f) => f.suppressed && f.introduced === false)).toBe(true);

      // The next change: one fixed (its entry reported), one new (it fails).
      project.write("src/db/schema/users.ts", project.read("src/db/schema/users.ts").replace(`\n    legacyCode: text("legacy_code"),`, "\n    age: text(\"age\"),"));
      const later = await runCliJson(["check"], { cwd: project.dir });
      expect(later.status).toBe(1);
      expect(split(later.report as Report)).toEqual({ introduced: ["missing-column public.users.age", "unused-suppression undefined"], onBase: ["missing-column public.users.nickname"], fixed: [] });
      const stale = later.report.findings.find((f) => f.ruleId === "unused-suppression")!;
      expect(stale.location).toEqual({ file: "migration-gate-suppressions.json", line: project.read("migration-gate-suppressions.json").split("\n").findIndex((l) => l.includes(file.suppressions[0]!.fingerprint)) + 1 });

      await runCliJson(["check", "--suppress-all"], { cwd: project.dir });
      const rewritten = JSON.parse(project.read("migration-gate-suppressions.json")) as typeof file;
      expect(rewritten.suppressions.map((e) => [e.object, e.reason])).toEqual([
        ["public.users.age", expect.stringContaining("say why")],
        ["public.users.nickname", "kept for the CRM export"],
      ]);

      project.write("migration-gate-suppressions.json", "{ not json");
      const broken = await runCli(["check"], { cwd: project.dir });
      expect(broken.status).toBe(2);
      expect(broken.stderr).toContain("migration-gate-suppressions.json is not valid JSON");
    } finally {
      project.cleanup();
    }
  });
});

function setFailedMessage(run: ActionRun): string {
  return run.commands.filter((c) => c.command === "error" && !c.properties["file"]).map((c) => c.message).join("\n");
}
