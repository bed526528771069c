import { mapper } from "./relation-errors.js";
import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { columnList, quoteTable } from "./sql-text.js";

/** No primary key, or one over other columns: TypeORM's updates and deletes address rows by it. */
export const missingPrimaryKey: Rule = {
  id: "missing-primary-key",
  defaultSeverity: "error",
  description: "A table has no primary key after the migrations, or one over other columns than the entity's.",
  check({ diff }) {
    return diff.primaryKeyMismatches.map(({ table, actual }) => ({
      key: qualifiedName(table),
      object: qualifiedName(table),
      location: table.location,
      message: actual
        ? `The primary key of ${qualifiedName(table)} is (${actual.columns.join(", ")}) after the migrations, but ${mapper(table)} declares (${table.primaryKey.join(", ")}).`
        : `${qualifiedName(table)} has no primary key after the migrations; ${mapper(table)} declares (${table.primaryKey.join(", ")}).`,
      hint: `Add a migration: ${actual ? `ALTER TABLE ${quoteTable(table)} DROP CONSTRAINT "${actual.name}", then ` : ""}ALTER TABLE ${quoteTable(table)} ADD PRIMARY KEY (${columnList(table.primaryKey)}).`,
    }));
  },
};
