import { projectSize } from "./text.js";
import { countBySeverity, type Finding, type GateResult } from "../engine/result.js";
import { groupByCause } from "./group-by-cause.js";
import { readable } from "./readable.js";
import { displayLocation, displayPath } from "./paths.js";

export interface MarkdownReportOptions {
  /** Paths are shown relative to this folder (the repository root in the action). */
  baseDir: string;
  /** Size limit in bytes: the report steps down in detail to fit, and says what it left out. */
  maxBytes?: number;
}

/** GitHub's limits, with room for what others write: job summary 1 MiB per step, comment 65,536 characters. */
export const SUMMARY_MAX_BYTES = 1_000_000;
export const COMMENT_MAX_BYTES = 65_000;

const ICON = { error: "❌", warning: "⚠️", notice: "ℹ️" } as const;

interface Detail {
  fixes: boolean;
  migrations: boolean;
  /** How many findings get a table row. */
  rows: number;
}

/**
 * The job summary (and PR comment): verdict, findings table, fixes, migrations that ran,
 * timings. When it would not fit `maxBytes`, it drops the migration list, then the fixes,
 * then findings rows, and says what it left out.
 */
export function formatMarkdown(result: GateResult, options: MarkdownReportOptions): string {
  const fits = (text: string) => options.maxBytes === undefined || Buffer.byteLength(text) <= options.maxBytes;
  const total = result.findings.length;
  for (const detail of [
    { fixes: true, migrations: true, rows: total },
    // The migration list goes first: the fixes are what a reviewer acts on.
    { fixes: true, migrations: false, rows: total },
    { fixes: false, migrations: false, rows: total },
  ]) {
    const text = render(result, options.baseDir, detail);
    if (fits(text)) return text;
  }
  // Largest number of rows that fits.
  let low = 0;
  let high = total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(render(result, options.baseDir, { fixes: false, migrations: false, rows: mid }))) low = mid;
    else high = mid - 1;
  }
  return render(result, options.baseDir, { fixes: false, migrations: false, rows: low });
}

function render(given: GateResult, baseDir: string, detail: Detail): string {
  const result = readable(given, baseDir);
  const counts = countBySeverity(result.findings);
  const out: string[] = [];
  out.push(
    result.status === "passed"
      ? `## ✅ migration-gate passed`
      : `## ❌ migration-gate failed: ${counts.error} error${counts.error === 1 ? "" : "s"}${counts.warning ? `, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}` : ""}`,
    "",
    `Project \`${displayPath(result.projectDir, baseDir) || "."}\`: ${projectSize(result)}, ${result.migrations.length} migrations run on an empty Postgres ${result.postgres.version}${result.orm.name === "drizzle" ? ` (drizzle-orm ${result.orm.version})` : ` with synchronize off (typeorm ${result.orm.version})`}.`,
    "",
  );

  if (result.findings.length) {
    // Causes first, each followed by what follows from it: the fix of the cause is the one fix.
    const groups = groupByCause(result.findings);
    const ordered = groups.flatMap((g) => [g.finding, ...g.consequences]);
    const consequence = new Set(groups.flatMap((g) => g.consequences));
    out.push("| | Rule | Object | Location | Message |", "|---|---|---|---|---|");
    for (const f of ordered.slice(0, detail.rows)) {
      const rule = consequence.has(f) ? `↳ \`${f.ruleId}\`` : `\`${f.ruleId}\``;
      out.push(`| ${ICON[f.severity]} | ${rule} | ${cell(f.object ?? "")} | ${cell(displayLocation(f.location, baseDir) ?? "")} | ${cell(f.message)} |`);
    }
    out.push("");
    if (consequence.size) out.push(`_↳ follows from the finding above it and is fixed with it (${consequence.size} such)._`, "");
    if (detail.fixes) out.push(...fixes(groups.map((g) => g.finding)));
  } else {
    out.push(`The migrations build everything the ${result.orm.name === "drizzle" ? "pgTable definitions declare" : "entities declare"}.`, "");
  }

  if (detail.migrations && result.migrations.length) {
    out.push(`<details><summary>Migrations run (${result.migrations.length})</summary>`, "", "| Migration | Status | Time |", "|---|---|---|");
    for (const m of result.migrations) {
      const status = m.status === "applied" ? "applied" : `**failed** (${m.failure?.code ?? "error"})`;
      out.push(`| ${cell(m.name)} | ${status}${m.ranAfterFailure ? " after an earlier failure" : ""} | ${m.durationMs} ms |`);
    }
    out.push("", "</details>", "");
  }

  const t = result.timings;
  out.push("| Provision | Load | Migrate | Introspect | Diff | Total |", "|---|---|---|---|---|---|");
  out.push(`| ${[t.provision, t.load, t.migrate, t.introspect, t.diff, t.total].map((ms) => `${(ms / 1000).toFixed(2)} s`).join(" | ")} |`, "");

  const leftOut = [
    ...(!detail.migrations && result.migrations.length ? ["the list of migrations"] : []),
    ...(!detail.fixes && result.findings.some((f) => f.hint) ? ["the fixes (each annotation carries its own)"] : []),
    ...(detail.rows < result.findings.length ? [`${result.findings.length - detail.rows} of ${result.findings.length} findings`] : []),
  ];
  if (leftOut.length) out.push(`_Left out to fit GitHub's size limit: ${leftOut.join("; ")}. The report-json output and the SARIF file hold everything._`, "");
  return out.join("\n");
}

function fixes(findings: Finding[]): string[] {
  const out = ["### How to fix", ""];
  for (const f of findings.filter((f) => f.hint || f.detail)) {
    out.push(`<details><summary><code>${escapeHtml(f.object ?? f.ruleId)}</code>: ${escapeHtml(f.message)}</summary>`, "");
    if (f.detail) out.push("```sql", f.detail, "```", "");
    if (f.hint) out.push(escapeHtml(f.hint), "");
    out.push("</details>", "");
  }
  return out;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
