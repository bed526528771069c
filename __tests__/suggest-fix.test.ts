/**
 * suggest-fix in the action, run as the runner runs it (dist/action.js, INPUT_*, a pull_request
 * event, GITHUB_STEP_SUMMARY and GITHUB_OUTPUT, a local stand-in for the GitHub API): on the
 * shares incident the summary and the sticky comment carry the migration, collapsed and
 * verified; fix-patch names a patch `git apply` accepts; the checkout is left as it was.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { FakeGithub } from "./helpers/fake-github.js";
import { commitAll, git } from "./helpers/git.js";
import { EXAMPLE } from "./helpers/paths.js";
import { runAction } from "./helpers/run-action.js";
import { runCliJson } from "./helpers/run-cli.js";
import { tempProject } from "./helpers/temp-project.js";

describe("suggest-fix", () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await new FakeGithub().start();
  });
  afterEach(() => github.stop());

  test("on a pull request (auto): the fix in the summary and the comment, a patch that applies, the checkout untouched", async () => {
    const p = tempProject({ from: EXAMPLE });
    try {
      git(p.dir, "init", "-q");
      commitAll(p.dir, "the incident");
      const run = await runAction({ workspace: p.dir, inputs: { "data-source": "src/data-source.ts", comment: "true" }, github });
      expect(run.status).toBe(1);
      expect(run.summary).toContain("<details><summary>Suggested fix: 1 new migration(s), re-checked with them in place: 0 findings left</summary>");
      expect(run.summary).toContain("**src/migration/1740299999999-CreateShareKeysAndShares.ts** (sorts before ShareUniquePerUser1740300000000, which needs it)");
      expect(run.summary).toContain('CREATE TABLE IF NOT EXISTS "shares"');
      // The report itself is still there, above the fix.
      expect(run.summary.indexOf("migration-gate failed")).toBeLessThan(run.summary.indexOf("Suggested fix"));
      expect(github.comments).toHaveLength(1);
      expect(github.comments[0]!.body).toContain("Suggested fix: 1 new migration(s)");

      // Nothing was left in the checkout.
      expect(git(p.dir, "status", "--porcelain", "--", ".", ":!node_modules")).toBe("");
      expect(run.outputs["fix-patch"]).toMatch(/migration-gate-fix\.patch$/);
      execFileSync("git", ["apply", "-"], { cwd: p.dir, input: run.fixPatch! });
      expect(fs.existsSync(`${p.dir}/src/migration/1740299999999-CreateShareKeysAndShares.ts`)).toBe(true);
      const after = await runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: p.dir });
      expect(after.report.findings).toEqual([]);
    } finally {
      p.cleanup();
    }
  });

  test("suggest-fix: false, and a passing check: no fix, fix-patch empty", async () => {
    const p = tempProject({ from: EXAMPLE });
    try {
      const off = await runAction({ workspace: p.dir, inputs: { "data-source": "src/data-source.ts", "suggest-fix": "false" }, github });
      expect(off.status).toBe(1);
      expect(off.summary).not.toContain("Suggested fix");
      expect(off.outputs["fix-patch"]).toBe("");
      fs.copyFileSync(`${EXAMPLE}/fix/1740250000000-CreateSharesTables.ts`, `${p.dir}/src/migration/1740250000000-CreateSharesTables.ts`);
      const passing = await runAction({ workspace: p.dir, inputs: { "data-source": "src/data-source.ts", "suggest-fix": "true" }, github });
      expect(passing.status).toBe(0);
      expect(passing.summary).not.toContain("Suggested fix");
      expect(passing.outputs["fix-patch"]).toBe("");
    } finally {
      p.cleanup();
    }
  });
});

describe("command: fix in the action", () => {
  test("is refused with the way to get the fix there", async () => {
    const github = await new FakeGithub().start();
    const p = tempProject({ from: EXAMPLE });
    try {
      const run = await runAction({ workspace: p.dir, inputs: { "data-source": "src/data-source.ts", command: "fix" }, github });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain("command: fix is not run from the action: it writes migration files into the checkout.");
      expect(run.stdout).toContain("suggest-fix");
      expect(run.outputs["status"]).toBe("error");
      expect(fs.readdirSync(`${p.dir}/src/migration`)).toHaveLength(3);
    } finally {
      p.cleanup();
      await github.stop();
    }
  });
});
