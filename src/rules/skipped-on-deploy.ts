import type { Rule } from "./rule.js";

/**
 * deploy-check, drizzle 0.x: journal entries the target has not applied whose `when` is not
 * newer than the newest created_at it has. drizzle-orm's migrator applies only entries newer
 * than that, so this deploy (and every later one) skips them. TypeORM and drizzle 1.x go by
 * name and run such migrations, so they have no equivalent.
 */
export const skippedOnDeploy: Rule = {
  id: "skipped-on-deploy",
  defaultSeverity: "error",
  description: "Drizzle 0.x: a migration the target has not applied that the migrator will skip, because its journal when is older than the newest applied one.",
  check({ deploy, drizzleFolder }) {
    if (!deploy || deploy.untracked || deploy.tracking.format !== "drizzle-journal" || deploy.rows.length === 0) return [];
    const newest = Math.max(...deploy.rows.map((r) => r.createdAt ?? -Infinity));
    const ran = new Set((deploy.pending ?? []).map((m) => m.name));
    const newestName = deploy.available.find((m, i) => deploy.match.rowOf[i] !== -1 && m.when === newest)?.name ?? `created_at ${newest}`;
    return deploy.available.flatMap((m, i) => {
      if (deploy.match.rowOf[i] !== -1 || ran.has(m.name) || m.when === undefined || m.when > newest) return [];
      const entry = drizzleFolder?.journal.find((e) => e.tag === m.name);
      const location = entry && drizzleFolder?.journalFile ? { file: drizzleFolder.journalFile, line: entry.whenLine ?? entry.line } : m.location;
      return [
        {
          key: m.name,
          object: m.name,
          ...(location && { location }),
          message: `${m.name} has not run on ${deploy.target}, and this deploy will skip it too: its journal "when" (${iso(m.when)}) is older than the newest migration applied there (${newestName}, ${iso(newest)}), and drizzle-orm's migrator applies only entries newer than that.`,
          hint: `Give it a "when" after ${newest} and move its entry to the end of meta/_journal.json; that it has not run anywhere that matters yet is what makes this safe.`,
        },
      ];
    });
  },
};

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
