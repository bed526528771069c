import { readable } from "./readable.js";
import { countBySeverity, type Finding, type GateResult } from "../engine/result.js";
import { groupByCause } from "./group-by-cause.js";
import { displayLocation } from "./paths.js";
import { plural, splitByChange } from "./change-split.js";

export interface TextReportOptions {
  /** Paths are shown relative to this folder. */
  baseDir: string;
}

const MARK: Record<Finding["severity"], string> = { error: "error", warning: "warning", notice: "notice" };

/** "12 entities, 14 tables expected" (TypeORM) or "14 pgTable definitions" (Drizzle, where each is one table). */
export function projectSize(result: Pick<GateResult, "orm" | "entityCount" | "tableCount">): string {
  if (result.orm.name === "drizzle") return `${result.tableCount} pgTable definition${result.tableCount === 1 ? "" : "s"}`;
  return `${result.entityCount} entities, ${result.tableCount} tables expected`;
}

/**
 * The console report: verdict first, then each finding with where and what to do. In a
 * change-scoped run the change's findings come first; what the base already had is listed
 * apart, one line each, and what the change fixes last.
 */
/** PASSED / FAILED; a baseline that refused says so, since its findings may all be warnings. */
function headline(result: GateResult): string {
  if (result.baseline?.refused && result.baseline.refused !== "no --yes") return "REFUSED";
  return result.status === "passed" ? "PASSED" : "FAILED";
}

export function formatText(given: GateResult, { baseDir }: TextReportOptions): string {
  const result = readable(given, baseDir);
  const split = splitByChange(result);
  const counts = countBySeverity(split.current);
  const lines: string[] = [];
  const failed = result.migrations.filter((m) => m.status === "failed").length;
  const scoped = split.existing.length || split.fixed.length || result.change?.failOn === "new";
  const verdict = scoped
    ? `${plural(counts.error, "new error")}, ${plural(counts.warning, "new warning")}; ${split.existing.length} already ${split.where} (not failing)${split.fixed.length ? `; this change fixes ${split.fixed.length}` : ""}`
    : `${counts.error} error(s), ${counts.warning} warning(s)`;
  lines.push(
    `migration-gate${result.target ? ` ${result.target.command}` : ""}: ${headline(result)}: ${verdict}`,
    result.target
      ? `  ${targetLine(result.target)}; ${result.orm.name === "drizzle" ? "drizzle-orm" : "typeorm"} ${result.orm.version}; ${(result.timings.total / 1000).toFixed(1)} s`
      : `  ${projectSize(result)}; ${result.migrations.length} migrations run${failed ? `, ${failed} failed` : ""}; ${result.orm.name === "drizzle" ? "drizzle-orm" : "typeorm"} ${result.orm.version}, Postgres ${result.postgres.version}; ${(result.timings.total / 1000).toFixed(1)} s`,
  );
  if (result.baseline) lines.push(...baselineLines(result.baseline));
  if (result.change?.baseUnavailable) lines.push(`  The base could not be evaluated, so every finding counts as new: ${result.change.baseUnavailable}`);
  lines.push("");
  for (const { finding, consequences } of groupByCause(split.current)) {
    const where = displayLocation(finding.location, baseDir);
    lines.push(`${where ? `${where}  ` : ""}${MARK[finding.severity]}  ${finding.ruleId}`);
    lines.push(`  ${finding.message}`);
    if (finding.detail) lines.push(...finding.detail.split("\n").map((l) => `    | ${l}`));
    if (finding.hint) lines.push(`  Fix: ${finding.hint}`);
    if (consequences.length) {
      lines.push(`  Follows from it (${consequences.length}), fixed with it:`);
      for (const c of consequences) {
        const at = displayLocation(c.location, baseDir);
        lines.push(`    ${at ? `${at}  ` : ""}${c.ruleId}: ${c.message}`);
      }
    }
    lines.push("");
  }
  if (result.findings.length === 0 && result.target) lines.push(result.target.command === "baseline" ? "The target's schema equals what the migrations build." : "Nothing pending, nothing drifted: the deploy has nothing to do.", "");
  else if (result.findings.length === 0) lines.push(`The migrations build everything the ${result.orm.name === "drizzle" ? "pgTable definitions declare" : "entities declare"}.`, "");
  if (split.existing.length) {
    lines.push(`Already ${split.where} (${split.existing.length}, not failing):`);
    for (const f of split.existing) lines.push(`  ${oneLine(f, baseDir)}`);
    lines.push("");
  }
  if (split.fixed.length) {
    lines.push(`This change fixes ${split.fixed.length}:`);
    for (const f of split.fixed) lines.push(`  ${oneLine(f, baseDir)}`);
    lines.push("");
  }
  return lines.join("\n");
}

/** "target db:5432/app (Postgres 16.4): 12 of 12 rows in public.migrations match the project's migrations, 2 pending". */
export function targetLine(target: NonNullable<GateResult["target"]>): string {
  const rows = target.untracked ? `${target.trackingTable} ${target.recorded === 0 ? "empty or missing" : ""}`.trim() : `${target.applied} of ${target.recorded} row(s) in ${target.trackingTable} match the project's migrations`;
  return `target ${target.label} (Postgres ${target.serverVersion}): ${rows}${target.pending !== undefined ? `, ${target.pending} pending` : ""}`;
}

function baselineLines(plan: NonNullable<GateResult["baseline"]>): string[] {
  const head = plan.written
    ? `  Baseline written: ${plan.migrations.length} migration(s) recorded, in one transaction:`
    : plan.refused === "no --yes"
      ? `  Baseline plan (nothing written; run again with --yes to write it):`
      : `  Baseline refused (${plan.refused}); nothing written. It would have run:`;
  return [head, ...plan.statements.map((s) => `    ${s};`)];
}

function oneLine(f: Finding, baseDir: string): string {
  const at = displayLocation(f.location, baseDir);
  return `${at ? `${at}  ` : ""}${f.severity} ${f.ruleId}: ${f.message}`;
}
