import { mapper } from "./relation-errors.js";
import type { Rule } from "./rule.js";
import { quote } from "./sql-text.js";

/** migration:generate never writes CREATE SCHEMA: a schema only synchronize ever created. */
export const missingSchema: Rule = {
  id: "missing-schema",
  defaultSeverity: "error",
  description: "A schema entities live in is not created by any migration.",
  check({ diff, orm, migrations }) {
    // A failed migration that creates a table in the schema creates the schema too, once fixed: migration-failed says so.
    const fromFailed = new Set(migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables.map((table) => table.split(".")[0])));
    return diff.missingSchemas.filter(({ schema }) => !fromFailed.has(schema)).map(({ schema, firstUser }) => ({
      key: schema,
      object: schema,
      location: firstUser.location,
      message: `No migration creates schema ${schema}, which ${"entityName" in firstUser ? "kind" in firstUser && (firstUser.kind === "table" || firstUser.kind === "entity") ? mapper(firstUser) : `entity ${firstUser.entityName}` : `enum ${firstUser.name}`} lives in.`,
      hint:
        orm === "drizzle"
          ? `Add a migration that runs CREATE SCHEMA IF NOT EXISTS ${quote(schema)} before the first one that uses it (drizzle-kit generate writes it when the schema is exported with pgSchema from a schema file).`
          : `Add a migration that runs CREATE SCHEMA IF NOT EXISTS ${quote(schema)} before the first one that uses it: TypeORM's migration:generate does not write it.`,
    }));
  },
};
