/**
 * A Drizzle migrations folder as files on disk: the journal, the .sql files, the snapshots,
 * each with the line a finding should point at. No database, no user code: the journal rules
 * (unlisted-migration, missing-migration-file, duplicate-migration-number,
 * migration-out-of-order, future-migration-timestamp, snapshot-collision) read only this.
 *
 * Two formats exist:
 * - drizzle-kit 0.x ("journal"): `NNNN_name.sql`, `meta/_journal.json` listing them (idx, when,
 *   tag), `meta/NNNN_snapshot.json` (id, prevId). The journal alone decides what runs.
 * - drizzle-kit 1.x ("folders"): `<YYYYMMDDHHMMSS>_<name>/migration.sql` with a `snapshot.json`
 *   (id, prevIds) beside it; applied by folder name, no journal.
 */
import fs from "node:fs";
import path from "node:path";
import { GateError } from "../engine/errors.js";
import type { MigrationTouches } from "../engine/result.js";
import { createdTablesIn, touchesIn } from "../worker/created-tables.js";

export type DrizzleFolderFormat = "journal" | "folders";

export interface JournalEntry {
  idx: number;
  /** Milliseconds; the 0.x migrator orders and skips by it. */
  when: number;
  tag: string;
  /** Line of the entry's `"tag"` in the journal, or of its opening brace when it has none. */
  line: number;
  /** Line of the entry's `"when"`, for findings about its timestamp. */
  whenLine?: number;
  /** What is wrong with the entry itself (no `"tag"`, a tag that is not a string), if anything. */
  malformed?: string;
}

export interface MigrationSqlFile {
  /** Absolute path. */
  file: string;
  /** 0.x: the tag (`0003_add_posts`); 1.x: the folder name (`20260101120000_add_posts`). */
  name: string;
  /** The leading number: `0003`, or the 14-digit timestamp of a 1.x folder. */
  prefix?: string;
  /**
   * 0.x, a file the journal does not list (it never runs): what its SQL would create, and the
   * listed migrations that already run every one of its statements (a leftover, then).
   */
  unlisted?: { tables: string[]; touches: MigrationTouches; alsoIn?: string[] };
}

export interface SnapshotFile {
  file: string;
  id?: string;
  prevIds: string[];
  /** Line of `"prevId"` / `"prevIds"`. */
  line: number;
}

export interface DrizzleMigrationFolder {
  format: DrizzleFolderFormat;
  /** Absolute path of the folder. */
  dir: string;
  /** 0.x only. */
  journalFile?: string;
  journal: JournalEntry[];
  /** Every migration file present, in name order. */
  sqlFiles: MigrationSqlFile[];
  snapshots: SnapshotFile[];
}

export const JOURNAL_PATH = path.join("meta", "_journal.json");

/** drizzle-kit's separator between the statements of one migration file. */
export const STATEMENT_BREAKPOINT = "--> statement-breakpoint";

export function readStatements(file: string): string[] {
  return fs.readFileSync(file, "utf8").split(STATEMENT_BREAKPOINT);
}

/** Reads the folder; a missing folder reads as empty 1.x-style (no-migrations says so), a broken journal throws. */
export function readDrizzleFolder(dir: string): DrizzleMigrationFolder {
  const journalFile = path.join(dir, JOURNAL_PATH);
  if (fs.existsSync(journalFile)) return readJournalFolder(dir, journalFile);
  return readTimestampFolders(dir);
}

function readJournalFolder(dir: string, journalFile: string): DrizzleMigrationFolder {
  const text = fs.readFileSync(journalFile, "utf8");
  let parsed: { entries?: Array<{ idx?: unknown; when?: unknown; tag?: unknown }> };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new GateError("drizzle-journal-invalid", `${journalFile} is not valid JSON: ${(error as Error).message}.`, {
      hint: "A merge conflict left in the journal is the usual cause: resolve it so every entry from both branches is listed once, in order.",
      cause: error,
    });
  }
  if (!Array.isArray(parsed.entries)) {
    throw new GateError("drizzle-journal-invalid", `${journalFile} has no "entries" list, so drizzle-kit and the migrator cannot read it.`, {
      hint: "Restore it from version control, or regenerate it with drizzle-kit.",
    });
  }
  const lines = entryLines(text);
  const journal = parsed.entries.map((entry, index): JournalEntry => {
    const malformed = entry.tag === undefined ? 'it has no "tag"' : typeof entry.tag !== "string" ? `its "tag" is ${JSON.stringify(entry.tag)}, not a string` : undefined;
    return {
      idx: Number(entry.idx),
      when: Number(entry.when),
      tag: String(entry.tag),
      line: lines[index]?.tag ?? lines[index]?.start ?? 1,
      ...(lines[index]?.when !== undefined && { whenLine: lines[index]!.when }),
      ...(malformed && { malformed }),
    };
  });
  const listed = new Set(journal.map((entry) => entry.tag));
  const unlistedStatements = new Map<MigrationSqlFile, string[]>();
  const sqlFiles = listFiles(dir)
    .filter((name) => name.endsWith(".sql"))
    .map((name): MigrationSqlFile => {
      const file = path.join(dir, name);
      const base = { file, name: name.slice(0, -4), prefix: /^(\d+)_/.exec(name)?.[1] };
      if (listed.has(base.name)) return base;
      // Never run: what it would create is what its findings follow from (unlisted-migration).
      const statements = readStatements(file);
      const unlisted = { ...base, unlisted: { tables: statements.flatMap((sql) => createdTablesIn(sql)), touches: touchesIn(statements) } };
      unlistedStatements.set(unlisted, statements);
      return unlisted;
    });
  markLeftovers(sqlFiles, unlistedStatements);
  const metaDir = path.join(dir, "meta");
  const snapshots = listFiles(metaDir)
    .filter((name) => name.endsWith("_snapshot.json"))
    .flatMap((name) => readSnapshot(path.join(metaDir, name)));
  return { format: "journal", dir, journalFile, journal, sqlFiles, snapshots };
}

/**
 * An unlisted file whose every statement also runs in listed migrations is a leftover (the
 * branch's copy of a migration regenerated under another number), not a lost migration.
 * Compared as statements, ignoring spacing, case and IF [NOT] EXISTS.
 */
function markLeftovers(files: MigrationSqlFile[], unlistedStatements: ReadonlyMap<MigrationSqlFile, string[]>): void {
  if (unlistedStatements.size === 0) return;
  const canonical = (sql: string) => sql.replace(/\bIF\s+(NOT\s+)?EXISTS\b/gi, "").replace(/[\s;]+/g, " ").trim().toLowerCase();
  const listed = files.filter((f) => !f.unlisted).map((f) => ({ name: f.name, statements: new Set(readStatements(f.file).map(canonical)) }));
  for (const [file, own] of unlistedStatements) {
    const wanted = own.map(canonical).filter(Boolean);
    if (wanted.length === 0) continue;
    const holders = wanted.map((statement) => listed.find((l) => l.statements.has(statement))?.name);
    if (holders.every((h) => h !== undefined)) file.unlisted!.alsoIn = [...new Set(holders as string[])];
  }
}

function readTimestampFolders(dir: string): DrizzleMigrationFolder {
  const folders = listFiles(dir).filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")));
  return {
    format: "folders",
    dir,
    journal: [],
    sqlFiles: folders.map((name) => ({ file: path.join(dir, name, "migration.sql"), name, prefix: /^(\d{14})/.exec(name)?.[1] })),
    snapshots: folders.flatMap((name) => readSnapshot(path.join(dir, name, "snapshot.json"))),
  };
}

function readSnapshot(file: string): SnapshotFile[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  try {
    const json = JSON.parse(text) as { id?: unknown; prevId?: unknown; prevIds?: unknown };
    const prevIds = Array.isArray(json.prevIds) ? json.prevIds.map(String) : typeof json.prevId === "string" ? [json.prevId] : [];
    const at = text.search(/"prevIds?"\s*:/);
    return [{ file, id: typeof json.id === "string" ? json.id : undefined, prevIds, line: at === -1 ? 1 : lineAt(text, at) }];
  } catch {
    // An unreadable snapshot only matters to drizzle-kit generate, which says so itself.
    return [];
  }
}

/**
 * For each object of the `"entries"` array, in order: the line it starts on and the line of its
 * own `"tag"` key, if it has one. Scanned entry by entry (one pass, strings skipped), so an entry
 * without a tag is located at itself, not at the next entry's tag.
 */
function entryLines(text: string): Array<{ start: number; tag?: number; when?: number }> {
  const entries: Array<{ start: number; tag?: number; when?: number }> = [];
  const entriesKey = /"entries"\s*:\s*\[/.exec(text);
  if (!entriesKey) return entries;
  let line = 1 + newlines(text, 0, entriesKey.index + entriesKey[0].length);
  let depth = 0;
  for (let i = entriesKey.index + entriesKey[0].length; i < text.length; i++) {
    const char = text[i];
    if (char === "\n") line++;
    else if (char === '"') {
      const end = stringEnd(text, i);
      const key = depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 20)) ? text.slice(i + 1, end) : undefined;
      if (key === "tag" || key === "when") entries[entries.length - 1]![key] = line;
      line += newlines(text, i, end);
      i = end;
    } else if (char === "{" || char === "[") {
      if (depth === 0 && char === "{") entries.push({ start: line });
      depth++;
    } else if (char === "}" || char === "]") {
      if (depth === 0) break; // the end of the entries array
      depth--;
    }
  }
  return entries;
}

/** Index of the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

function lineAt(text: string, offset: number): number {
  return 1 + newlines(text, 0, offset);
}

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

function listFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Where a journal entry's file is expected: `<dir>/<tag>.sql`, as the 0.x migrator reads it. */
export function journalEntryFile(folder: DrizzleMigrationFolder, entry: JournalEntry): string {
  return path.join(folder.dir, `${entry.tag}.sql`);
}
