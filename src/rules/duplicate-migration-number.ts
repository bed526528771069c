import path from "node:path";
import { entryLocation, journalFolder, shortPath } from "./journal-text.js";
import type { Rule, RuleFinding } from "./rule.js";

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
    for (const file of folder.sqlFiles) {
      if (file.prefix !== undefined) byPrefix.set(file.prefix, [...(byPrefix.get(file.prefix) ?? []), file]);
    }
    for (const [prefix, files] of byPrefix) {
      if (files.length < 2) continue;
      const later = files[files.length - 1]!;
      findings.push({
        key: `prefix:${prefix}`,
        object: path.basename(later.file),
        location: { file: later.file, line: 1 },
        message: `${files.length} migration files are numbered ${prefix}: ${files.map((f) => path.basename(f.file)).join(", ")}. Two branches each generated "the next" migration.`,
        hint: "Keep the one already on the main branch; for the other, delete its .sql file, journal entry and snapshot, and run npx drizzle-kit generate again on top of the merged branch so it gets the next number and a snapshot that includes both.",
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
        key: `idx:${entry.idx}:${entry.tag}`,
        object: entry.tag,
        location: entryLocation(folder, entry),
        message: `${shortPath(folder, folder.journalFile)} has idx ${entry.idx} twice: ${first} and ${entry.tag}.`,
        hint: "The journal was merged by hand: regenerate the later migration on top of the merged branch (delete its file, entry and snapshot, then npx drizzle-kit generate).",
      });
    }
    return findings;
  },
};
