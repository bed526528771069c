import type { Rule } from "./rule.js";

/**
 * An ignore entry in the configuration that matched no finding: the problem it excused is
 * gone (or the entry has a typo), so it should go before it hides a new one. Its findings are
 * made by engine/apply-ignores.ts, which is where ignores are matched; the rule object gives
 * the id its severity, docs and SARIF entry.
 */
export const unusedIgnore: Rule = {
  id: "unused-ignore",
  defaultSeverity: "warning",
  description: "An ignore entry in the configuration matched no finding.",
  check: () => [],
};
