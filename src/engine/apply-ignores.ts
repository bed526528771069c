import path from "node:path";
import { unusedIgnore } from "../rules/unused-ignore.js";
import { detachOrphans, fingerprint, sortFindings } from "./evaluate-rules.js";
import type { Finding } from "./result.js";
import type { IgnoreEntry, RuleConfig } from "./rule-config.js";

export interface ApplyIgnoresOptions {
  /** Findings' files are matched relative to this folder. */
  projectDir: string;
}

/**
 * Drops the findings an ignore entry matches, and reports each entry that matched nothing
 * (unused-ignore), at the line of the config file where it is written: a stale ignore would
 * otherwise sit there until it hides a new problem.
 */
export function applyIgnores(findings: readonly Finding[], config: Pick<RuleConfig, "ignores" | "severities">, { projectDir }: ApplyIgnoresOptions): Finding[] {
  const used = new Set<IgnoreEntry>();
  const kept = findings.filter((finding) => {
    const entry = config.ignores.find((ignore) => matches(ignore, finding, projectDir));
    if (entry) used.add(entry);
    return !entry;
  });
  const severity = config.severities[unusedIgnore.id] ?? unusedIgnore.defaultSeverity;
  if (severity === "off") return detachOrphans(kept);
  const unused: Finding[] = config.ignores
    .filter((ignore) => !used.has(ignore))
    .map((ignore) => ({
      ruleId: unusedIgnore.id,
      severity,
      message: ignore.source.file ? `The ignore entry at ${ignore.source.label} (${describe(ignore)}) matched no finding.` : `The ${ignore.source.label} matched no finding.`,
      hint: `The problem it excused ("${ignore.reason}") is gone, or the entry does not match what the report says: remove it or correct it.`,
      ...(ignore.source.file && { location: { file: ignore.source.file, line: ignore.source.line ?? 1 } }),
      fingerprint: fingerprint(unusedIgnore.id, describe(ignore)),
    }));
  return sortFindings([...detachOrphans(kept), ...unused]);
}

function matches(ignore: IgnoreEntry, finding: Finding, projectDir: string): boolean {
  if (ignore.rule && ignore.rule !== finding.ruleId) return false;
  if (ignore.fingerprint && ignore.fingerprint !== finding.fingerprint) return false;
  if (ignore.object && !(finding.object && wildcard(ignore.object).test(finding.object))) return false;
  if (ignore.file) {
    const relative = finding.location && path.relative(projectDir, finding.location.file).split(path.sep).join("/");
    if (!relative || !wildcard(ignore.file).test(relative)) return false;
  }
  return true;
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
}

function describe(ignore: IgnoreEntry): string {
  return [ignore.rule, ignore.object, ignore.file, ignore.fingerprint].filter(Boolean).join(" ");
}
