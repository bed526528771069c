import type { Rule } from "./rule.js";

/** An empty migrations option or glob is almost always a path mistake, not an empty project. */
export const noMigrations: Rule = {
  id: "no-migrations",
  defaultSeverity: "warning",
  description: "No migration was found, so every table is reported missing.",
  check({ migrations, migrationsOption, expected, orm, drizzleFolder }) {
    if (migrations.length > 0 || expected.tables.length === 0) return [];
    // A journal with no entries: the folder is right, nothing was ever generated (drizzle-kit push only).
    if (orm === "drizzle" && drizzleFolder?.journalFile && drizzleFolder.journal.length === 0) {
      return [
        {
          key: "no-migrations",
          message: `${drizzleFolder.journalFile} lists no migrations: the database was only ever built with drizzle-kit push.`,
          hint: "Run npx drizzle-kit generate and commit the migration it writes; databases built with push already have the tables, so make them accept it (CREATE TABLE IF NOT EXISTS), or record it as applied there.",
        },
      ];
    }
    return [
      {
        key: "no-migrations",
        message: `No migrations were found${migrationsOption.length ? ` (migrations: ${migrationsOption.join(", ")})` : ": the migrations option is empty"}.`,
        hint: orm === "drizzle"
          ? "Check drizzle.config's out (or the migrations option): it must be the folder drizzle-kit generate writes to, relative to the working directory. If the database was only ever built with drizzle-kit push, run npx drizzle-kit generate and commit the result."
          : "Check that the migrations globs match your migration files (.ts included) relative to the working directory; in a data source file, build them from __dirname or import.meta.dirname.",
      },
    ];
  },
};
