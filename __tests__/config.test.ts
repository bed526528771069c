/**
 * Rule configuration through the built CLI: migration-gate.config.json, --rules, --ignore.
 * The incident example gives two missing-table errors and a migration-failed to play with.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { RULES } from "../src/rules/index.js";
import { EXAMPLE, REPO } from "./helpers/paths.js";
import { tempProject } from "./helpers/temp-project.js";

const ARGS = ["check", "--data-source", "src/data-source.ts"];

function withConfig(config: unknown) {
  const project = tempProject({ from: EXAMPLE });
  project.write("migration-gate.config.json", typeof config === "string" ? config : JSON.stringify(config, null, 2));
  return project;
}

describe("configuration", () => {
  test("the JSON Schema for editors names every rule, and the documented example is valid for the gate", async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, "migration-gate.config.schema.json"), "utf8"));
    expect(Object.keys(schema.properties.rules.properties)).toEqual(RULES.map((rule) => rule.id));
    expect(schema.properties.ignore.items.properties.rule.enum).toEqual(RULES.map((rule) => rule.id));
    const documented = /```json\n([\s\S]*?)\n```/.exec(fs.readFileSync(path.join(REPO, "docs/configuration.md"), "utf8"))![1]!;
    const project = withConfig(documented);
    try {
      const { status, stderr } = await runCli(ARGS, { cwd: project.dir });
      expect(stderr).not.toContain("migration-gate.config.json:");
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });

  test("severities from the file, ignores with reasons, and a stale ignore reported at its line", async () => {
    const project = withConfig({
      rules: { "migration-failed": "warning" },
      ignore: [
        { rule: "missing-table", object: "public.share_keys", reason: "created by the crypto service" },
        { rule: "missing-index", object: "public.gone_*", reason: "left over from an old branch" },
      ],
    });
    try {
      const { status, report } = await runCliJson(ARGS, { cwd: project.dir });
      expect(report.findings.map((f) => [f.severity, f.ruleId, f.object ?? null])).toEqual([
        ["error", "missing-table", "public.shares"],
        ["warning", "migration-failed", "ShareUniquePerUser1740300000000"],
        ["warning", "unused-ignore", null],
      ]);
      const stale = report.findings.find((f) => f.ruleId === "unused-ignore")!;
      // The second entry opens on line 11 of the pretty-printed file.
      expect(stale.location).toEqual({ file: "migration-gate.config.json", line: 11 });
      expect(stale.message).toContain("missing-index public.gone_*");
      expect(stale.hint).toContain("left over from an old branch");
      expect(status).toBe(1);
    } finally {
      project.cleanup();
    }
  });

  test("--rules and --ignore flags work without a file, and turning the last errors off passes", async () => {
    const project = tempProject({ from: EXAMPLE });
    try {
      const { status, report } = await runCliJson(
        [...ARGS, "--rules", "migration-failed=off", "--ignore", "missing-table public.shares -- tracked in JIRA-12", "--ignore", "missing-table public.share_keys -- tracked in JIRA-12"],
        { cwd: project.dir },
      );
      expect(report.findings).toEqual([]);
      expect(status).toBe(0);
    } finally {
      project.cleanup();
    }
  });

  test("an ignore by fingerprint, copied from the JSON report", async () => {
    const project = tempProject({ from: EXAMPLE });
    try {
      const first = await runCliJson(ARGS, { cwd: project.dir });
      const target = first.report.findings.find((f) => f.ruleId === "missing-table")! as { fingerprint?: string; object?: string };
      const second = await runCliJson([...ARGS, "--ignore", `${target.fingerprint} -- accepted for now`], { cwd: project.dir });
      expect(second.report.findings.map((f) => f.object)).not.toContain(target.object);
      expect(second.report.findings).toHaveLength(first.report.findings.length - 1);
    } finally {
      project.cleanup();
    }
  });

  test.each<[string, unknown, RegExp]>([
    ["broken JSON", '{ "rules": { "missing-index": "error", } }', /migration-gate\.config\.json is not valid JSON/],
    ["an unknown rule, with a suggestion", { rules: { "missing-indexes": "off" } }, /migration-gate\.config\.json:3: there is no rule "missing-indexes"[\s\S]*Did you mean "missing-index"/],
    ["a bad severity", { rules: { "missing-index": "fatal" } }, /migration-gate\.config\.json:3: "fatal" is not a severity[\s\S]*error, warning, notice, off/],
    ["an ignore without a reason", { ignore: [{ rule: "missing-table" }] }, /migration-gate\.config\.json:3: the ignore entry has no "reason"/],
    ["an ignore that matches everything", { ignore: [{ reason: "why not" }] }, /the ignore entry matches everything/],
    ["an unknown key", { rule: {} }, /unknown key "rule"; the keys are "rules" and "ignore"/],
  ])("a config file with %s fails before Postgres starts, naming file:line", async (_name, config, message) => {
    const project = withConfig(config);
    try {
      const { status, stderr } = await runCli(ARGS, { cwd: project.dir });
      expect(status).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toContain("Postgres");
    } finally {
      project.cleanup();
    }
  });

  test("a --config path that does not exist is an error, an --ignore without a reason too", async () => {
    const project = tempProject({ from: EXAMPLE });
    try {
      const missing = await runCli([...ARGS, "--config", "ci/gate.json"], { cwd: project.dir });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain(`config (--config) "ci/gate.json" does not exist (looked for ${path.join(project.dir, "ci/gate.json")})`);
      const reasonless = await runCli([...ARGS, "--ignore", "missing-table public.shares"], { cwd: project.dir });
      expect(reasonless.status).toBe(2);
      expect(reasonless.stderr).toContain("has no reason");
    } finally {
      project.cleanup();
    }
  });
});
