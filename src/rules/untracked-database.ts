import type { MigrationRecord } from "../engine/result.js";
import type { Rule } from "./rule.js";
import { trackingName } from "./deploy-outcome.js";

/**
 * deploy-check: the target has the application's tables but its migrations table is missing or
 * empty. It was built by drizzle-kit push or TypeORM's synchronize, so the migrator considers
 * every migration pending and the deploy fails on the first CREATE of a table that exists (the
 * seed incident). The fix is `migration-gate baseline`, which verifies before it writes.
 */
export const untrackedDatabase: Rule = {
  id: "untracked-database",
  defaultSeverity: "error",
  description: "The target database has the application's tables but no migration recorded as applied (built by push or synchronize): the deploy would re-run every migration.",
  check({ deploy, orm }) {
    if (!deploy?.untracked) return [];
    const builtBy = orm === "drizzle" ? "drizzle-kit push" : "TypeORM's synchronize";
    const first = deploy.available[0];
    const matches = deploy.drift.length === 0;
    const failed = deploy.rerunAll?.find((m) => m.status === "failed");
    return [
      {
        key: "untracked",
        object: trackingName(deploy),
        // No location: the database is wrong, not a migration (an annotation on 0000 would say otherwise).
        message: `${deploy.target} has ${deploy.appTables} application table(s), but ${trackingName(deploy)} ${deploy.trackingExists ? "is empty" : "does not exist"}: the database was built without migrations (by ${builtBy}, most likely), so the deploy's migrate would run all ${deploy.available.length} migration(s) again from ${first?.name ?? "the first"}${consequence(deploy.rerunAll)}`,
        ...(failed?.failure?.statement && { detail: `${failed.name}: ${failed.failure.statement}` }),
        hint: matches
          ? `Its schema equals what the ${deploy.available.length} migration(s) build, object by object. Record them as applied, exactly as the migrator would have: npx migration-gate baseline --target-url <url> (prints the plan), then again with --yes (writes the rows in one transaction). Do not insert the rows by hand.`
          : `Its schema differs from what the migrations build in ${deploy.drift.length} object(s) (target-drift, below): bring the database or the migrations in line first, then record the migrations with npx migration-gate baseline --target-url <url> --yes, which refuses while they differ.`,
      },
    ];
  },
};

/** What that does, as the copy showed (baseline does not run it: the generic outcome). */
function consequence(rerunAll: MigrationRecord[] | undefined): string {
  if (!rerunAll) return ` and fail on the first object that already exists ("relation already exists").`;
  const failed = rerunAll.find((m) => m.status === "failed");
  if (failed) return `; on a copy of it, ${failed.name} fails: ${failed.failure?.message ?? "it failed"}${failed.failure?.code ? ` (${failed.failure.code})` : ""}, and the deploy would stop there.`;
  return `; on a copy of it they all ran again without an error (their statements tolerate what exists), so the deploy would pass, but it would run every migration's data changes a second time and record them as new.`;
}
