/**
 * The change-scoped verdict as pure functions: the classification (change-verdict.ts) and how
 * each reporter shows it. The end-to-end runs are in change-scope.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { judgeChange } from "../src/engine/change-verdict.js";
import { failingFindings, type Finding, type GateResult } from "../src/engine/result.js";
import { formatMarkdown } from "../src/report/markdown.js";
import { formatSarif } from "../src/report/sarif.js";
import { planAnnotations, toAnnotations } from "../src/report/annotations.js";
import { formatText } from "../src/report/text.js";

const finding = (name: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId: "missing-column",
  severity: "error",
  message: `Column ${name} is missing.`,
  object: `public.t.${name}`,
  location: { file: `/repo/src/t.ts`, line: 10 },
  fingerprint: `fp-${name}`,
  ...extra,
});
const ref = { ref: "origin/main", commit: "a".repeat(40), root: "/repo" };
const noSuppressions = () => ({ file: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mg-unit-")), "none.json"), projectDir: "/repo", write: false });

const result = (findings: Finding[], extra: Partial<GateResult> = {}): GateResult => ({
  status: "failed",
  projectDir: "/repo",
  rootDir: "/repo",
  orm: { name: "typeorm", version: "0.3.28" },
  isolation: "namespace",
  postgres: { provider: "embedded", version: "17.10" },
  entityCount: 1,
  tableCount: 1,
  migrations: [],
  findings,
  timings: { provision: 1, load: 1, migrate: 1, introspect: 1, diff: 1, total: 5 },
  ...extra,
});

describe("judgeChange", () => {
  test("by fingerprint: on both is already there, only at head is introduced, only on base is fixed", () => {
    const verdict = judgeChange({ head: [finding("old"), finding("new")], base: { ref, findings: [finding("old"), finding("gone")] }, suppressions: noSuppressions(), failOn: undefined });
    expect(verdict.findings.map((f) => [f.object, f.introduced])).toEqual([
      ["public.t.old", false],
      ["public.t.new", true],
    ]);
    expect(verdict.fixed?.map((f) => f.object)).toEqual(["public.t.gone"]);
    expect(verdict.change).toEqual({ failOn: "new", base: { ref: "origin/main", commit: ref.commit } });
    expect(failingFindings(verdict).map((f) => f.object)).toEqual(["public.t.new"]);
    expect(failingFindings({ ...verdict, change: { ...verdict.change!, failOn: "all" } })).toHaveLength(2);
  });

  test("a base that could not be evaluated: everything is introduced, and why is kept", () => {
    const verdict = judgeChange({ head: [finding("x")], base: { ref, unavailable: "no data source at the base" }, suppressions: noSuppressions(), failOn: undefined });
    expect(verdict.findings[0]!.introduced).toBe(true);
    expect(verdict.change?.baseUnavailable).toBe("no data source at the base");
  });

  test("no base and no suppressions file: not change-scoped at all, unless fail-on is given", () => {
    expect(judgeChange({ head: [finding("x")], suppressions: noSuppressions(), failOn: undefined })).toEqual({ findings: [finding("x")] });
    expect(judgeChange({ head: [finding("x")], suppressions: noSuppressions(), failOn: "all" }).change).toEqual({ failOn: "all" });
  });
});

describe("reporters on a change-scoped result", () => {
  const scoped = result([finding("new", { introduced: true }), finding("old", { introduced: false, severity: "error" })], {
    fixed: [finding("gone")],
    change: { failOn: "new", base: { ref: "origin/main", commit: ref.commit } },
  });

  test("annotations: the change's findings at their level and first; the base's as notices, after", () => {
    expect(toAnnotations(scoped, { baseDir: "/repo" }).map((a) => [a.level, a.title])).toEqual([
      ["error", "migration-gate: missing-column"],
      ["notice", "migration-gate: missing-column (already on origin/main)"],
    ]);
    const plan = planAnnotations(result([finding("old", { introduced: false }), finding("new", { introduced: true })], { change: scoped.change }), { baseDir: "/repo" });
    expect(plan.shown.map((a) => a.level)).toEqual(["error", "notice"]);
  });

  test("SARIF: baselineState new / unchanged", () => {
    const sarif = JSON.parse(formatSarif(scoped, { baseDir: "/repo" })) as { runs: Array<{ results: Array<{ baselineState?: string }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.baselineState)).toEqual(["new", "unchanged"]);
  });

  test("markdown: the change's table, the base's collapsed, the fixed as a list; links when the blob URL is known", () => {
    const text = formatMarkdown(scoped, { baseDir: "/repo", blobUrl: "https://github.com/o/r/blob/abc" });
    expect(text).toContain("## ❌ migration-gate failed: 1 new error");
    expect(text).toContain("Judged against the base origin/main: 1 finding from this change, 1 already there (not failing), 1 fixed.");
    expect(text).toContain("<details><summary>Already on origin/main (1, not failing)</summary>");
    expect(text).toContain("### ✅ This change fixes 1");
    expect(text).toContain("[src/t.ts:10](https://github.com/o/r/blob/abc/src/t.ts#L10)");
    // The fixes section is about the change only.
    expect(text.split("### How to fix")[1]!.split("<details><summary>Already")[0]).not.toContain("public.t.old");
  });

  test("text: new counts in the verdict, the base's and the fixed listed after", () => {
    const text = formatText(scoped, { baseDir: "/repo" });
    expect(text.split("\n")[0]).toBe("migration-gate: FAILED: 1 new error, 0 new warnings; 1 already on origin/main (not failing); this change fixes 1");
    expect(text.indexOf("Already on origin/main (1, not failing):")).toBeGreaterThan(text.indexOf("Column new is missing."));
  });
});
