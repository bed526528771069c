import { countBySeverity, type GateResult } from "../engine/result.js";
import { displayLocation, displayPath } from "./paths.js";

export interface MarkdownReportOptions {
  /** Paths are shown relative to this folder (the repository root in the action). */
  baseDir: string;
}

const ICON = { error: "❌", warning: "⚠️", notice: "ℹ️" } as const;

/** The job summary: verdict, findings table, fixes, migrations that ran, timings. */
export function formatMarkdown(result: GateResult, { baseDir }: MarkdownReportOptions): string {
  const counts = countBySeverity(result.findings);
  const out: string[] = [];
  out.push(
    result.status === "passed"
      ? `## ✅ migration-gate passed`
      : `## ❌ migration-gate failed: ${counts.error} error${counts.error === 1 ? "" : "s"}${counts.warning ? `, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}` : ""}`,
    "",
    `Project \`${displayPath(result.projectDir, baseDir) || "."}\`: ${result.entityCount} entities, ${result.tableCount} tables expected, ${result.migrations.length} migrations run on an empty Postgres ${result.postgres.version} with synchronize off (typeorm ${result.orm.version}).`,
    "",
  );

  if (result.findings.length) {
    out.push("| | Rule | Object | Location | Message |", "|---|---|---|---|---|");
    for (const f of result.findings) {
      out.push(`| ${ICON[f.severity]} | \`${f.ruleId}\` | ${cell(f.object ?? "")} | ${cell(displayLocation(f.location, baseDir) ?? "")} | ${cell(f.message)} |`);
    }
    out.push("", "### How to fix", "");
    for (const f of result.findings.filter((f) => f.hint || f.detail)) {
      out.push(`<details><summary><code>${escapeHtml(f.object ?? f.ruleId)}</code>: ${escapeHtml(f.message)}</summary>`, "");
      if (f.detail) out.push("```sql", f.detail, "```", "");
      if (f.hint) out.push(escapeHtml(f.hint), "");
      out.push("</details>", "");
    }
  } else {
    out.push("Every entity table is created by the migrations.", "");
  }

  if (result.migrations.length) {
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
  return out.join("\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
