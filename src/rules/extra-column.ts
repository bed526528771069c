import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { quote, quoteTable } from "./sql-text.js";

/**
 * A column the migrations create that the entity does not map. Harmless while it is nullable
 * or has a default; NOT NULL without one makes every insert through the entity fail.
 */
export const extraColumn: Rule = {
  id: "extra-column",
  defaultSeverity: "warning",
  description: "A column created by the migrations that the entity does not map.",
  check({ diff }) {
    return diff.extraColumns.map(({ table, column }) => {
      const blocksInserts = !column.nullable && column.default === undefined && !column.identity && !column.generated;
      return {
        key: `${qualifiedName(table)}.${column.name}`,
        object: `${qualifiedName(table)}.${column.name}`,
        location: table.location,
        message:
          `Column ${column.name} of ${qualifiedName(table)} is created by the migrations, but entity ${table.entityName} does not map it` +
          (blocksInserts ? ": it is NOT NULL without a default, so every insert through the entity fails." : "."),
        hint: `Map it in the entity, or add a migration: ALTER TABLE ${quoteTable(table)} DROP COLUMN ${quote(column.name)}${blocksInserts ? " (or give it a default)" : ""}.`,
      };
    });
  },
};
