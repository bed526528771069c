import type { FixResult, Registration } from "../engine/fix/run-fix.js";
import { countBySeverity } from "../engine/result.js";
import { displayLocation, displayPath } from "./paths.js";
import { formatText } from "./text.js";

/**
 * What `fix` did: each migration it wrote (or, in a dry run, would write) with what it closes
 * and why it sorts where it does, what no migration can close, then the re-check's verdict.
 */
export function formatFixText(result: FixResult, { baseDir }: { baseDir: string }): string {
  if (result.nothingToDo) return `migration-gate fix: ${result.nothingToDo}`;
  const lines: string[] = [];
  const verb = result.mode === "dry-run" ? "would write" : result.mode === "suggest" ? "suggests" : "wrote";
  const after = result.recheck ? countBySeverity(result.recheck.findings) : undefined;
  const verdict = after
    ? after.error + after.warning === 0
      ? after.notice
        ? `re-checked: 0 errors or warnings left (${after.notice} notice(s), below)`
        : "re-checked: 0 findings left"
      : `re-checked: ${after.error} error(s), ${after.warning} warning(s) left (below)`
    : result.files.length
      ? "not re-checked"
      : "nothing a new migration can close";
  const where = result.mode === "write" ? "" : " (checked from a temp folder; nothing was written)";
  const migrations = result.files.filter((f) => f.group || /\.sql$/.test(f.path));
  const others = result.files.filter((f) => !migrations.includes(f));
  const also = others.length ? ` (with ${others.map((f) => displayPath(f.path, baseDir)).join(", ")})` : "";
  lines.push(`migration-gate fix: ${verb} ${migrations.length} migration(s)${also}; ${verdict}${result.recheck ? where : ""}.`);
  for (const file of migrations) {
    lines.push("", `  ${displayPath(file.path, baseDir)}`);
    const group = file.group;
    if (group) {
      const name = (f: { ruleId: string; object?: string }) => `${f.ruleId} ${f.object ?? ""}`.trim();
      if (group.closes.length) lines.push(`    closes: ${group.closes.map(name).join(", ")}`);
      if (group.stillOpen?.length) lines.push(`    meant to close, and the re-check still reports: ${group.stillOpen.map(name).join(", ")}`);
      if (group.before) lines.push(`    sorts before ${group.before.name}, the first migration that uses what it creates`);
      if (group.before && group.after) lines.push(`    sorts after ${group.after.name}, which creates a table it references or changes`);
      if (group.orderProblem) lines.push(`    note: ${group.orderProblem}`);
    }
    if (result.mode === "dry-run") lines.push("", ...file.content.trimEnd().split("\n").map((line) => `    | ${line}`));
  }
  if (result.register?.length) {
    lines.push("", "The data source lists its migration classes: register each new one (it was re-checked as if registered):");
    for (const line of result.register) lines.push(`  ${describeRegistration(line, baseDir)}`);
  }
  if (result.unfixed.length) {
    lines.push("", "Not closed by a new migration:");
    for (const { finding, why } of result.unfixed) {
      const where = finding.location ? `${displayLocation(finding.location, baseDir)}  ` : "";
      lines.push(`  ${where}${finding.ruleId}  ${finding.message}`, `    ${why}`);
    }
  }
  if (result.recheck && after && after.error + after.warning + after.notice > 0) lines.push("", "The check after the fix:", formatText(result.recheck, { baseDir }));
  if (result.mode === "write" && result.files.length) lines.push("", "Review the files, run your usual migration:run on a development database if you like, and commit them.");
  return lines.join("\n");
}

/** --format json: the files (with their content), what stays open, the re-check's findings. */
export function formatFixJson(result: FixResult): string {
  return JSON.stringify(
    {
      mode: result.mode,
      ...(result.nothingToDo && { nothingToDo: result.nothingToDo }),
      files: result.files.map((f) => ({
        path: f.path,
        content: f.content,
        ...(f.group && { timestamp: f.group.timestamp, closes: f.group.closes.map((c) => c.fingerprint), before: f.group.before?.name, after: f.group.after?.name }),
      })),
      unfixed: result.unfixed.map((u) => ({ fingerprint: u.finding.fingerprint, ruleId: u.finding.ruleId, object: u.finding.object, why: u.why })),
      ...(result.register && { register: result.register }),
      ...(result.recheck && { recheck: { status: result.recheck.status, findings: result.recheck.findings } }),
    },
    null,
    2,
  );
}

/** `import { X } from "./migrations/x"; and X in the migrations list of src/data-source.ts` */
export function describeRegistration(entry: Registration, baseDir: string): string {
  return `import { ${entry.className} } from ${entry.quote}${entry.specifier}${entry.quote}; and ${entry.className} in the migrations list${entry.dataSource ? ` of ${displayPath(entry.dataSource, baseDir)}` : ""}`;
}
