import type { Rule } from "./rule.js";

/**
 * deploy-check: the target's schema against the chain replayed on a throwaway database up to
 * the target's applied point, object by object. What differs was changed by hand (or by a
 * migration edited after it ran there); the deploy's migrations were never tested on it.
 */
export const targetDrift: Rule = {
  id: "target-drift",
  defaultSeverity: "warning",
  description: "The target's schema differs from what its applied migrations build (changed by hand, or by a migration edited after it ran).",
  check({ deploy }) {
    if (!deploy) return [];
    const applied = deploy.untracked ? `the ${deploy.available.length} migration(s)` : "the migrations it has applied";
    const partial = deploy.replayFailures.length ? ` (${deploy.replayFailures.map((m) => m.name).join(", ")} failed in that replay, so what it would have built is missing from the comparison)` : "";
    // `public.users(email) (unique "users_email_key" WHERE ...)`: the name says what to drop or create by hand.
    const what = (item: (typeof deploy.drift)[number]) => `${item.kind}${item.name ? ` "${item.name}"` : ""}${item.detail ? ` ${item.detail}` : ""}`;
    return deploy.drift.map((item) => ({
      key: `${item.kind}:${item.change}:${item.object}:${item.change === "different" ? (item.detail ?? "") : ""}`,
      object: item.object,
      message:
        item.change === "missing"
          ? `${item.object} (${what(item)}): ${applied} create it, but ${deploy.target} does not have it${partial}.`
          : item.change === "extra"
            ? `${item.object} (${what(item)}): ${deploy.target} has it, but ${applied} do not create it.`
            : `${item.object} (${item.kind}): ${item.detail} (${applied} replayed on a throwaway database).`,
      hint: "Changed by hand on the database, or by a migration edited after it ran there: write a migration that makes the change for real (so every database gets it), or undo it on the database.",
      ...(deploy.untracked && { cause: { ruleId: "untracked-database", key: "untracked" } }),
    }));
  },
};
