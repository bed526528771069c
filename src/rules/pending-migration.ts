import type { Rule } from "./rule.js";

/** deploy-check: what the deploy will run, in the migrator's order (from the dry run on a copy of the target's applied point). */
export const pendingMigration: Rule = {
  id: "pending-migration",
  defaultSeverity: "notice",
  description: "A migration the deploy will run on the target, in the order the migrator runs them.",
  check({ deploy }) {
    const pending = deploy?.pending ?? [];
    const colliding = new Set((deploy?.collisions ?? []).map((c) => c.migration));
    return pending.map((m, index) => ({
      key: m.name,
      object: m.name,
      ...(m.location && { location: m.location }),
      message: `Pending on ${deploy!.target} (${index + 1} of ${pending.length}): ${m.name} will run on deploy${m.status === "failed" || colliding.has(m.name) ? ", and fails (pending-migration-fails)" : ""}.`,
    }));
  },
};
