import { mapper } from "./relation-errors.js";
import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { quoteTable } from "./sql-text.js";

/** A @Check the entity declares that no migration creates: the rule it states is not enforced. */
export const missingCheck: Rule = {
  id: "missing-check",
  defaultSeverity: "error",
  description: "A check constraint the entity declares is not created by any migration (matched by expression).",
  check({ diff }) {
    return diff.missingChecks.map(({ table, check }) => {
      const expression = check.expression.replace(/^CHECK\s*/i, "");
      return {
        key: `${qualifiedName(table)} ${expression}`,
        object: qualifiedName(table),
        location: check.location,
        message: `No migration creates the check ${expression} on ${qualifiedName(table)} that ${mapper(table)} declares.`,
        hint: `Add a migration: ALTER TABLE ${quoteTable(table)} ADD CONSTRAINT "${check.name ?? "CHK"}" CHECK ${expression.startsWith("(") ? expression : `(${expression})`}.`,
      };
    });
  },
};
