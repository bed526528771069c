import { journalEntryFile } from "../migrations/drizzle-folder.js";
import fs from "node:fs";
import { entryLocation, journalFolder, shortPath } from "./journal-text.js";
import type { Rule } from "./rule.js";

/** A journal entry whose .sql file is gone: drizzle-orm's migrator stops with "No file ... found". */
export const missingMigrationFile: Rule = {
  id: "missing-migration-file",
  defaultSeverity: "error",
  description: "A meta/_journal.json entry whose .sql file does not exist: drizzle-orm's migrator refuses to run at all.",
  check({ drizzleFolder }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    return folder.journal
      .filter((entry) => !fs.existsSync(journalEntryFile(folder, entry)))
      .map((entry) => ({
        key: entry.tag,
        object: `${entry.tag}.sql`,
        location: entryLocation(folder, entry),
        message: `${shortPath(folder, folder.journalFile)} lists ${entry.tag}, but ${shortPath(folder, journalEntryFile(folder, entry))} does not exist: drizzle-orm's migrator stops with "No file ... found" before running anything.`,
        hint: "Restore the file from the branch that generated it (a rename or a lost file in a merge), or remove the entry and its meta/*_snapshot.json and run npx drizzle-kit generate again.",
      }));
  },
};
