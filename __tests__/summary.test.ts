import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import type { Finding, GateResult } from "../src/engine/result.js";
import { COMMENT_MAX_BYTES, formatMarkdown, SUMMARY_MAX_BYTES } from "../src/report/markdown.js";
import { REPO } from "./helpers/paths.js";
import { runAction } from "./helpers/run-action.js";

const update = process.env["MIGRATION_GATE_UPDATE_DOCS"] === "1";

/** Timings and versions vary by run and machine; everything else in a summary must not. */
function normalize(summary: string): string {
  return summary
    .replace(/\d+\.\d\d s/g, "0.00 s")
    .replace(/\| \d+ ms \|/g, "| 0 ms |")
    .replace(/Postgres \d+\.\d+(?: \([^)]*\))?/g, "Postgres 17.x")
    // Links go to the checked-out commit, which is whatever commit these tests run at.
    .replace(/\/blob\/[0-9a-f]{40}\//g, "/blob/<commit>/");
}

/**
 * The job summaries of the fixtures, as the action writes them, committed under
 * __tests__/golden/: any change to the report shows in review. `npm run sync-docs` rewrites them.
 */
describe("rendered job summaries (golden files)", () => {
  test.each([
    ["shares-incident", "examples/shares-incident"],
    ["typeorm03-cjs", "__tests__/fixtures/typeorm03-cjs"],
  ])("%s", async (name, dir) => {
    const run = await runAction({ workspace: REPO, inputs: { "working-directory": dir, "data-source": "src/data-source.ts" } });
    const golden = path.join(REPO, "__tests__", "golden", `${name}.summary.md`);
    const rendered = normalize(run.summary);
    if (update) {
      fs.mkdirSync(path.dirname(golden), { recursive: true });
      fs.writeFileSync(golden, rendered);
    }
    expect(rendered).toBe(fs.readFileSync(golden, "utf8"));
  });
});

describe("size limits", () => {
  const finding = (i: number): Finding => ({
    ruleId: "missing-table",
    severity: "error",
    message: `Entity E${i} (table public.table_number_${i}) has no CREATE TABLE migration.`,
    hint: "Add a migration that creates it; use CREATE TABLE IF NOT EXISTS, since databases built with synchronize already have it.",
    object: `public.table_number_${i}`,
    location: { file: `/repo/src/entities/e${i}.ts`, line: 3 },
    fingerprint: `f${i}`,
  });
  const result = (count: number, migrations = 2000): GateResult => ({
    status: "failed",
    projectDir: "/repo",
    orm: { name: "typeorm", version: "0.3.28" },
    isolation: "namespace",
    postgres: { provider: "embedded", version: "17.10" },
    entityCount: count,
    tableCount: count,
    migrations: Array.from({ length: migrations }, (_, i) => ({ name: `Migration${1700000000000 + i}`, status: "applied" as const, durationMs: 3, createdTables: [], ranAfterFailure: false })),
    findings: Array.from({ length: count }, (_, i) => finding(i)),
    timings: { provision: 1, load: 1, migrate: 1, introspect: 1, diff: 1, total: 5 },
  });

  test("a small report is whole", () => {
    const text = formatMarkdown(result(3, 5), { baseDir: "/repo", maxBytes: COMMENT_MAX_BYTES });
    expect(text).toContain("### How to fix");
    expect(text).not.toContain("Left out");
  });

  test("the job summary steps down to fit 1 MiB and says what it left out", () => {
    const full = formatMarkdown(result(20_000), { baseDir: "/repo" });
    expect(Buffer.byteLength(full)).toBeGreaterThan(SUMMARY_MAX_BYTES);
    const text = formatMarkdown(result(20_000), { baseDir: "/repo", maxBytes: SUMMARY_MAX_BYTES });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(text).not.toContain("### How to fix");
    expect(text).toMatch(/_Left out to fit GitHub's size limit: the list of migrations; the fixes \(each annotation carries its own\); \d+ of 20000 findings\./);
  });

  test("a long migration list goes before the fixes do", () => {
    const text = formatMarkdown(result(3, 2000), { baseDir: "/repo", maxBytes: COMMENT_MAX_BYTES });
    expect(text).toContain("### How to fix");
    expect(text).toContain("_Left out to fit GitHub's size limit: the list of migrations.");
  });

  test("the PR comment fits 65,000 bytes the same way, keeping as many rows as fit", () => {
    const text = formatMarkdown(result(1_000), { baseDir: "/repo", maxBytes: COMMENT_MAX_BYTES });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(COMMENT_MAX_BYTES);
    const rows = text.match(/\| ❌ \|/g)!.length;
    expect(rows).toBeGreaterThan(300);
    expect(text).toContain(`${1000 - rows} of 1000 findings`);
  });
});
