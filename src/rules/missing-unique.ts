import { failedAt, failedIndexCreatorOf, fixedWithFailed, mapper } from "./relation-errors.js";
import { columnSetName, type ActualIndex } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { columnList, quote, quoteTable } from "./sql-text.js";

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
    const fromUniques = diff.missingUniques.map(({ table, unique, near }) => ({ table, columns: unique.columns, location: unique.location, where: undefined as string | undefined, asIndex: false, near: near as ActualIndex | undefined }));
    const fromIndexes = diff.missingIndexes
      .filter(({ index }) => index.unique)
      .map(({ table, index, near }) => ({ table, columns: index.columns, location: index.location, where: index.where, asIndex: true, near }));
    return [...fromUniques, ...fromIndexes].map(({ table, columns, location, where, asIndex, near }) => {
      const failed = creator(table, columns);
      if (failed) {
        return {
          key: `${columnSetName(table, columns)}${where ? ` WHERE ${where}` : ""}`,
          object: columnSetName(table, columns),
          location,
          message: `(${columns.join(", ")}) is not unique on ${table.schema}.${table.name} after the migrations, as ${mapper(table)} declares: ${failedAt(failed)}, creates it.`,
          ...fixedWithFailed(failed, "this"),
        };
      }
      if (near) {
        // The same columns with another predicate (a soft-delete partial index, typically): one
        // difference, and either side may be the intended one.
        const index = `${table.schema === "public" ? "" : `${quote(table.schema)}.`}${quote(near.name)}`;
        return {
          key: `${columnSetName(table, columns)}${where ? ` WHERE ${where}` : ""}`,
          object: columnSetName(table, columns),
          location,
          message: `${capitalize(mapper(table))} declares (${columns.join(", ")}) unique${where ? ` where ${where}` : " on every row"}, but the migrations build ${near.name} ${near.unique ? "unique" : "non-unique"}${near.where ? ` where ${near.where}` : " on every row"}.`,
          hint:
            `If the database is right, declare the same in ${context.orm === "drizzle" ? "the pgTable: uniqueIndex(...).on(...)" + (near.where ? `.where(sql\`${near.where}\`)` : "") : `the entity: @Index(${JSON.stringify(near.name)}, [...], { unique: ${near.unique}${near.where ? `, where: ${JSON.stringify(near.where)}` : ""} })`}. ` +
            `If the code is right, add a migration: DROP INDEX ${index}; CREATE UNIQUE INDEX ${quote(near.name)} ON ${quoteTable(table)} (${columnList(columns)})${where ? ` WHERE ${where}` : ""} (deduplicate existing rows first).`,
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
