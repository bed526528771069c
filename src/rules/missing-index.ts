import { failedAt, failedIndexCreatorOf, fixedWithFailed, mapper } from "./relation-errors.js";
import { columnSetName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { columnList, quoteTable } from "./sql-text.js";

/**
 * A (non-unique) index the entity declares that no migration creates: queries that rely on it
 * scan the table. Matched by column list and predicate, never by name. Unique indexes are
 * missing-unique's: their absence lets duplicates in, which is worse than slowness.
 */
export const missingIndex: Rule = {
  id: "missing-index",
  defaultSeverity: "warning",
  description: "An index the entity declares is not created by any migration (matched by columns and predicate, not by name).",
  check(context) {
    const creator = failedIndexCreatorOf(context);
    return context.diff.missingIndexes
      .filter(({ index }) => !index.unique)
      .map(({ table, index, near }) => {
        const failed = creator(table, index.columns);
        if (failed) {
          return {
            key: `${columnSetName(table, index.columns)}${index.where ? ` WHERE ${index.where}` : ""}`,
            object: columnSetName(table, index.columns),
            location: index.location,
            message: `The index on ${table.schema}.${table.name} (${index.columns.join(", ")}) that ${mapper(table)} declares is missing after the migrations: ${failedAt(failed)}, creates it.`,
            ...fixedWithFailed(failed, "this index"),
          };
        }
        return {
        key: `${columnSetName(table, index.columns)}${index.where ? ` WHERE ${index.where}` : ""}`,
        object: columnSetName(table, index.columns),
        location: index.location,
        message:
          `No migration creates the index on ${table.schema}.${table.name} (${index.columns.join(", ")})${index.where ? ` WHERE ${index.where}` : ""} that ${mapper(table)} declares` +
          (near ? `; index ${near.name} has these columns but ${near.unique ? "is unique" : `a different predicate (${near.where ?? "none"})`}.` : "."),
        hint: `Add a migration: CREATE INDEX ON ${quoteTable(table)} (${columnList(index.columns)})${index.where ? ` WHERE ${index.where}` : ""}; on a large table, CREATE INDEX CONCURRENTLY in a migration without a transaction.`,
        };
      });
  },
};
