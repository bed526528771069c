import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { EXAMPLE, REPO } from "./helpers/paths.js";
import { tempProject } from "./helpers/temp-project.js";

const ARGS = ["check", "--data-source", "src/data-source.ts"];

describe("the shares incident (examples/shares-incident)", () => {
  test("fails, naming both tables at their @Entity() lines and the migration that breaks", async () => {
    const { status, report } = await runCliJson([...ARGS, "--working-directory", "examples/shares-incident"], { cwd: REPO });
    expect(status).toBe(1);
    expect(report.status).toBe("failed");

    const missing = report.findings.filter((f) => f.ruleId === "missing-table");
    expect(missing.map((f) => [f.object, f.location])).toEqual([
      ["public.shares", { file: "examples/shares-incident/src/entity/Share.ts", line: 6 }],
      ["public.share_keys", { file: "examples/shares-incident/src/entity/ShareKey.ts", line: 4 }],
    ]);
    expect(missing[0]!.message).toBe("Entity Share (table public.shares) has no CREATE TABLE migration.");
    // shares is used by 1740300000000, so the fix must sort before it.
    expect(missing[0]!.hint).toContain("timestamp before 1740300000000");

    const failed = report.findings.filter((f) => f.ruleId === "migration-failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.location).toEqual({ file: "examples/shares-incident/src/migration/1740300000000-ShareUniquePerUser.ts", line: 9 });
    expect(failed[0]!.message).toBe('Migration ShareUniquePerUser1740300000000 failed: relation "shares" does not exist (42P01).');
    expect(failed[0]!.detail).toBe('CREATE UNIQUE INDEX "UQ_shares_document_user" ON "shares" ("document_id", "user_id")');
    expect(failed[0]!.hint).toContain("Add a CREATE TABLE migration with a timestamp earlier than 1740300000000");
    expect(report.findings).toHaveLength(3);

    expect(report.migrations.map((m) => [m.name, m.status])).toEqual([
      ["FullSchema1700000000000", "applied"],
      ["CreateAuditLog1740000000000", "applied"],
      ["ShareUniquePerUser1740300000000", "failed"],
    ]);
  });

  test("the text report says what failed, where, and the fix", async () => {
    const { status, stdout } = await runCli([...ARGS, "--working-directory", "examples/shares-incident"], { cwd: REPO });
    expect(status).toBe(1);
    expect(stdout).toContain("migration-gate: FAILED: 3 error(s)");
    expect(stdout).toContain("examples/shares-incident/src/entity/Share.ts:6  error  missing-table");
    expect(stdout).toContain("Entity ShareKey (table public.share_keys) has no CREATE TABLE migration.");
    expect(stdout).toContain("Fix: ");
  });

  test("adding 1740250000000-CreateSharesTables makes it pass with zero findings", async () => {
    const project = tempProject({ from: EXAMPLE });
    try {
      fs.copyFileSync(path.join(EXAMPLE, "fix", "1740250000000-CreateSharesTables.ts"), path.join(project.dir, "src/migration/1740250000000-CreateSharesTables.ts"));
      const { status, report } = await runCliJson(ARGS, { cwd: project.dir });
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
      expect(report.migrations.map((m) => m.name)).toEqual([
        "FullSchema1700000000000",
        "CreateAuditLog1740000000000",
        "CreateSharesTables1740250000000",
        "ShareUniquePerUser1740300000000",
      ]);
    } finally {
      project.cleanup();
    }
  });

  test("a fix migration timestamped after the failing one still fails the chain", async () => {
    const project = tempProject({ from: EXAMPLE });
    try {
      const fix = fs.readFileSync(path.join(EXAMPLE, "fix", "1740250000000-CreateSharesTables.ts"), "utf8").replaceAll("1740250000000", "1740400000000");
      project.write("src/migration/1740400000000-CreateSharesTables.ts", fix);
      const { status, report } = await runCliJson(ARGS, { cwd: project.dir });
      expect(status).toBe(1);
      // The tables are created (by a migration that runs too late): not missing, but the chain
      // breaks; the unique index the failed migration was to create is missing after it, and the
      // one it was to drop is still there: both follow from the failure, and are grouped under it.
      expect(report.findings.map((f) => [f.ruleId, f.object])).toEqual([
        ["migration-failed", "ShareUniquePerUser1740300000000"],
        ["missing-unique", "public.shares(document_id, user_id)"],
        ["extra-unique", "public.shares.UQ_shares_document"],
      ]);
      expect(report.findings.slice(1).map((f) => f.causedBy)).toEqual([report.findings[0]!.fingerprint, report.findings[0]!.fingerprint]);
      expect(report.findings[0]!.hint).toContain("a migration with an earlier timestamp must create it");
      expect(report.migrations.find((m) => m.name === "CreateSharesTables1740400000000")).toMatchObject({ status: "applied", ranAfterFailure: true });
    } finally {
      project.cleanup();
    }
  });
});

describe("the README quick start", () => {
  test("npm run example fails on purpose with the report", () => {
    // The script's build step is left out: rebuilding dist/ here would pull it from under the
    // tests running in parallel. Everything after it runs exactly as written.
    const script = (JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["example"]!;
    const [build, command] = script.split(" && ");
    expect(build).toBe("npm run build --silent");
    const run = spawnSync(command!, { cwd: REPO, encoding: "utf8", shell: true });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("migration-gate: FAILED: 3 error(s)");
    expect(run.stdout).toContain("examples/shares-incident/src/entity/Share.ts:6  error  missing-table");
  });
});
