import { qualifiedName, type ExpectedTable } from "../schema/model.js";
import { failedAt } from "./relation-errors.js";
import type { Rule, RuleFinding } from "./rule.js";
import { columnList, quote, quoteTable } from "./sql-text.js";

/**
 * Uniqueness the database enforces that no entity declares: typically left behind when the
 * entity dropped `unique: true` and no migration dropped the constraint. Inserts the code
 * allows (two rows with the same value) fail on every database built from the migrations.
 */
/** @Unique and @Index take property names (`messageHash`), not column names (`message_hash`). */
function properties(table: ExpectedTable, columns: readonly string[]): string {
  return columns.map((name) => JSON.stringify(table.columns.find((c) => c.name === name)?.property.split(".").slice(1).join(".") || name)).join(", ");
}

export const extraUnique: Rule = {
  id: "extra-unique",
  defaultSeverity: "error",
  description: "A unique constraint or unique index in the database that no entity declares: writes the code allows fail.",
  check({ diff, orm, migrations }) {
    return diff.extraUniques.map(({ table, name, columns, where, kind }): RuleFinding => {
      // A failed migration that drops it: the fix of that migration is the fix of this.
      const dropper = migrations.find((m) => m.status === "failed" && m.touches?.dropped.includes(name));
      if (dropper) {
        return {
          key: `${qualifiedName(table)}(${[...columns].sort().join(",")})${where ? ` WHERE ${where}` : ""}`,
          object: `${qualifiedName(table)}.${name}`,
          location: table.location,
          message: `${qualifiedName(table)} still has unique ${kind} ${name} on (${columns.join(", ")}), which ${table.entityName} does not declare: it is dropped by ${failedAt(dropper)}.`,
          hint: `Fix ${dropper.name} (see its finding); nothing else is needed for this ${kind}.`,
          cause: { ruleId: "migration-failed", key: dropper.name },
        };
      }
      return {
      key: `${qualifiedName(table)}(${[...columns].sort().join(",")})${where ? ` WHERE ${where}` : ""}`,
      object: `${qualifiedName(table)}.${name}`,
      location: table.location,
      message: `${qualifiedName(table)} has unique ${kind} ${name} on (${columns.join(", ")})${where ? ` WHERE ${where}` : ""} after the migrations, but ${table.entityName} declares no such uniqueness: inserting two rows with the same ${columns.length === 1 ? "value" : "values"} fails.`,
      hint:
        `If the code is right, add a migration: ${kind === "constraint" ? `ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT ${quote(name)}` : `DROP INDEX ${table.schema === "public" ? "" : `${quote(table.schema)}.`}${quote(name)}`}. ` +
        (orm === "drizzle"
          ? `If the database is right, declare it in the pgTable (.unique() or uniqueIndex().on(...)).`
          : `If the database is right, declare it on the entity: ${where ? `@Index([${properties(table, columns)}], { unique: true, where: ${JSON.stringify(where)} })` : `@Unique([${properties(table, columns)}])`} (columns ${columnList(columns)}).`),
      };
    });
  },
};
