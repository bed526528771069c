import { isoTime, journalFolder, whenLocation } from "./journal-text.js";
import type { Rule } from "./rule.js";

/**
 * A journal `when` in the future (a wrong clock, a hand edit): once a database applies it, every
 * migration generated before that moment is older and silently skipped there.
 */
export const futureMigrationTimestamp: Rule = {
  id: "future-migration-timestamp",
  defaultSeverity: "error",
  description: "A meta/_journal.json entry's when is in the future: every migration generated before then will be skipped on databases that applied it.",
  check({ drizzleFolder, now }) {
    const folder = journalFolder(drizzleFolder);
    if (!folder || now === undefined) return [];
    return folder.journal
      .filter((entry) => entry.when > now)
      .map((entry) => ({
        key: entry.tag,
        object: entry.tag,
        location: whenLocation(folder, entry),
        message: `${entry.tag} has when ${isoTime(entry.when)}, which is in the future: once a database applies it, drizzle-orm's migrator skips every migration generated before that moment.`,
        hint: `Set its "when" to the time it was generated (now: ${now}); check the clock of the machine that ran drizzle-kit generate.`,
      }));
  },
};
