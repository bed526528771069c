import { qualifiedName } from "../schema/model.js";
import { isUnused } from "./missing-column.js";
import type { Rule } from "./rule.js";
import { quoteTable } from "./sql-text.js";

/**
 * A column declared with insert, update and select all false (a value computed in queries, a
 * search vector) that no migration creates. TypeORM's own statements never name it, so entity
 * reads and writes work; only queries that select it by name (addSelect, raw SQL) fail. Worth
 * knowing, not worth failing a build over, and never worth "ADD ... NOT NULL", which would
 * break every insert.
 */
export const missingUnusedColumn: Rule = {
  id: "missing-unused-column",
  defaultSeverity: "notice",
  description: "A column TypeORM never selects, inserts or updates (select, insert and update false) is not created by any migration.",
  check({ diff }) {
    return diff.missingColumns.filter(({ column }) => isUnused(column)).map(({ table, column }) => ({
      key: `${qualifiedName(table)}.${column.name}`,
      object: `${qualifiedName(table)}.${column.name}`,
      location: column.location,
      message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration; TypeORM never selects, inserts or updates it, so only queries that name it fail.`,
      hint: `If queries use it, add a migration that creates it as the database computes it (GENERATED ALWAYS AS (...) STORED, or nullable: ALTER TABLE ${quoteTable(table)} ADD "${column.name}" ${column.type}); if nothing uses it, remove the property.`,
    }));
  },
};
