import path from "node:path";
import type { Rule } from "./rule.js";

/**
 * A migration file next to the registered ones that the data source's explicit `migrations`
 * list leaves out: no `migration:run` ever runs it. What it creates shows up as missing; those
 * findings are grouped under this one, whose fix (register it) closes them all, instead of a
 * second migration doing the same thing.
 */
export const unregisteredMigration: Rule = {
  id: "unregistered-migration",
  defaultSeverity: "error",
  description: "A migration class in the migrations folder that the data source's migrations list does not name: it never runs.",
  check({ unregisteredMigrations }) {
    return (unregisteredMigrations ?? []).map((migration) => ({
      key: migration.name,
      object: migration.name,
      location: migration.location,
      message: `Migration ${migration.name} (${path.basename(migration.location.file)}) is not in the data source's migrations list, so migration:run never runs it${migration.createdTables.length ? `; it creates ${migration.createdTables.join(", ")}` : ""}.`,
      hint: `Import ${migration.name} in the data source and add it to migrations (or give migrations a glob such as "src/migrations/*.ts"). If it is obsolete, delete the file. Do not write another migration for what it does.`,
    }));
  },
};
