import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { FakeGithub } from "./helpers/fake-github.js";
import { REPO } from "./helpers/paths.js";
import { runAction, type ActionRun } from "./helpers/run-action.js";
import { drizzleProject } from "./helpers/drizzle.js";
import { tempProject } from "./helpers/temp-project.js";
import { OXC_VERSION } from "../src/engine/transpiler.js";

const INCIDENT = { "working-directory": "examples/shares-incident", "data-source": "src/data-source.ts" };
const CLEAN = { "working-directory": "__tests__/fixtures/typeorm03-cjs", "data-source": "src/data-source.ts" };
const annotations = (run: ActionRun, level: string) => run.commands.filter((c) => c.command === level && c.properties["title"]);
const setFailed = (run: ActionRun) => run.commands.filter((c) => c.command === "error" && !c.properties["title"]).map((c) => c.message);

describe("the action, run as the runner runs it", () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await new FakeGithub().start();
  });
  afterEach(() => github.stop());

  test("without checks: write: error annotations on the entity lines, a summary, outputs, a failed step", async () => {
    github.permissions.checks = false;
    const run = await runAction({ workspace: REPO, inputs: INCIDENT, github });
    expect(run.status).toBe(1);

    expect(annotations(run, "error").map((c) => [c.properties["title"], c.properties["file"], c.properties["line"]])).toEqual([
      ["migration-gate: migration-failed", "examples/shares-incident/src/migration/1740300000000-ShareUniquePerUser.ts", "9"],
      ["migration-gate: missing-table", "examples/shares-incident/src/entity/Share.ts", "6"],
      ["migration-gate: missing-table", "examples/shares-incident/src/entity/ShareKey.ts", "4"],
    ]);
    expect(annotations(run, "error")[1]!.message).toContain("Entity Share (table public.shares) has no CREATE TABLE migration.\nFix: Add a migration that creates it");
    expect(setFailed(run)).toEqual(["migration-gate found 3 error(s): the migrations do not build the schema the entities expect. See the annotations and the job summary."]);
    expect(run.stdout).toContain("No check run (the token may not create check runs (HTTP 403; it needs checks: write))");

    expect(run.summary).toContain("## ❌ migration-gate failed: 3 errors");
    // Each location links to its line at the checked-out commit.
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO }).toString().trim();
    expect(run.summary).toContain(
      `| ❌ | \`missing-table\` | public.shares | [examples/shares-incident/src/entity/Share.ts:6](https://github.com/acme/app/blob/${head}/examples/shares-incident/src/entity/Share.ts#L6) | Entity Share (table public.shares) has no CREATE TABLE migration. |`,
    );
    expect(run.summary).toContain("| ShareUniquePerUser1740300000000 | **failed** (42P01) |");
    expect(run.outputs).toMatchObject({ status: "failed", findings: "3", errors: "3", warnings: "0" });
    expect(run.reportJson).toMatchObject({ status: "failed", findings: expect.arrayContaining([expect.objectContaining({ ruleId: "missing-table" })]) });
    expect(run.apiRequests).toEqual(["POST /repos/acme/app/check-runs", "GET /repos/acme/app/pulls/42/files"]);
  });

  test("with checks: write: one check run on the PR head commit holds the annotations; no workflow annotations", async () => {
    const run = await runAction({ workspace: REPO, inputs: INCIDENT, github });
    expect(run.status).toBe(1);
    expect(github.checkRuns).toHaveLength(1);
    const [checkRun] = github.checkRuns;
    expect(checkRun).toMatchObject({ name: "migration-gate", head_sha: "1111111111111111111111111111111111111111", conclusion: "failure" });
    expect(checkRun!.annotations.map((a) => [a["path"], a["start_line"], a["annotation_level"], a["title"]])).toEqual([
      ["examples/shares-incident/src/migration/1740300000000-ShareUniquePerUser.ts", 9, "failure", "migration-gate: migration-failed"],
      ["examples/shares-incident/src/entity/Share.ts", 6, "failure", "migration-gate: missing-table"],
      ["examples/shares-incident/src/entity/ShareKey.ts", 4, "failure", "migration-gate: missing-table"],
    ]);
    expect(annotations(run, "error")).toEqual([]);
    expect(setFailed(run)).toHaveLength(1);
  });

  test("a Drizzle project found by its drizzle.config.ts: tables made only with push fail at their pgTable export lines", async () => {
    github.permissions.checks = false;
    const project = drizzleProject("drizzle 0.45");
    try {
      project.generate("init");
      project.write("src/db/schema/shares.ts", `import { pgTable, text, uuid } from "drizzle-orm/pg-core";\n\nexport const shares = pgTable("shares", { id: uuid("id").primaryKey(), token: text("token").notNull() });\n`);
      const run = await runAction({ workspace: project.dir, inputs: {}, github });
      expect(run.status).toBe(1);
      expect(annotations(run, "error").map((c) => [c.properties["title"], c.properties["file"], c.properties["line"]])).toEqual([["migration-gate: missing-table", "src/db/schema/shares.ts", "3"]]);
      expect(setFailed(run)).toEqual(["migration-gate found 1 error(s): the migrations do not build the schema the pgTable definitions declare. See the annotations and the job summary."]);
      // Not a git checkout: the links use GITHUB_SHA.
      expect(run.summary).toContain(
        "| ❌ | `missing-table` | public.shares | [src/db/schema/shares.ts:3](https://github.com/acme/app/blob/0000000000000000000000000000000000merge/src/db/schema/shares.ts#L3) | Table public.shares (pgTable shares) has no CREATE TABLE migration. |",
      );
      expect(run.summary).toContain("(drizzle-orm 0.45.");
      expect(run.outputs).toMatchObject({ status: "failed", findings: "1", errors: "1" });
    } finally {
      project.cleanup();
    }
  });

  test("a clean project: no annotations, a passing summary and check run, status passed", async () => {
    const run = await runAction({ workspace: REPO, inputs: CLEAN, github });
    expect(run.status).toBe(0);
    expect(run.commands.filter((c) => ["error", "warning"].includes(c.command))).toEqual([]);
    expect(run.summary).toContain("## ✅ migration-gate passed");
    expect(run.outputs).toMatchObject({ status: "passed", findings: "0", errors: "0", warnings: "0" });
    expect(github.checkRuns.map((r) => r.conclusion)).toEqual(["success"]);
  });

  test("rules and a multi-line ignore input: severities change, ignored findings go, a stale entry is a warning", async () => {
    const inputs = {
      ...INCIDENT,
      rules: "migration-failed=warning",
      ignore: "missing-table public.share_keys -- created by the crypto service\nmissing-table public.gone -- removed last sprint\n",
    };
    const run = await runAction({ workspace: REPO, inputs, github });
    expect(run.status).toBe(1);
    const [checkRun] = github.checkRuns;
    expect(checkRun!.annotations.map((a) => [a["annotation_level"], a["title"]])).toEqual([
      ["failure", "migration-gate: missing-table"],
      ["warning", "migration-gate: migration-failed"],
    ]);
    // The stale entry has no file to point at: it is in the report, the summary and the log.
    expect(run.stdout).toContain('The ignore (--ignore) entry "missing-table public.gone -- removed last sprint" matched no finding.');
    expect(run.summary).toContain("unused-ignore");
    expect(run.outputs).toMatchObject({ status: "failed", errors: "1", warnings: "2" });
  });

  test("a bad input fails the step with the message and the next step; status error", async () => {
    const run = await runAction({ workspace: REPO, inputs: { ...INCIDENT, "data-source": "src/datasource.ts" }, github });
    expect(run.status).toBe(1);
    const [failure] = run.commands.filter((c) => c.command === "error");
    expect(failure!.message).toContain('migration-gate could not check the project: data-source (--data-source): file "src/datasource.ts" not found');
    expect(failure!.message).toContain('Did you mean "src/data-source.ts"?');
    expect(run.outputs["status"]).toBe("error");
  });

  test("database-url and the token are masked, password included, before anything is logged", async () => {
    const url = "postgres://gate:s3cr3t-pw@127.0.0.1:1/postgres";
    const run = await runAction({ workspace: REPO, inputs: { ...INCIDENT, "database-url": url }, github });
    expect(run.status).toBe(1);
    const masks = run.commands.filter((c) => c.command === "add-mask").map((c) => c.message);
    expect(masks).toEqual(expect.arrayContaining([url, "s3cr3t-pw", "ghs_fake_job_token"]));
    expect(run.stdout.indexOf("::add-mask::")).toBeLessThan(run.stdout.indexOf("::error"));
    expect(run.commands.find((c) => c.command === "error")!.message).toContain("Could not connect to Postgres at 127.0.0.1:1");
  });

  test("from its own checkout without node_modules, it fetches the Postgres binaries and oxc from the registry and caches them", async () => {
    const actionDir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-action-checkout-"));
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), "mg-tool-cache-"));
    try {
      fs.cpSync(path.join(REPO, "dist"), path.join(actionDir, "dist"), { recursive: true });
      fs.copyFileSync(path.join(REPO, "action.yml"), path.join(actionDir, "action.yml"));
      const inputs = { "working-directory": "__tests__/fixtures/typeorm1-esm", "data-source": "src/data-source.ts" };

      const first = await runAction({ workspace: REPO, actionDir, inputs, github, env: { RUNNER_TOOL_CACHE: toolCache } });
      expect(first.stdout).toContain("from the npm registry into");
      expect(first.stdout).toContain(`Transpiler: oxc-transform ${OXC_VERSION} (native, fetched from the npm registry into ${path.join(toolCache, "migration-gate")}`);
      expect(first.outputs).toMatchObject({ status: "passed", findings: "0", errors: "0", warnings: "0" });
      expect(first.status).toBe(0);

      const second = await runAction({ workspace: REPO, actionDir, inputs, github, env: { RUNNER_TOOL_CACHE: toolCache } });
      expect(second.stdout).not.toContain("from the npm registry into");
      expect(second.stdout).toContain(`Transpiler: oxc-transform ${OXC_VERSION} (native, cached in ${path.join(toolCache, "migration-gate")}`);
      expect(second.status).toBe(0);

      // A CommonJS project whose tsconfig is cached but whose files are not: the first miss
      // loads our dist/transformer.js through the require hooks, and there, outside any
      // package.json's scope, it must not be taken for the user's CommonJS source (it was, and
      // the run failed with "transformModuleWithDependencies is not a function").
      const project = tempProject({ from: path.join(REPO, CLEAN["working-directory"]), packages: ["typeorm", "pg", "reflect-metadata"] });
      try {
        const commonJs = { workspace: project.dir, actionDir, inputs: { ...CLEAN, "working-directory": "." }, github, env: { RUNNER_TOOL_CACHE: toolCache } };
        expect((await runAction(commonJs)).status).toBe(0);
        const cache = path.join(project.dir, "node_modules/.cache/migration-gate/transform");
        const kept = fs.readdirSync(cache).filter((entry) => entry.startsWith("tsconfig-"));
        expect(kept.length).toBeGreaterThan(0);
        for (const entry of fs.readdirSync(cache)) if (!kept.includes(entry)) fs.rmSync(path.join(cache, entry), { recursive: true });
        const missed = await runAction(commonJs);
        expect(missed.outputs).toMatchObject({ status: "passed", errors: "0" });
        expect(missed.status).toBe(0);
      } finally {
        project.cleanup();
      }
    } finally {
      fs.rmSync(actionDir, { recursive: true, force: true });
      fs.rmSync(toolCache, { recursive: true, force: true });
    }
  }, 300_000);
});
