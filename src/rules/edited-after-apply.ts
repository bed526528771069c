import type { Rule } from "./rule.js";
import { trackingName } from "./deploy-outcome.js";

/**
 * deploy-check, Drizzle: a migration recorded on the target with a hash that is not the file's
 * (drizzle-orm stores sha256 of the file). The target ran another text than the repository
 * holds; the migrator never runs it again, so the edit never reaches this database.
 */
export const editedAfterApply: Rule = {
  id: "edited-after-apply",
  defaultSeverity: "warning",
  description: "Drizzle: a migration whose file changed after it was applied on the target (the stored hash differs from the file's).",
  check({ deploy }) {
    if (!deploy || deploy.tracking.format === "typeorm") return [];
    return deploy.available.flatMap((m, i) => {
      const row = deploy.match.rowOf[i]! >= 0 ? deploy.rows[deploy.match.rowOf[i]!] : undefined;
      if (!row?.hash || !m.hash || row.hash === m.hash) return [];
      return [
        {
          key: m.name,
          object: m.name,
          ...(m.location && { location: m.location }),
          message: `${m.name} was edited after it ran on ${deploy.target}: ${trackingName(deploy)} holds hash ${row.hash.slice(0, 12)}, the file hashes to ${m.hash.slice(0, 12)}. The migrator never runs it again, so the edit never reaches this database.`,
          hint: "Put the file back as it was applied (git log -p on it shows the change) and make the change in a new migration; target-drift lists what differs, if anything.",
        },
      ];
    });
  },
};
