import path from "node:path";
import { journalFolder, shortPath } from "./journal-text.js";
import type { Rule } from "./rule.js";

/** A .sql file the journal does not list: drizzle-orm's migrator never runs it, and says nothing. */
export const unlistedMigration: Rule = {
  id: "unlisted-migration",
  defaultSeverity: "error",
  description: "A Drizzle migration file that meta/_journal.json does not list: the migrator silently never runs it.",
  check({ drizzleFolder, diff }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const listed = new Set(folder.journal.map((entry) => entry.tag));
    // Columns the schema comparison found different: a file that changes one of them is not a harmless copy.
    const differing = new Set(
      [...diff.missingColumns.map((m) => ({ table: m.table, name: m.column.name })), ...[...diff.typeMismatches, ...diff.nullabilityMismatches, ...diff.valueSourceMismatches].map((m) => ({ table: m.table, name: m.expected.name }))]
        .map(({ table, name }) => `${table.schema}.${table.name}.${name}`),
    );
    const harmless = (file: (typeof folder.sqlFiles)[number]) =>
      file.unlisted?.alsoIn !== undefined && ![...file.unlisted.touches.columns, ...file.unlisted.touches.alteredColumns].some((column) => differing.has(column));
    return folder.sqlFiles
      .filter((file) => !listed.has(file.name))
      .map((file) => file.unlisted?.alsoIn && harmless(file) ? {
        key: file.name,
        object: path.basename(file.file),
        location: { file: file.file, line: 1 },
        message: `${shortPath(folder, file.file)} is not listed in ${shortPath(folder, folder.journalFile)}, and every statement in it also runs in ${file.unlisted.alsoIn.map((name) => `${name}.sql`).join(", ")}: a leftover copy, which the migrator never runs.`,
        hint: `Delete ${path.basename(file.file)}; ${file.unlisted.alsoIn.length === 1 ? "that migration does" : "those migrations do"} its work. Nothing else to change.`,
      } : {
        key: file.name,
        object: path.basename(file.file),
        location: { file: file.file, line: 1 },
        message: `${shortPath(folder, file.file)} is not listed in ${shortPath(folder, folder.journalFile)}: drizzle-orm's migrator never runs it, and says nothing.`,
        // It never ran anywhere, so regenerating it is safe for every database.
        hint: "A merge usually kept the file and lost its journal entry. It never ran anywhere, so: delete it and run npx drizzle-kit generate on top of the merged branch (it writes the SQL and the journal entry together, with a when newer than every applied migration); or delete it if it is a leftover. Restoring the old entry by hand works only if its when is newer than every migration already applied, or existing databases skip it.",
      });
  },
};
