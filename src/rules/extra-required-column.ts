import { mapper } from "./relation-errors.js";
import { qualifiedName } from "../schema/model.js";
import { twinOf } from "./missing-column.js";
import type { Rule } from "./rule.js";
import { vocabulary } from "./vocabulary.js";
import { quote, quoteTable } from "./sql-text.js";
import { blocksInserts } from "./extra-column.js";

/**
 * A column the entity does not map, NOT NULL and with nothing to fill it (no default, identity
 * or generated expression): TypeORM never names it in an INSERT, so every insert through the
 * entity fails with a not-null violation. Typically a column renamed in the entity only, or one
 * a migration added for another service.
 */
export const extraRequiredColumn: Rule = {
  id: "extra-required-column",
  defaultSeverity: "error",
  description: "A NOT NULL column without a default that the entity does not map: every insert through the entity fails.",
  check({ diff, orm }) {
    // A twin of a missing mapped column (created_at for createdAt) follows from that finding.
    const twin = twinOf(diff);
    return diff.extraColumns
      .filter(({ column }) => blocksInserts(column))
      .map(({ table, column }) => ({
        key: `${qualifiedName(table)}.${column.name}`,
        object: `${qualifiedName(table)}.${column.name}`,
        location: table.location,
        cause: twin(table, column.name),
        message: `Column ${column.name} of ${qualifiedName(table)} is NOT NULL without a default, and ${mapper(table)} does not map it: ${vocabulary(orm).insertsFail}.`,
        hint: `${vocabulary(orm).mapIt} (was it renamed there only?), or add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(column.name)} DROP NOT NULL, SET DEFAULT ..., or DROP COLUMN ${quote(column.name)}.`,
      }));
  },
};
