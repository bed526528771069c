import crypto from "node:crypto";
import { RULES } from "../rules/index.js";
import type { RuleContext } from "../rules/rule.js";
import type { Finding, Severity } from "./result.js";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Runs every rule and gives each finding its severity and fingerprint. Order is stable across
 * runs and machines (entity discovery order is not): severity, rule, file, line, object.
 */
export function evaluateRules(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const { key, ...finding } of rule.check(context)) {
      findings.push({ ...finding, ruleId: rule.id, severity: rule.defaultSeverity, fingerprint: fingerprint(rule.id, key) });
    }
  }
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

function fingerprint(ruleId: string, key: string): string {
  return crypto.createHash("sha256").update(`${ruleId}\0${key}`).digest("hex").slice(0, 16);
}
