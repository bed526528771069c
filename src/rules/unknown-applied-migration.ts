import type { Rule } from "./rule.js";
import { trackingName } from "./deploy-outcome.js";

/** deploy-check: rows of the target's migrations table that no migration of the project matches. */
export const unknownAppliedMigration: Rule = {
  id: "unknown-applied-migration",
  defaultSeverity: "warning",
  description: "The target's migrations table records a migration the repository does not have (deleted, renamed, or applied from another branch).",
  check({ deploy }) {
    if (!deploy) return [];
    return deploy.match.unknownRows.map((index) => {
      const row = deploy.rows[index]!;
      const label = row.name ?? (row.createdAt !== undefined ? `created_at ${row.createdAt}` : `id ${row.id}`);
      return {
        key: row.name ?? row.hash ?? String(row.createdAt ?? row.id),
        object: label,
        message: `${trackingName(deploy)} on ${deploy.target} records ${label}${row.id !== undefined ? ` (id ${row.id})` : ""}${row.hash ? `, hash ${row.hash.slice(0, 12)}` : ""}, which matches no migration of the project: it was deleted or renamed after it ran there, or applied from a branch not merged here.`,
        hint: "If it was renamed, rename it back (the migrator goes by what is recorded); if it comes from another branch, merge that branch before deploying; if it was deleted on purpose, make sure what it did is still wanted. Compare with target-drift findings, if any.",
      };
    });
  },
};
