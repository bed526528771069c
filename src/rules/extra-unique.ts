import { qualifiedName } from "../schema/model.js";
import { failedAt } from "./relation-errors.js";
import type { Rule, RuleFinding } from "./rule.js";
import { columnList, quote, quoteTable } from "./sql-text.js";

/**
 * Uniqueness the database enforces that no entity declares: typically left behind when the
 * entity dropped `unique: true` and no migration dropped the constraint. Inserts the code
 * allows (two rows with the same value) fail on every database built from the migrations.
 */
export const extraUnique: Rule = {
  id: "extra-unique",
  defaultSeverity: "error",
  description: "A unique constraint or unique index in the database that no entity declares: writes the code allows fail.",
  check({ diff, orm, migrations }) {
    return diff.extraUniques.map(({ table, name, columns, where, kind }): RuleFinding => {
      // A failed migration that drops it: the fix of that migration is the fix of this.
      const dropper = migrations.find((m) => m.status === "failed" && m.droppedNames?.includes(name));
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
          : `If the database is right, declare it: @Unique([${columns.map((c) => JSON.stringify(c)).join(", ")}]) on the entity, or @Index({ unique: true${where ? `, where: ${JSON.stringify(where)}` : ""} }) (columns ${columnList(columns)}).`),
      };
    });
  },
};
