import path from "node:path";
import crypto from "node:crypto";
import { attributeToFailedMigrations } from "../rules/follows-from-failure.js";
import { RULES } from "../rules/index.js";
import type { Rule, RuleContext, RuleSeverity } from "../rules/rule.js";
import type { Finding, Severity } from "./result.js";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Runs every rule (in RULES order, so later rules can read earlier findings) and gives each
 * finding its severity (configured, else the rule's default; "off" drops the rule) and
 * fingerprint.
 *
 * Fingerprints must match across commits and checkouts (the base revision is evaluated in a
 * worktree elsewhere on disk): keys hold no line numbers, and any absolute path in a key is
 * cut down to its part below `rootDirs` (the repository root, however it is spelled).
 */
export function evaluateRules(
  context: RuleContext,
  severities: Readonly<Record<string, RuleSeverity>> = {},
  {
    rootDirs = [],
    rules = RULES,
    joinsEarlier = false,
  }: {
    rootDirs?: readonly string[];
    rules?: readonly Rule[];
    /** These findings join ones evaluated before (the upgrade rules): their causes may be there, keep them. */
    joinsEarlier?: boolean;
  } = {},
): Finding[] {
  const stable = (key: string) => rootDirs.reduce((text, root) => text.split(root.endsWith(path.sep) ? root : root + path.sep).join(""), key);
  // Every finding, "off" rules' included: a later rule must not report what they explain.
  const all: Finding[] = [];
  const kept: Finding[] = [];
  for (const rule of rules) {
    const severity = severities[rule.id] ?? rule.defaultSeverity;
    for (const { key, cause, noticeOnly, ...finding } of attributeToFailedMigrations(rule.id, rule.check(context, all), context)) {
      const full: Finding = {
        ...finding,
        ruleId: rule.id,
        severity: severity === "off" || noticeOnly ? "notice" : severity,
        fingerprint: fingerprint(rule.id, stable(key)),
        ...(cause && { causedBy: fingerprint(cause.ruleId, stable(cause.key)) }),
      };
      all.push(full);
      if (severity !== "off") kept.push(full);
    }
  }
  return sortFindings(joinsEarlier ? kept : detachOrphans(kept));
}

/** A cause switched off or ignored leaves its consequences standing on their own. */
export function detachOrphans(findings: Finding[]): Finding[] {
  const prints = new Set(findings.map((f) => f.fingerprint));
  return findings.map((finding) => {
    if (!finding.causedBy || prints.has(finding.causedBy)) return finding;
    const { causedBy: _, ...rest } = finding;
    return rest;
  });
}

/** Stable across runs and machines (entity discovery order is not): severity, rule, file, line, object. */
export function sortFindings(findings: Finding[]): Finding[] {
  const ruleOrder = (id: string) => RULES.findIndex((rule) => rule.id === id);
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      ruleOrder(a.ruleId) - ruleOrder(b.ruleId) ||
      (a.location?.file ?? "").localeCompare(b.location?.file ?? "") ||
      (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
      (a.object ?? "").localeCompare(b.object ?? ""),
  );
}

export function fingerprint(ruleId: string, key: string): string {
  return crypto.createHash("sha256").update(`${ruleId}\0${key}`).digest("hex").slice(0, 16);
}
