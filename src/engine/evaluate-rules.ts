import crypto from "node:crypto";
import { RULES } from "../rules/index.js";
import type { RuleContext } from "../rules/rule.js";
import type { Finding, Severity } from "./result.js";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Runs every rule and gives each finding its severity and fingerprint, most severe first. */
export function evaluateRules(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const { key, ...finding } of rule.check(context)) {
      findings.push({ ...finding, ruleId: rule.id, severity: rule.defaultSeverity, fingerprint: fingerprint(rule.id, key) });
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function fingerprint(ruleId: string, key: string): string {
  return crypto.createHash("sha256").update(`${ruleId}\0${key}`).digest("hex").slice(0, 16);
}
