import { mapper } from "./relation-errors.js";
import { qualifiedName, type ActualColumn } from "../schema/model.js";
import { twinOf } from "./missing-column.js";
import type { Rule } from "./rule.js";
import { vocabulary } from "./vocabulary.js";
import { quote, quoteTable } from "./sql-text.js";

/** NOT NULL with nothing to fill it: inserts that leave the column out fail. */
export function blocksInserts(column: ActualColumn): boolean {
  return !column.nullable && column.default === undefined && !column.identity && !column.generated;
}

/**
 * A column the migrations create that the entity does not map, and that does no harm: nullable
 * or filled by a default. A leftover, usually; a notice. The harmful kind is
 * extra-required-column's.
 */
export const extraColumn: Rule = {
  id: "extra-column",
  defaultSeverity: "notice",
  description: "A nullable or defaulted column created by the migrations that the entity does not map.",
  check({ diff, orm }) {
    // A twin of a missing mapped column (created_at for createdAt) follows from that finding.
    const twin = twinOf(diff);
    return diff.extraColumns
      .filter(({ column }) => !blocksInserts(column))
      .map(({ table, column }) => ({
        key: `${qualifiedName(table)}.${column.name}`,
        object: `${qualifiedName(table)}.${column.name}`,
        location: table.location,
        cause: twin(table, column.name),
        message: `Column ${column.name} of ${qualifiedName(table)} is created by the migrations, but ${mapper(table)} does not map it.`,
        hint: `${vocabulary(orm).mapIt}, or add a migration: ALTER TABLE ${quoteTable(table)} DROP COLUMN ${quote(column.name)} once nothing reads it.`,
      }));
  },
};
