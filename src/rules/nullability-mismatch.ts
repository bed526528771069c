import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { vocabulary } from "./vocabulary.js";
import { quote, quoteTable } from "./sql-text.js";

/** NOT NULL on one side only: inserts of NULL fail, or NULLs the code does not expect get in. */
export const nullabilityMismatch: Rule = {
  id: "nullability-mismatch",
  defaultSeverity: "error",
  description: "A column is NOT NULL on one side and nullable on the other.",
  check({ diff, orm }) {
    const words = vocabulary(orm);
    // A column TypeORM never inserts: NOT NULL in the entity says nothing about what it writes.
    const relevant = diff.nullabilityMismatches.filter(({ expected, actual }) => expected.access?.insert !== false || (!actual.nullable && actual.default === undefined && !actual.generated && !actual.identity));
    return relevant.map(({ table, expected }) => {
      const where = `Column ${expected.name} of ${qualifiedName(table)}`;
      return {
        key: `${qualifiedName(table)}.${expected.name}`,
        object: `${qualifiedName(table)}.${expected.name}`,
        location: expected.location,
        message: expected.nullable
          ? `${where} is NOT NULL after the migrations, but ${expected.property} is nullable: ${words.writingNull(expected.name)}.`
          : `${where} allows NULL after the migrations, but ${expected.property} is NOT NULL: rows without a value can get in.`,
        hint: expected.nullable
          ? `Add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(expected.name)} DROP NOT NULL, or ${words.makeNotNull}.`
          : `Add a migration: ALTER TABLE ${quoteTable(table)} ALTER COLUMN ${quote(expected.name)} SET NOT NULL (backfill NULLs first), or ${words.makeNullable}.`,
      };
    });
  },
};
