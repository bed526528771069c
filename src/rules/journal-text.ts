import path from "node:path";
import type { SourceLocation } from "../engine/result.js";
import type { DrizzleMigrationFolder, JournalEntry } from "../migrations/drizzle-folder.js";

/** Shared wording and locations of the Drizzle journal rules. */

/** The 0.x folder, when the project has one: the journal rules have nothing to say otherwise. */
export function journalFolder(folder: DrizzleMigrationFolder | undefined): (DrizzleMigrationFolder & { journalFile: string }) | undefined {
  return folder?.format === "journal" && folder.journalFile ? (folder as DrizzleMigrationFolder & { journalFile: string }) : undefined;
}

export function entryLocation(folder: { journalFile: string }, entry: JournalEntry): SourceLocation {
  return { file: folder.journalFile, line: entry.line };
}

/** `drizzle/meta/_journal.json`, short enough for a message. */
export function shortPath(folder: DrizzleMigrationFolder, file: string): string {
  return path.join(path.basename(folder.dir), path.relative(folder.dir, file));
}

export function isoTime(when: number): string {
  return Number.isFinite(when) ? new Date(when).toISOString() : String(when);
}
