import { isoTime, journalFolder, whenLocation } from "./journal-text.js";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * A journal entry whose `when` is not after every entry listed before it. drizzle-orm 0.x applies
 * only entries newer than the newest applied one, so on any database that already ran the later
 * entry, this one is skipped without a word (and a fresh database, like this gate's, runs it).
 */
/**
 * Fresh databases built since the merge ran it, older ones skipped it: the fix must suit both.
 * Only the last entry can take a later `when` (raising an earlier one's puts the next entry out
 * of order, and databases past it would still skip it); otherwise a new migration at the end
 * repeats its statements idempotently, which is what teams that hit this in production did.
 */
function outOfOrderFix(tag: string, newestWhen: number, last: boolean): string {
  const idempotent = "idempotent (ADD COLUMN IF NOT EXISTS, CREATE ... IF NOT EXISTS, guarded DO blocks for types and constraints)";
  const regenerate = "If no database has run it yet, regenerating it on top of the merged branch (delete its .sql file, journal entry and snapshot, then npx drizzle-kit generate) is simpler.";
  return last
    ? `Typically a migration generated on a branch and merged after a newer one. Set its "when" above ${newestWhen} and make its statements ${idempotent}, so databases that already ran it accept it again. ${regenerate}`
    : `Typically a migration generated on a branch and merged after a newer one, and more have been added since. Leave ${tag} as it is (fresh databases run it) and add a new migration at the end (npx drizzle-kit generate --custom) that repeats its statements, ${idempotent}: existing databases get the change, fresh ones skip it harmlessly. ${regenerate}`;
}

export const migrationOutOfOrder: Rule = {
  id: "migration-out-of-order",
  defaultSeverity: "error",
  description: "A meta/_journal.json entry is not newer than the entries before it: existing databases silently skip it.",
  check({ drizzleFolder }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder) return [];
    const findings: RuleFinding[] = [];
    let newest: (typeof folder.journal)[number] | undefined;
    for (const entry of folder.journal) {
      if (newest && !(entry.when > newest.when)) {
        findings.push({
          key: entry.tag,
          object: entry.tag,
          location: whenLocation(folder, entry),
          message: `${entry.tag} (when ${isoTime(entry.when)}) is listed after ${newest.tag} (when ${isoTime(newest.when)}): every database that already applied ${newest.tag} will skip ${entry.tag} silently, because drizzle-orm's migrator only applies entries newer than the last one it applied.`,
          // Databases built after the merge already ran it; older ones skipped it: the fix must suit both.
          hint: outOfOrderFix(entry.tag, newest.when, folder.journal.indexOf(entry) === folder.journal.length - 1),
        });
      }
      if (!newest || entry.when > newest.when) newest = entry;
    }
    return findings;
  },
};
