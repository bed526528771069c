import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";
import { quoteTable } from "./sql-text.js";

/** An enum type a column needs that no migration creates. */
export const missingEnum: Rule = {
  id: "missing-enum",
  defaultSeverity: "error",
  description: "An enum type an entity column uses is not created by any migration.",
  check({ diff }) {
    return diff.missingEnums.map((missing) => ({
      key: qualifiedName(missing),
      object: qualifiedName(missing),
      location: missing.location,
      message: `No migration creates the enum type ${qualifiedName(missing)} that ${missing.usedBy} uses.`,
      hint: `Add a migration: CREATE TYPE ${quoteTable(missing)} AS ENUM(${missing.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", ")}), before the one that creates the column.`,
    }));
  },
};
