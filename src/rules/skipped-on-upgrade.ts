import type { Rule } from "./rule.js";
import { vocabulary } from "./vocabulary.js";

/**
 * A migration the change adds that the ORM's own migrator does not run on a database that
 * already has the base's migrations: fresh databases (this gate's replay, CI) get it, staging
 * and production never do. Drizzle 0.x applies only journal entries whose `when` is newer than
 * the newest applied one, so a migration merged late with an older `when` is skipped for good.
 * Found by running the real migrator on a database the base chain built (upgrade-simulation.ts).
 */
export const skippedOnUpgrade: Rule = {
  id: "skipped-on-upgrade",
  defaultSeverity: "error",
  description: "A migration new since the base that the ORM's migrator skips on every existing database (it only runs on fresh ones).",
  check({ upgrade, orm }) {
    if (!upgrade) return [];
    return upgrade.skipped.map((m) => {
      const late = m.when !== undefined && m.newestApplied;
      return {
        key: m.name,
        object: m.name,
        ...(m.location && { location: m.location }),
        message: late
          ? `${m.name} is new since ${upgrade.baseRef}, but its journal "when" (${iso(m.when!)}) is older than ${m.newestApplied!.name} (${iso(m.newestApplied!.when)}), already applied there: drizzle-orm's migrator applies only entries newer than the newest applied one, so every existing database (staging, production) skips it for good. Fresh databases run it.`
          : `${m.name} is new since ${upgrade.baseRef}, but ${vocabulary(orm).migrator} did not run it on a database built by the base's migrations: existing databases (staging, production) never get it, fresh ones do.`,
        hint: late
          ? `Give it a "when" after ${m.newestApplied!.when} and move its entry to the end of meta/_journal.json (or regenerate it after the merged ones: drop it, merge, run drizzle-kit generate again). It has not run on any deployed database yet.`
          : "Rename it so that it sorts after the migrations already merged, as the migrator orders them.",
      };
    });
  },
};

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
