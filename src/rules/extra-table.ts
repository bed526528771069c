import { qualifiedName } from "../schema/model.js";
import type { Rule } from "./rule.js";

/**
 * A table the migrations create that no entity maps: often a leftover of a removed entity, or
 * a table another service owns. A notice, because both are normal; turn it off or up in the config.
 */
export const extraTable: Rule = {
  id: "extra-table",
  defaultSeverity: "notice",
  description: "A table created by the migrations that no entity maps.",
  check({ diff }) {
    return diff.extraTables.map((table) => ({
      key: qualifiedName(table),
      object: qualifiedName(table),
      message: `Table ${qualifiedName(table)} is created by the migrations, but no entity maps it.`,
      hint: "If an entity was removed, add a migration that drops the table; if another service owns it, ignore this finding in migration-gate.config.json with the reason.",
    }));
  },
};
