import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import { RULES } from "../src/rules/index.js";
import { toBeValidSarifLog } from "@microsoft/jest-sarif";
import { FakeGithub } from "./helpers/fake-github.js";
import { REPO } from "./helpers/paths.js";
import { runAction, type ActionRun } from "./helpers/run-action.js";
import { runCli } from "./helpers/run-cli.js";
import { tempProject, type TempProject } from "./helpers/temp-project.js";

expect.extend({ toBeValidSarifLog });
const expectValidSarif = (log: unknown) => (expect(log) as unknown as { toBeValidSarifLog(): void }).toBeValidSarifLog();

/** Six files of ten entities each, and no migration: 60 missing-table errors and a no-migrations warning. */
function sixtyFindingsProject(): TempProject {
  const files: Record<string, string> = {
    "package.json": '{ "name": "sixty" }',
    "src/data-source.ts": `import "reflect-metadata";\nimport { DataSource } from "typeorm";\nexport default new DataSource({ type: "postgres", entities: [__dirname + "/entities/*.ts"], migrations: [] });\n`,
  };
  for (let group = 1; group <= 6; group++) {
    const classes = Array.from({ length: 10 }, (_, i) => `@Entity("t_${group}_${i}")\nexport class E${group}x${i} {\n  @PrimaryGeneratedColumn()\n  id: number;\n}\n`);
    files[`src/entities/group-${group}.ts`] = `import { Entity, PrimaryGeneratedColumn } from "typeorm";\n\n${classes.join("\n")}`;
  }
  return tempProject({ files });
}

const titled = (run: ActionRun, level: string) => run.commands.filter((c) => c.command === level && c.properties["title"]);

describe("60 findings against GitHub's limits", () => {
  let project: TempProject;
  let github: FakeGithub;
  beforeAll(() => {
    project = sixtyFindingsProject();
  });
  afterAll(() => project.cleanup());
  beforeEach(async () => {
    github = await new FakeGithub().start();
  });
  afterEach(() => github.stop());

  const inputs = { "data-source": "src/data-source.ts", "sarif-file": "reports/gate.sarif" };

  test("without checks: write: 9 error annotations (the step's failure is the tenth), files the PR changed first, and one notice for the other 51", async () => {
    github.permissions.checks = false;
    github.changedFiles = ["src/entities/group-6.ts", "README.md"];
    const run = await runAction({ workspace: project.dir, inputs, github });
    expect(run.status).toBe(1);

    const errors = titled(run, "error");
    expect(errors).toHaveLength(9);
    // group-6 is the file the PR changed: its findings are the ones annotated.
    expect(errors.map((c) => c.properties["file"])).toEqual(Array(9).fill("src/entities/group-6.ts"));
    // With the step's own ::error, GitHub's cap of 10 is met exactly, and nothing it drops is ours.
    expect(run.commands.filter((c) => c.command === "error")).toHaveLength(10);
    expect(titled(run, "warning").map((c) => c.properties["title"])).toEqual(["migration-gate: no-migrations"]);
    const notices = titled(run, "notice");
    expect(notices.map((c) => c.message)).toEqual([
      "51 more findings (51 errors) could not be annotated: GitHub shows at most 10 error (one of them the step's failure) and 10 warning annotations per step. Every finding is listed in the job summary.",
    ]);

    // Everything is still in the summary, the report and the SARIF file.
    expect(run.summary.match(/\| ❌ \| (↳ )?`missing-table` \|/g)).toHaveLength(60);
    expect(run.reportJson!.findings).toHaveLength(61);
    const sarif = JSON.parse(fs.readFileSync(path.join(project.dir, "reports/gate.sarif"), "utf8"));
    expectValidSarif(sarif);
    expect(sarif.runs[0].results).toHaveLength(61);
  });

  test("with checks: write: one check run holding all 60 annotations, sent in two updates of at most 50", async () => {
    const run = await runAction({ workspace: project.dir, inputs, github });
    expect(run.status).toBe(1);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0]!.annotations).toHaveLength(60);
    expect(run.apiRequests.filter((r) => r.startsWith("PATCH /repos/acme/app/check-runs/"))).toHaveLength(2);
    expect(titled(run, "error")).toEqual([]);
    expect(run.summary.match(/\| ❌ \| (↳ )?`missing-table` \|/g)).toHaveLength(60);
  });
});

describe("SARIF", () => {
  test("the CLI's --format sarif is valid SARIF 2.1.0 with stable rule ids and repository-relative paths", async () => {
    const run = await runCli(["check", "--working-directory", "examples/shares-incident", "--data-source", "src/data-source.ts", "--format", "sarif"], { cwd: REPO });
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expectValidSarif(sarif);
    const [sarifRun] = sarif.runs;
    const ruleIds = sarifRun.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual(RULES.map((rule) => rule.id));
    expect(ruleIds).toContain("unexplained-drift");
    expect(sarifRun.results.map((r: { ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ["migration-failed", "error", "examples/shares-incident/src/migration/1740300000000-ShareUniquePerUser.ts", 9],
      ["missing-table", "error", "examples/shares-incident/src/entity/Share.ts", 6],
      ["missing-table", "error", "examples/shares-incident/src/entity/ShareKey.ts", 4],
    ]);
    expect(sarifRun.results[1].partialFingerprints["migrationGate/v1"]).toMatch(/^[0-9a-f]{16}$/);
    // The validator is not vacuous: a log without runs is rejected.
    expect(() => expectValidSarif({ version: "2.1.0" })).toThrow();
  });
});

describe("the sticky pull request comment", () => {
  let github: FakeGithub;
  beforeEach(async () => {
    github = await new FakeGithub().start();
  });
  afterEach(() => github.stop());
  const inputs = { "working-directory": "examples/shares-incident", "data-source": "src/data-source.ts", comment: "true" };

  test("is created once, then found by its marker and updated in place", async () => {
    github.comments.push({ id: 7, body: "LGTM, but the staging deploy failed" });
    const first = await runAction({ workspace: REPO, inputs, github });
    expect(first.stdout).toContain("Pull request comment created.");
    expect(github.comments).toHaveLength(2);
    expect(github.comments[1]!.body).toMatch(/^<!-- migration-gate:examples\/shares-incident -->\n## ❌ migration-gate failed: 3 errors/);

    const second = await runAction({ workspace: REPO, inputs, github });
    expect(second.stdout).toContain("Pull request comment updated.");
    expect(github.comments).toHaveLength(2);
    expect(second.apiRequests).toContain(`PATCH /repos/acme/app/issues/comments/${github.comments[1]!.id}`);
  });

  test("without pull-requests: write: one warning, and the run carries on to its verdict", async () => {
    github.permissions.pullRequests = false;
    const run = await runAction({ workspace: REPO, inputs, github });
    const warnings = run.commands.filter((c) => c.command === "warning");
    expect(warnings.map((c) => c.message)).toEqual(["No pull request comment: the token may not comment (HTTP 403; it needs pull-requests: write). The job summary has the report."]);
    expect(run.outputs["status"]).toBe("failed");
    expect(github.comments).toEqual([]);
  });

  test("on a fork PR: no check run or comment is attempted, one warning, workflow annotations instead", async () => {
    const run = await runAction({
      workspace: REPO,
      inputs,
      github,
      event: (event) => {
        event.pull_request.head.repo = { full_name: "someone/app", fork: true };
      },
    });
    expect(run.apiRequests.filter((r) => r.startsWith("POST") || r.startsWith("PATCH"))).toEqual([]);
    expect(run.commands.filter((c) => c.command === "warning").map((c) => c.message)).toEqual([
      "No pull request comment: pull requests from forks get a read-only token. The job summary has the report.",
    ]);
    expect(titled(run, "error")).toHaveLength(3);
    expect(run.stdout).toContain("No check run (pull requests from forks get a read-only token)");
  });
});
