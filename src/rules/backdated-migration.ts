import path from "node:path";
import type { Rule } from "./rule.js";

/**
 * TypeORM: a migration this change adds whose timestamp is older than one already merged.
 * migration:run applies it anyway (it matches by name), but on existing databases it runs
 * last, after the merged ones, while fresh databases run it in timestamp order, before them.
 * The gate's replay proves only the fresh order.
 */
export const backdatedMigration: Rule = {
  id: "backdated-migration",
  defaultSeverity: "warning",
  description: "A TypeORM migration added with a timestamp older than one already merged: existing databases run it in another order than fresh ones.",
  check({ backdatedMigrations }) {
    return (backdatedMigrations ?? []).map((m) => ({
      key: m.name,
      object: m.name,
      location: m.location,
      message: `${m.name} is new since ${m.baseRef} but its timestamp (${m.timestamp}) is older than ${m.newestMerged} (${m.newestTimestamp}), which is already merged: fresh databases run it before ${m.newestMerged}, existing ones (staging, production) after it, as the last migration.`,
      hint: `Unless it must run before ${m.newestMerged} on fresh databases, give it a timestamp after ${m.newestTimestamp}: rename the class (and its name property and file, e.g. ${path.basename(m.location.file).replace(String(m.timestamp), String(m.newestTimestamp + 1))}); it has not run anywhere from the base branch yet. If it must, make sure it also works when run after ${m.newestMerged}.`,
    }));
  },
};
