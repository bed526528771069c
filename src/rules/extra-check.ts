import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { quote, quoteTable } from "./sql-text.js";

/**
 * A CHECK constraint in the database that no entity declares: left behind when the entity
 * dropped its @Check, or written by hand in a migration. Writes the code allows can fail.
 */
export const extraCheck: Rule = {
  id: "extra-check",
  defaultSeverity: "error",
  description: "A check constraint in the database that no entity declares: writes the code allows can fail.",
  check({ diff, orm }) {
    return diff.extraChecks.map(({ table, check }) => ({
      key: `${qualifiedName(table)} ${check.definition}`,
      object: `${qualifiedName(table)}.${check.name}`,
      location: table.location,
      message: `${qualifiedName(table)} has check ${check.name} (${check.definition}) after the migrations, but ${table.entityName} declares no such check: writes that break it fail.`,
      hint:
        `If the code is right, add a migration: ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT ${quote(check.name)}. ` +
        (orm === "drizzle"
          ? "If the database is right, declare it in the pgTable's extra config: check(...)."
          : `If the database is right, declare it on the entity: @Check(${JSON.stringify(check.definition.replace(/^CHECK\s*/i, ""))}).`),
    }));
  },
};
