import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
var __filename = __mgFileURLToPath(import.meta.url);
var __dirname = __mgDirname(__filename);

// src/engine/result.ts
function countBySeverity(findings) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function failingFindings(result) {
  return result.findings.filter((f) => f.severity === "error" && (result.change?.failOn !== "new" || f.introduced !== false));
}

// src/report/paths.ts
import path from "node:path";
function displayPath(file, baseDir) {
  const relative = path.relative(baseDir, file);
  if (path.isAbsolute(relative)) return file;
  return relative.split(path.sep).join("/");
}
function displayText(text, baseDir, root) {
  if (!text.includes(root)) return text;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return text.replace(new RegExp(`${escape(prefix)}[^\\s'"\`),;]*`, "g"), (file) => {
    const trailing = /[.:]+$/.exec(file)?.[0] ?? "";
    const shown = displayPath(file.slice(0, file.length - trailing.length), baseDir);
    return (shown || ".") + trailing;
  });
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function displayLocation(location, baseDir) {
  return location && `${displayPath(location.file, baseDir)}:${location.line}`;
}

// src/report/readable.ts
function readable(result, baseDir) {
  const root = result.rootDir ?? result.projectDir;
  const text = (value) => value === void 0 ? void 0 : displayText(value, baseDir, root);
  const finding = (f) => ({
    ...f,
    message: text(f.message),
    ...f.hint !== void 0 && { hint: text(f.hint) },
    ...f.detail !== void 0 && { detail: text(f.detail) }
  });
  return { ...result, findings: result.findings.map(finding), ...result.fixed && { fixed: result.fixed.map(finding) } };
}

// src/report/group-by-cause.ts
function groupByCause(findings) {
  const byPrint = new Map(findings.map((f) => [f.fingerprint, f]));
  const rootOf = (finding) => {
    let current = finding;
    const seen = /* @__PURE__ */ new Set();
    while (current.causedBy && byPrint.has(current.causedBy) && !seen.has(current.fingerprint)) {
      seen.add(current.fingerprint);
      current = byPrint.get(current.causedBy);
    }
    return current;
  };
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const root = rootOf(finding);
    if (!groups.has(root.fingerprint)) groups.set(root.fingerprint, { finding: root, consequences: [] });
    if (root !== finding) groups.get(root.fingerprint).consequences.push(finding);
  }
  return [...groups.values()];
}

// src/report/change-split.ts
import path2 from "node:path";
function splitByChange(result) {
  const change = result.change;
  const scoped = change?.failOn === "new";
  return {
    current: scoped ? result.findings.filter((f) => f.introduced !== false) : result.findings,
    existing: scoped ? result.findings.filter((f) => f.introduced === false) : [],
    fixed: result.fixed ?? [],
    where: change?.base ? `on ${shortRef(change.base.ref)}` : change?.suppressionsFile ? `in ${path2.basename(change.suppressionsFile)}` : "before"
  };
}
function shortRef(ref) {
  return /^[0-9a-f]{40}$/i.test(ref) ? ref.slice(0, 12) : ref;
}
function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// src/report/text.ts
var MARK = { error: "error", warning: "warning", notice: "notice" };
function projectSize(result) {
  if (result.orm.name === "drizzle") return `${result.tableCount} pgTable definition${result.tableCount === 1 ? "" : "s"}`;
  return `${result.entityCount} entities, ${result.tableCount} tables expected`;
}
function headline(result) {
  if (result.baseline?.refused && result.baseline.refused !== "no --yes") return "REFUSED";
  return result.status === "passed" ? "PASSED" : "FAILED";
}
function formatText(given, { baseDir }) {
  const result = readable(given, baseDir);
  const split = splitByChange(result);
  const counts = countBySeverity(split.current);
  const lines = [];
  const failed = result.migrations.filter((m) => m.status === "failed").length;
  const scoped = split.existing.length || split.fixed.length || result.change?.failOn === "new";
  const verdict = scoped ? `${plural(counts.error, "new error")}, ${plural(counts.warning, "new warning")}; ${split.existing.length} already ${split.where} (not failing)${split.fixed.length ? `; this change fixes ${split.fixed.length}` : ""}` : `${counts.error} error(s), ${counts.warning} warning(s)`;
  lines.push(
    `migration-gate${result.target ? ` ${result.target.command}` : ""}: ${headline(result)}: ${verdict}`,
    result.target ? `  ${targetLine(result.target)}; ${result.orm.name === "drizzle" ? "drizzle-orm" : "typeorm"} ${result.orm.version}; ${(result.timings.total / 1e3).toFixed(1)} s` : `  ${projectSize(result)}; ${result.migrations.length} migrations run${failed ? `, ${failed} failed` : ""}; ${result.orm.name === "drizzle" ? "drizzle-orm" : "typeorm"} ${result.orm.version}, Postgres ${result.postgres.version}; ${(result.timings.total / 1e3).toFixed(1)} s`
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
function targetLine(target) {
  const rows = target.untracked ? `${target.trackingTable} ${target.recorded === 0 ? "empty or missing" : ""}`.trim() : `${target.applied} of ${target.recorded} row(s) in ${target.trackingTable} match the project's migrations`;
  return `target ${target.label} (Postgres ${target.serverVersion}): ${rows}${target.pending !== void 0 ? `, ${target.pending} pending` : ""}`;
}
function baselineLines(plan) {
  const head = plan.written ? `  Baseline written: ${plan.migrations.length} migration(s) recorded, in one transaction:` : plan.refused === "no --yes" ? `  Baseline plan (nothing written; run again with --yes to write it):` : `  Baseline refused (${plan.refused}); nothing written. It would have run:`;
  return [head, ...plan.statements.map((s) => `    ${s};`)];
}
function oneLine(f, baseDir) {
  const at = displayLocation(f.location, baseDir);
  return `${at ? `${at}  ` : ""}${f.severity} ${f.ruleId}: ${f.message}`;
}

// src/report/markdown.ts
import path3 from "node:path";
var SUMMARY_MAX_BYTES = 1e6;
var COMMENT_MAX_BYTES = 65e3;
var ICON = { error: "\u274C", warning: "\u26A0\uFE0F", notice: "\u2139\uFE0F" };
function formatMarkdown(result, given) {
  const { appendix, ...options } = given;
  if (appendix) {
    const room = options.maxBytes === void 0 ? void 0 : Math.max(0, options.maxBytes - Buffer.byteLength(appendix) - 1);
    return `${formatMarkdown(result, { ...options, ...room !== void 0 && { maxBytes: room } })}
${appendix}`;
  }
  const fits = (text) => options.maxBytes === void 0 || Buffer.byteLength(text) <= options.maxBytes;
  const total = result.findings.length + (result.fixed?.length ?? 0);
  for (const detail of [
    { fixes: true, migrations: true, rows: total },
    // The migration list goes first: the fixes are what a reviewer acts on.
    { fixes: true, migrations: false, rows: total },
    { fixes: false, migrations: false, rows: total }
  ]) {
    const text = render(result, options, detail);
    if (fits(text)) return text;
  }
  let low = 0;
  let high = total;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(render(result, options, { fixes: false, migrations: false, rows: mid }))) low = mid;
    else high = mid - 1;
  }
  return render(result, options, { fixes: false, migrations: false, rows: low });
}
function render(given, options, detail) {
  const { baseDir } = options;
  const result = readable(given, baseDir);
  const split = splitByChange(result);
  const counts = countBySeverity(split.current);
  const scoped = result.change?.failOn === "new";
  const errors = plural(counts.error, scoped ? "new error" : "error");
  const warnings = counts.warning ? `, ${plural(counts.warning, scoped ? "new warning" : "warning")}` : "";
  const out = [];
  out.push(
    result.status === "passed" ? `## \u2705 migration-gate passed` : `## \u274C migration-gate failed: ${errors}${warnings}`,
    "",
    result.target ? `Project \`${displayPath(result.projectDir, baseDir) || "."}\`, ${result.target.command} of the ${targetLine(result.target)}.` : `Project \`${displayPath(result.projectDir, baseDir) || "."}\`: ${projectSize(result)}, ${result.migrations.length} migrations run on an empty Postgres ${result.postgres.version}${result.orm.name === "drizzle" ? ` (drizzle-orm ${result.orm.version})` : ` with synchronize off (typeorm ${result.orm.version})`}.`,
    ""
  );
  if (scoped) {
    const judged = result.change?.base ? `Judged against the base ${split.where.replace(/^on /, "")}` : `Judged against ${split.where.replace(/^in /, "")}`;
    out.push(`${judged}: ${plural(split.current.length, "finding")} from this change, ${split.existing.length} already there (not failing)${split.fixed.length ? `, ${split.fixed.length} fixed` : ""}.`, "");
  }
  if (result.change?.baseUnavailable) out.push(`> The base could not be evaluated, so every finding counts as new: ${cell(result.change.baseUnavailable)}`, "");
  const link = locationLink(result, options);
  if (split.current.length) {
    const groups = groupByCause(split.current);
    const ordered = groups.flatMap((g) => [g.finding, ...g.consequences]);
    const consequence = new Set(groups.flatMap((g) => g.consequences));
    out.push(...table(ordered.slice(0, detail.rows), link, (f) => consequence.has(f) ? `\u21B3 \`${f.ruleId}\`` : `\`${f.ruleId}\``));
    out.push("");
    if (consequence.size) out.push(`_\u21B3 follows from the finding above it and is fixed with it (${consequence.size} such)._`, "");
    if (detail.fixes) out.push(...fixes(groups.map((g) => g.finding)));
  } else if (result.findings.length === 0) {
    out.push(`The migrations build everything the ${result.orm.name === "drizzle" ? "pgTable definitions declare" : "entities declare"}.`, "");
  } else {
    out.push("This change adds no finding.", "");
  }
  const existingRows = Math.max(0, detail.rows - split.current.length);
  if (split.existing.length) {
    out.push(`<details><summary>Already ${escapeHtml(split.where)} (${split.existing.length}, not failing)</summary>`, "");
    out.push(...table(split.existing.slice(0, existingRows), link, (f) => `\`${f.ruleId}\``), "", "</details>", "");
  }
  if (split.fixed.length) {
    out.push(`### \u2705 This change fixes ${split.fixed.length}`, "");
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
  out.push(`| ${[t.provision, t.load, t.migrate, t.introspect, t.diff, t.total].map((ms) => `${(ms / 1e3).toFixed(2)} s`).join(" | ")} |`, "");
  const leftOut = [
    ...!detail.migrations && result.migrations.length ? ["the list of migrations"] : [],
    ...!detail.fixes && result.findings.some((f) => f.hint) ? ["the fixes (each annotation carries its own)"] : [],
    ...detail.rows < result.findings.length + split.fixed.length ? [`${result.findings.length + split.fixed.length - detail.rows} of ${result.findings.length + split.fixed.length} findings`] : []
  ];
  if (leftOut.length) out.push(`_Left out to fit GitHub's size limit: ${leftOut.join("; ")}. The report-json output and the SARIF file hold everything._`, "");
  return out.join("\n");
}
function table(findings, link, rule) {
  const out = ["| | Rule | Object | Location | Message |", "|---|---|---|---|---|"];
  for (const f of findings) out.push(`| ${ICON[f.severity]} | ${rule(f)} | ${cell(f.object ?? "")} | ${link(f)} | ${cell(f.message)} |`);
  return out;
}
function locationLink(result, { baseDir, blobUrl }) {
  return (f) => {
    const shown = cell(displayLocation(f.location, baseDir) ?? "");
    if (!blobUrl || !f.location || !shown) return shown;
    const file = displayPath(f.location.file, result.rootDir ?? baseDir);
    if (file.startsWith("../") || path3.isAbsolute(file)) return shown;
    return `[${shown}](${blobUrl.replace(/\/$/, "")}/${file.split("/").map(encodeURIComponent).join("/")}#L${f.location.line})`;
  };
}
function fixes(findings) {
  const out = ["### How to fix", ""];
  for (const f of findings.filter((f2) => f2.hint || f2.detail)) {
    out.push(`<details><summary><code>${escapeHtml(f.object ?? f.ruleId)}</code>: ${escapeHtml(f.message)}</summary>`, "");
    if (f.detail) out.push("```sql", f.detail, "```", "");
    if (f.hint) out.push(escapeHtml(f.hint), "");
    out.push("</details>", "");
  }
  return out;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export {
  countBySeverity,
  failingFindings,
  displayPath,
  displayLocation,
  readable,
  splitByChange,
  formatText,
  SUMMARY_MAX_BYTES,
  COMMENT_MAX_BYTES,
  formatMarkdown
};
