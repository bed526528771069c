import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { quoteTable } from "./sql-text.js";

/** The enum exists but its labels differ: saving a missing value fails, an extra one is unmapped. */
export const enumValuesMismatch: Rule = {
  id: "enum-values-mismatch",
  defaultSeverity: "error",
  description: "An enum type's values after the migrations differ from the entity's enum.",
  check({ diff, orm }) {
    return diff.enumValueMismatches.map(({ expected, missing, extra }) => {
      const parts = [missing.length && `lacks ${missing.map((v) => `'${v}'`).join(", ")}`, extra.length && `has ${extra.map((v) => `'${v}'`).join(", ")} that the entity does not`].filter(Boolean);
      return {
        key: qualifiedName(expected),
        object: qualifiedName(expected),
        location: expected.location,
        message: `Enum type ${qualifiedName(expected)} ${parts.join(" and ")} (used by ${expected.usedBy}).`,
        hint: missing.length
          ? `Add a migration: ${missing.map((v) => `ALTER TYPE ${quoteTable(expected)} ADD VALUE '${v.replace(/'/g, "''")}'`).join("; ")}.`
          : `Removing enum values needs a new type: create it, move the columns to it (USING col::text::new_type), drop the old one; or add the values to the enum in ${orm === "drizzle" ? "the pgEnum" : "the entity"}.`,
      };
    });
  },
};
