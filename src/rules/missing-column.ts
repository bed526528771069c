import type { SchemaDiff } from "../schema/diff.js";
import { qualifiedName, type ExpectedColumn, type ExpectedTable } from "../schema/model.js";
import { failedAt, failedCreatorOf, fixedWith, fixedWithFailed, neverRunCreatorOf } from "./relation-errors.js";
import type { Rule } from "./rule.js";
import { columnDefinition, quoteTable } from "./sql-text.js";

/** A mapped property whose column no migration adds: reads and writes of the entity fail. */
export const missingColumn: Rule = {
  id: "missing-column",
  defaultSeverity: "error",
  description: "An entity column is not created by any migration.",
  check(context) {
    const creator = failedCreatorOf(context);
    const neverRun = neverRunCreatorOf(context);
    const otherNames = otherlyNamed(context.diff.extraColumns);
    return context.diff.missingColumns.flatMap(({ table, column }) => {
      const about = { key: `${qualifiedName(table)}.${column.name}`, object: `${qualifiedName(table)}.${column.name}`, location: column.location };
      const failed = creator(`${qualifiedName(table)}.${column.name}`);
      if (failed) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is missing after the migrations: it is added by ${failedAt(failed)}.`,
          ...fixedWithFailed(failed, "this column"),
        }];
      }
      const never = neverRun(`${qualifiedName(table)}.${column.name}`);
      if (never) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is missing after the migrations: ${never.name} adds it, but ${never.why}, so it never runs.`,
          ...fixedWith(never.fix, never.cause, "this column"),
        }];
      }
      // Never selected, inserted or updated: only queries that name it notice (missing-unused-column).
      if (isUnused(column)) return [];
      const neverInserted = column.access?.insert === false;
      const needsBackfill = !column.nullable && column.default === undefined && !column.serial && !column.identity && !column.generated;
      if (neverInserted) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration, and TypeORM ${column.access?.select === false ? "updates" : "selects"} it.`,
          // TypeORM never inserts it (insert: false): NOT NULL without a value source would break every insert.
          hint: `Add a migration that creates it the way the database fills it (GENERATED ALWAYS AS (...) STORED, or with a DEFAULT), or nullable: ALTER TABLE ${quoteTable(table)} ADD ${columnDefinition({ ...column, nullable: column.nullable || (column.default === undefined && !column.generated) })}. TypeORM never inserts it, so NOT NULL without a default would break every insert.`,
        }];
      }
      const twin = otherNames(table, column.name);
      if (twin) {
        return [{
          ...about,
          message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration, but the table has "${twin}": the same name in another case style.`,
          hint: context.orm === "drizzle"
            ? `The migrations name columns differently from the pgTable code: check drizzle.config's casing ("snake_case") and the column's name argument, then run npx drizzle-kit generate if it really is new.`
            : `The migrations name columns in another style than the entities as loaded: the project runs with a naming strategy the gate did not get. With entities and migrations globs, pass naming-strategy (e.g. --naming-strategy src/snake-naming.strategy.ts#SnakeNamingStrategy); with a data source, set its namingStrategy. If ${column.name} really is new, add a migration: ALTER TABLE ${quoteTable(table)} ADD ${columnDefinition(column)}.`,
        }];
      }
      return [{
        ...about,
        message: `Column ${column.name} of ${qualifiedName(table)} (${column.property}) is not created by any migration.`,
        hint:
          `Add a migration: ALTER TABLE ${quoteTable(table)} ADD ${columnDefinition(column)}` +
          (needsBackfill ? " (on a table that has rows, add it nullable, backfill, then SET NOT NULL)." : "."),
      }];
    });
  },
};

/** An unmapped column of the table whose name is the missing one in another case style (createdAt / created_at). */
export function otherlyNamed(extra: SchemaDiff["extraColumns"]): (table: ExpectedTable, name: string) => string | undefined {
  const fold = (name: string) => name.replace(/[_\s-]/g, "").toLowerCase();
  const byTable = new Map<ExpectedTable, Map<string, string>>();
  for (const { table, column } of extra) {
    if (!byTable.has(table)) byTable.set(table, new Map());
    byTable.get(table)!.set(fold(column.name), column.name);
  }
  return (table, name) => {
    const twin = byTable.get(table)?.get(fold(name));
    return twin !== undefined && twin !== name ? twin : undefined;
  };
}

/** insert, update and select all false: TypeORM never names it in its own statements. */
export function isUnused(column: ExpectedColumn): boolean {
  return column.access !== undefined && !column.access.insert && !column.access.update && !column.access.select;
}

/** For an unmapped column: the missing mapped column it is the twin of, as the missing-column finding it follows from. */
export function twinOf(diff: SchemaDiff): (table: ExpectedTable, name: string) => { ruleId: string; key: string } | undefined {
  const fold = (name: string) => name.replace(/[_\s-]/g, "").toLowerCase();
  return (table, name) => {
    const missing = diff.missingColumns.find((m) => m.table === table && m.column.name !== name && fold(m.column.name) === fold(name));
    return missing && { ruleId: "missing-column", key: `${qualifiedName(table)}.${missing.column.name}` };
  };
}
