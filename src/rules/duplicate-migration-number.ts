import path from "node:path";
import { entryLocation, journalFolder, shortPath } from "./journal-text.js";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * The safe fix depends on whether the later migration was deployed: deleting and regenerating
 * it gives it a new `when`, and every database that already ran it would run its statements a
 * second time (an `ALTER TYPE ... ADD VALUE` fails). Renumbering changes no `when`: safe always.
 */
const SAFE_RENUMBER = (later: string) =>
  `If ${later} has already run on a deployed database, do not delete or regenerate it (databases that ran it would run its statements again): renumber it instead: rename the file (and its meta/*_snapshot.json) to the next free number, and update its journal entry's idx and tag to match; keep its "when". If it has not run anywhere yet, you may instead delete its file, journal entry and snapshot and run npx drizzle-kit generate on top of the merged branch.`;

/** Two `0018_*.sql` or two journal entries with the same idx: two branches each generated "the next" migration. */
export const duplicateMigrationNumber: Rule = {
  id: "duplicate-migration-number",
  defaultSeverity: "error",
  description: "Two Drizzle migrations share a number (file prefix or journal idx): branches generated them in parallel.",
  check({ drizzleFolder }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const findings: RuleFinding[] = [];
    const byPrefix = new Map<string, typeof folder.sqlFiles>();
    // A file the journal does not list never runs and competes for no number: unlisted-migration's.
    for (const file of folder.sqlFiles.filter((f) => !f.unlisted)) {
      if (file.prefix !== undefined) byPrefix.set(file.prefix, [...(byPrefix.get(file.prefix) ?? []), file]);
    }
    for (const [prefix, files] of byPrefix) {
      if (files.length < 2) continue;
      const later = files[files.length - 1]!;
      findings.push({
        // No number in the key: renumbering one of them must not make it a new finding elsewhere.
        key: `files:${files.map((f) => f.name).sort().join(",")}`,
        object: path.basename(later.file),
        location: { file: later.file, line: 1 },
        message: `${files.length} migration files are numbered ${prefix}: ${files.map((f) => path.basename(f.file)).join(", ")}. Two branches each generated "the next" migration.`,
        hint: SAFE_RENUMBER(path.basename(later.file)),
      });
    }
    const seen = new Map<number, string>();
    for (const entry of folder.journal) {
      const first = seen.get(entry.idx);
      if (first === undefined) {
        seen.set(entry.idx, entry.tag);
        continue;
      }
      findings.push({
        key: `tags:${[first, entry.tag].sort().join(",")}`,
        object: entry.tag,
        location: entryLocation(folder, entry),
        message: `${shortPath(folder, folder.journalFile)} has idx ${entry.idx} twice: ${first} and ${entry.tag}.`,
        hint: SAFE_RENUMBER(`${entry.tag}.sql`),
      });
    }
    return findings;
  },
};
