import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { vocabulary } from "./vocabulary.js";
import { quote, quoteTable } from "./sql-text.js";

/** The migrations build the column with another type than the entity maps. */
export const columnTypeMismatch: Rule = {
  id: "column-type-mismatch",
  defaultSeverity: "error",
  description: "A column's type after the migrations differs from the entity's (length, precision and arrays included).",
  check({ diff, orm }) {
    return diff.typeMismatches.map(({ table, expected, actual }) => ({
      key: `${qualifiedName(table)}.${expected.name}`,
      object: `${qualifiedName(table)}.${expected.name}`,
      location: expected.location,
      message: `Column ${expected.name} of ${qualifiedName(table)} is ${actual.type} after the migrations, but ${expected.property} maps ${expected.type}.`,
      hint: `Add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(expected.name)} TYPE ${expected.enum ? quoteTable(expected.enum) + (expected.type.endsWith("[]") ? "[]" : "") : expected.type} (add USING ... when the values need converting), or change ${vocabulary(orm).code} if the database is right.`,
    }));
  },
};
