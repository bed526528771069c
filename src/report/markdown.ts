import { projectSize, targetLine } from "./text.js";
import { countBySeverity, type Finding, type GateResult } from "../engine/result.js";
import { groupByCause } from "./group-by-cause.js";
import { readable } from "./readable.js";
import { displayLocation, displayPath } from "./paths.js";
import { plural, splitByChange } from "./change-split.js";
import path from "node:path";

export interface MarkdownReportOptions {
  /** Paths are shown relative to this folder (the repository root in the action). */
  baseDir: string;
  /** Size limit in bytes: the report steps down in detail to fit, and says what it left out. */
  maxBytes?: number;
  /**
   * Where the analysed commit's files are on GitHub (`https://github.com/o/r/blob/<sha>`):
   * locations become links to the line, paths taken relative to the repository root.
   */
  blobUrl?: string;
  /** Appended as is (the suggested fix), within maxBytes: the report steps down to leave it room. */
  appendix?: string;
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
export function formatMarkdown(result: GateResult, given: MarkdownReportOptions): string {
  const { appendix, ...options } = given;
  if (appendix) {
    const room = options.maxBytes === undefined ? undefined : Math.max(0, options.maxBytes - Buffer.byteLength(appendix) - 1);
    return `${formatMarkdown(result, { ...options, ...(room !== undefined && { maxBytes: room }) })}\n${appendix}`;
  }
  const fits = (text: string) => options.maxBytes === undefined || Buffer.byteLength(text) <= options.maxBytes;
  const total = result.findings.length + (result.fixed?.length ?? 0);
  for (const detail of [
    { fixes: true, migrations: true, rows: total },
    // The migration list goes first: the fixes are what a reviewer acts on.
    { fixes: true, migrations: false, rows: total },
    { fixes: false, migrations: false, rows: total },
  ]) {
    const text = render(result, options, detail);
    if (fits(text)) return text;
  }
  // Largest number of rows that fits.
  let low = 0;
  let high = total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(render(result, options, { fixes: false, migrations: false, rows: mid }))) low = mid;
    else high = mid - 1;
  }
  return render(result, options, { fixes: false, migrations: false, rows: low });
}

function render(given: GateResult, options: MarkdownReportOptions, detail: Detail): string {
  const { baseDir } = options;
  const result = readable(given, baseDir);
  const split = splitByChange(result);
  const counts = countBySeverity(split.current);
  const scoped = result.change?.failOn === "new";
  const errors = plural(counts.error, scoped ? "new error" : "error");
  const warnings = counts.warning ? `, ${plural(counts.warning, scoped ? "new warning" : "warning")}` : "";
  const out: string[] = [];
  out.push(
    result.status === "passed" ? `## ✅ migration-gate passed` : `## ❌ migration-gate failed: ${errors}${warnings}`,
    "",
    result.target
      ? `Project \`${displayPath(result.projectDir, baseDir) || "."}\`, ${result.target.command} of the ${targetLine(result.target)}.`
      : `Project \`${displayPath(result.projectDir, baseDir) || "."}\`: ${projectSize(result)}, ${result.migrations.length} migrations run on an empty Postgres ${result.postgres.version}${result.orm.name === "drizzle" ? ` (drizzle-orm ${result.orm.version})` : ` with synchronize off (typeorm ${result.orm.version})`}.`,
    "",
  );
  if (scoped) {
    const judged = result.change?.base ? `Judged against the base ${split.where.replace(/^on /, "")}` : `Judged against ${split.where.replace(/^in /, "")}`;
    out.push(`${judged}: ${plural(split.current.length, "finding")} from this change, ${split.existing.length} already there (not failing)${split.fixed.length ? `, ${split.fixed.length} fixed` : ""}.`, "");
  }
  if (result.change?.baseUnavailable) out.push(`> The base could not be evaluated, so every finding counts as new: ${cell(result.change.baseUnavailable)}`, "");

  const link = locationLink(result, options);
  if (split.current.length) {
    // Causes first, each followed by what follows from it: the fix of the cause is the one fix.
    const groups = groupByCause(split.current);
    const ordered = groups.flatMap((g) => [g.finding, ...g.consequences]);
    const consequence = new Set(groups.flatMap((g) => g.consequences));
    out.push(...table(ordered.slice(0, detail.rows), link, (f) => (consequence.has(f) ? `↳ \`${f.ruleId}\`` : `\`${f.ruleId}\``)));
    out.push("");
    if (consequence.size) out.push(`_↳ follows from the finding above it and is fixed with it (${consequence.size} such)._`, "");
    if (detail.fixes) out.push(...fixes(groups.map((g) => g.finding)));
  } else if (result.findings.length === 0) {
    out.push(`The migrations build everything the ${result.orm.name === "drizzle" ? "pgTable definitions declare" : "entities declare"}.`, "");
  } else {
    out.push("This change adds no finding.", "");
  }
  // The rows budget covers the change's findings first; what is left goes to the old ones.
  const existingRows = Math.max(0, detail.rows - split.current.length);
  if (split.existing.length) {
    out.push(`<details><summary>Already ${escapeHtml(split.where)} (${split.existing.length}, not failing)</summary>`, "");
    out.push(...table(split.existing.slice(0, existingRows), link, (f) => `\`${f.ruleId}\``), "", "</details>", "");
  }
  if (split.fixed.length) {
    out.push(`### ✅ This change fixes ${split.fixed.length}`, "");
    for (const f of split.fixed.slice(0, Math.max(0, existingRows - split.existing.length))) out.push(`- \`${f.ruleId}\` ${cell(f.object ?? "")}: ${cell(f.message)}`);
    out.push("");
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
    ...(detail.rows < result.findings.length + split.fixed.length ? [`${result.findings.length + split.fixed.length - detail.rows} of ${result.findings.length + split.fixed.length} findings`] : []),
  ];
  if (leftOut.length) out.push(`_Left out to fit GitHub's size limit: ${leftOut.join("; ")}. The report-json output and the SARIF file hold everything._`, "");
  return out.join("\n");
}

function table(findings: Finding[], link: (f: Finding) => string, rule: (f: Finding) => string): string[] {
  const out = ["| | Rule | Object | Location | Message |", "|---|---|---|---|---|"];
  for (const f of findings) out.push(`| ${ICON[f.severity]} | ${rule(f)} | ${cell(f.object ?? "")} | ${link(f)} | ${cell(f.message)} |`);
  return out;
}

/** The location cell: a link to the line at the analysed commit when the blob URL is known. */
function locationLink(result: GateResult, { baseDir, blobUrl }: MarkdownReportOptions): (f: Finding) => string {
  return (f) => {
    const shown = cell(displayLocation(f.location, baseDir) ?? "");
    if (!blobUrl || !f.location || !shown) return shown;
    const file = displayPath(f.location.file, result.rootDir ?? baseDir);
    if (file.startsWith("../") || path.isAbsolute(file)) return shown;
    return `[${shown}](${blobUrl.replace(/\/$/, "")}/${file.split("/").map(encodeURIComponent).join("/")}#L${f.location.line})`;
  };
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
