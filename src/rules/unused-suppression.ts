import type { Rule } from "./rule.js";

/**
 * An entry in the suppressions file that matches no finding any more: the problem was fixed, so
 * the entry should go (the file is meant to shrink to nothing). Its findings are made by
 * engine/suppressions.ts, where the file is matched; the rule object gives the id its severity,
 * docs and SARIF entry.
 */
export const unusedSuppression: Rule = {
  id: "unused-suppression",
  defaultSeverity: "warning",
  description: "An entry in the suppressions file matched no finding: the problem is gone, remove the entry.",
  check: () => [],
};
