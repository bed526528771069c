import { failedAt, failedIndexCreatorOf, mapper } from "./relation-errors.js";
import { columnSetName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { columnList, quoteTable } from "./sql-text.js";

/**
 * A uniqueness the entity declares (@Unique, unique: true, @Index({ unique: true })) that no
 * migration enforces: duplicates get in. Matched by column set: a unique constraint and a
 * unique index on the same columns enforce the same thing, whatever they are called.
 */
export const missingUnique: Rule = {
  id: "missing-unique",
  defaultSeverity: "error",
  description: "A unique constraint or unique index the entity declares is not created by any migration.",
  check(context) {
    const { diff } = context;
    const creator = failedIndexCreatorOf(context);
    const fromUniques = diff.missingUniques.map(({ table, unique }) => ({ table, columns: unique.columns, location: unique.location, where: undefined as string | undefined, asIndex: false }));
    const fromIndexes = diff.missingIndexes
      .filter(({ index }) => index.unique)
      .map(({ table, index }) => ({ table, columns: index.columns, location: index.location, where: index.where, asIndex: true }));
    return [...fromUniques, ...fromIndexes].map(({ table, columns, location, where, asIndex }) => {
      const failed = creator(table, columns);
      if (failed) {
        return {
          key: `${columnSetName(table, columns)}${where ? ` WHERE ${where}` : ""}`,
          object: columnSetName(table, columns),
          location,
          message: `(${columns.join(", ")}) is not unique on ${table.schema}.${table.name} after the migrations, as ${mapper(table)} declares: ${failedAt(failed)}, creates it.`,
          hint: `Fix ${failed.name} (see its finding); no new migration is needed for this.`,
          cause: { ruleId: "migration-failed", key: failed.name },
        };
      }
      return {
      key: `${columnSetName(table, columns)}${where ? ` WHERE ${where}` : ""}`,
      object: columnSetName(table, columns),
      location,
      message: `No migration makes (${columns.join(", ")}) unique on ${table.schema}.${table.name}${where ? ` where ${where}` : ""}, as ${mapper(table)} declares: duplicates can get in.`,
      hint: asIndex
        ? `Add a migration: CREATE UNIQUE INDEX ON ${quoteTable(table)} (${columnList(columns)})${where ? ` WHERE ${where}` : ""} (deduplicate existing rows first).`
        : `Add a migration: ALTER TABLE ${quoteTable(table)} ADD UNIQUE (${columnList(columns)}) (deduplicate existing rows first).`,
      };
    });
  },
};
