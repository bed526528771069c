import type { Rule } from "./rule.js";
import { quote } from "./sql-text.js";

/** migration:generate never writes CREATE SCHEMA: a schema only synchronize ever created. */
export const missingSchema: Rule = {
  id: "missing-schema",
  defaultSeverity: "error",
  description: "A schema entities live in is not created by any migration.",
  check({ diff }) {
    return diff.missingSchemas.map(({ schema, firstUser }) => ({
      key: schema,
      object: schema,
      location: firstUser.location,
      message: `No migration creates schema ${schema}, which ${"entityName" in firstUser ? `entity ${firstUser.entityName}` : `enum ${firstUser.name}`} lives in.`,
      hint: `Add a migration that runs CREATE SCHEMA IF NOT EXISTS ${quote(schema)} before the first one that uses it: TypeORM's migration:generate does not write it.`,
    }));
  },
};
