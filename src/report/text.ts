import { countBySeverity, type Finding, type GateResult } from "../engine/result.js";
import { displayLocation } from "./paths.js";

export interface TextReportOptions {
  /** Paths are shown relative to this folder. */
  baseDir: string;
}

const MARK: Record<Finding["severity"], string> = { error: "error", warning: "warning", notice: "notice" };

/** The console report: verdict first, then each finding with where and what to do. */
export function formatText(result: GateResult, { baseDir }: TextReportOptions): string {
  const counts = countBySeverity(result.findings);
  const lines: string[] = [];
  const failed = result.migrations.filter((m) => m.status === "failed").length;
  lines.push(
    `migration-gate: ${result.status === "passed" ? "PASSED" : "FAILED"}: ${counts.error} error(s), ${counts.warning} warning(s)`,
    `  ${result.entityCount} entities, ${result.tableCount} tables expected; ${result.migrations.length} migrations run${failed ? `, ${failed} failed` : ""}; typeorm ${result.orm.version}, Postgres ${result.postgres.version}; ${(result.timings.total / 1000).toFixed(1)} s`,
    "",
  );
  for (const finding of result.findings) {
    const where = displayLocation(finding.location, baseDir);
    lines.push(`${where ? `${where}  ` : ""}${MARK[finding.severity]}  ${finding.ruleId}`);
    lines.push(`  ${finding.message}`);
    if (finding.detail) lines.push(...finding.detail.split("\n").map((l) => `    | ${l}`));
    if (finding.hint) lines.push(`  Fix: ${finding.hint}`);
    lines.push("");
  }
  if (result.findings.length === 0) lines.push("Every entity table is created by the migrations.", "");
  return lines.join("\n");
}
