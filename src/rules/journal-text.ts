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

/** Where the entry's `"when"` is written: the line to edit for a finding about its timestamp. */
export function whenLocation(folder: { journalFile: string }, entry: JournalEntry): SourceLocation {
  return { file: folder.journalFile, line: entry.whenLine ?? entry.line };
}

/**
 * A file as a message names it: its absolute path, which every reporter shows relative to its
 * reader exactly as it shows the finding's location (report/readable.ts).
 */
export function shortPath(_folder: DrizzleMigrationFolder, file: string): string {
  return file;
}

export function isoTime(when: number): string {
  return Number.isFinite(when) ? new Date(when).toISOString() : String(when);
}
