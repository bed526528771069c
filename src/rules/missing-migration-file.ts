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
      .filter((entry) => entry.malformed || !fs.existsSync(journalEntryFile(folder, entry)))
      .map((entry) => entry.malformed ? {
        key: `untagged entry ${entry.when}`,
        object: `_journal.json entry idx ${entry.idx}`,
        location: entryLocation(folder, entry),
        message: `The ${shortPath(folder, folder.journalFile)} entry with idx ${entry.idx} is broken: ${entry.malformed}, so drizzle-orm's migrator looks for ${shortPath(folder, journalEntryFile(folder, entry))} and stops before running anything.`,
        hint: 'Give the entry the "tag" of its .sql file (the file name without .sql, e.g. "0003_add_posts"); if a merge mangled the journal, restore it from the branch that generated the entry.',
      } : {
        key: entry.tag,
        object: `${entry.tag}.sql`,
        location: entryLocation(folder, entry),
        message: `${shortPath(folder, folder.journalFile)} lists ${entry.tag}, but ${shortPath(folder, journalEntryFile(folder, entry))} does not exist: drizzle-orm's migrator stops with "No file ... found" before running anything.`,
        hint: "Restore the file from the branch that generated it (a rename or a lost file in a merge), or remove the entry and its meta/*_snapshot.json and run npx drizzle-kit generate again.",
      });
  },
};
