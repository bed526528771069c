import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { columnDefinition, quoteTable } from "./sql-text.js";

/** A mapped property whose column no migration adds: reads and writes of the entity fail. */
export const missingColumn: Rule = {
  id: "missing-column",
  defaultSeverity: "error",
  description: "An entity column is not created by any migration.",
  check({ diff }) {
    return diff.missingColumns.map(({ table, column }) => {
      const needsBackfill = !column.nullable && column.default === undefined && !column.serial && !column.identity && !column.generated;
      return {
        key: `${qualifiedName(table)}.${column.name}`,
        object: `${qualifiedName(table)}.${column.name}`,
        location: column.location,
        message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration.`,
        hint:
          `Add a migration: ALTER TABLE ${quoteTable(table)} ADD ${columnDefinition(column)}` +
          (needsBackfill ? " (on a table that has rows, add it nullable, backfill, then SET NOT NULL)." : "."),
      };
    });
  },
};
