import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { REPO } from "./helpers/paths.js";
import { runAction } from "./helpers/run-action.js";

const annotations = (run: Awaited<ReturnType<typeof runAction>>, level: string) => run.commands.filter((c) => c.command === level && c.properties["title"]);

describe("the action, run as the runner runs it", () => {
  test("the incident: error annotations on the entity lines, a summary, outputs, a failed step", async () => {
    const run = await runAction({ workspace: REPO, inputs: { "working-directory": "examples/shares-incident", "data-source": "src/data-source.ts" } });
    expect(run.status).toBe(1);

    const errors = annotations(run, "error");
    expect(errors.map((c) => [c.properties["title"], c.properties["file"], c.properties["line"]])).toEqual([
      ["migration-gate: migration-failed", "examples/shares-incident/src/migration/1740300000000-ShareUniquePerUser.ts", "9"],
      ["migration-gate: missing-table", "examples/shares-incident/src/entity/Share.ts", "6"],
      ["migration-gate: missing-table", "examples/shares-incident/src/entity/ShareKey.ts", "4"],
    ]);
    expect(errors[1]!.message).toContain("Entity Share (table public.shares) has no CREATE TABLE migration.\nFix: Add a migration that creates it");

    // core.setFailed: one more error, without a file, that names the verdict.
    const failed = run.commands.filter((c) => c.command === "error" && !c.properties["title"]);
    expect(failed.map((c) => c.message)).toEqual([
      "migration-gate found 3 error(s): the migrations do not build the schema the entities expect. See the annotations and the job summary.",
    ]);

    expect(run.summary).toContain("## ❌ migration-gate failed: 3 errors");
    expect(run.summary).toContain("| ❌ | `missing-table` | public.shares | examples/shares-incident/src/entity/Share.ts:6 | Entity Share (table public.shares) has no CREATE TABLE migration. |");
    expect(run.summary).toContain("| ShareUniquePerUser1740300000000 | **failed** (42P01) |");
    expect(run.outputs).toEqual({ status: "failed", findings: "3", errors: "3", warnings: "0" });
    expect(run.apiRequests).toEqual([]);
  });

  test("a clean project: no annotations, a passing summary, status passed", async () => {
    const run = await runAction({ workspace: REPO, inputs: { "working-directory": "__tests__/fixtures/typeorm03-cjs", "data-source": "src/data-source.ts" } });
    expect(run.status).toBe(0);
    expect(run.commands.filter((c) => ["error", "warning"].includes(c.command))).toEqual([]);
    expect(run.summary).toContain("## ✅ migration-gate passed");
    expect(run.outputs).toEqual({ status: "passed", findings: "0", errors: "0", warnings: "0" });
  });

  test("a bad input fails the step with the message and the next step; status error", async () => {
    const run = await runAction({ workspace: REPO, inputs: { "working-directory": "examples/shares-incident", "data-source": "src/datasource.ts" } });
    expect(run.status).toBe(1);
    const [failure] = run.commands.filter((c) => c.command === "error");
    expect(failure!.message).toContain('migration-gate could not check the project: data-source (--data-source): file "src/datasource.ts" not found');
    expect(failure!.message).toContain('Did you mean "src/data-source.ts"?');
    expect(run.outputs["status"]).toBe("error");
  });

  test("database-url is masked, password included, before anything is logged", async () => {
    const url = "postgres://gate:s3cr3t-pw@127.0.0.1:1/postgres";
    const run = await runAction({ workspace: REPO, inputs: { "working-directory": "examples/shares-incident", "data-source": "src/data-source.ts", "database-url": url } });
    expect(run.status).toBe(1);
    const masks = run.commands.filter((c) => c.command === "add-mask").map((c) => c.message);
    expect(masks).toEqual([url, "s3cr3t-pw"]);
    expect(run.stdout.indexOf("::add-mask::")).toBeLessThan(run.stdout.indexOf("::error"));
    expect(run.commands.find((c) => c.command === "error")!.message).toContain("Could not connect to Postgres at 127.0.0.1:1");
  });

  test("from its own checkout without node_modules, it fetches the Postgres binaries from the registry and caches them", async () => {
    const actionDir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-action-checkout-"));
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), "mg-tool-cache-"));
    try {
      fs.cpSync(path.join(REPO, "dist"), path.join(actionDir, "dist"), { recursive: true });
      fs.copyFileSync(path.join(REPO, "action.yml"), path.join(actionDir, "action.yml"));
      const inputs = { "working-directory": "__tests__/fixtures/typeorm1-esm", "data-source": "src/data-source.ts" };

      const first = await runAction({ workspace: REPO, actionDir, inputs, env: { RUNNER_TOOL_CACHE: toolCache } });
      expect(first.stdout).toContain("from the npm registry into");
      expect(first.outputs).toEqual({ status: "passed", findings: "0", errors: "0", warnings: "0" });
      expect(first.status).toBe(0);

      const second = await runAction({ workspace: REPO, actionDir, inputs, env: { RUNNER_TOOL_CACHE: toolCache } });
      expect(second.stdout).not.toContain("from the npm registry into");
      expect(second.status).toBe(0);
    } finally {
      fs.rmSync(actionDir, { recursive: true, force: true });
      fs.rmSync(toolCache, { recursive: true, force: true });
    }
  }, 300_000);
});
