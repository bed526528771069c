import type { Rule } from "./rule.js";

/**
 * Databases upgraded from the base (the base chain, then the head's migrations as the ORM's
 * migrator picks them: what staging and production get) end up different from a fresh one
 * (what this gate, CI and every new environment get): an order-dependent or back-dated
 * migration, a merged migration edited, one skipped on upgrade. Each difference is reported as
 * the finding the upgraded database has and the fresh one does not, at that finding's line.
 */
export const upgradeDivergence: Rule = {
  id: "upgrade-divergence",
  defaultSeverity: "error",
  description: "A database upgraded from the base revision ends up different from a fresh one: deployed databases will not match the code.",
  check({ upgrade }) {
    if (!upgrade) return [];
    const only = upgrade.skipped.length === 1 ? upgrade.skipped[0] : undefined;
    return upgrade.divergent.map((f) => ({
      // The upgraded database's own finding, by its (line-free) fingerprint.
      key: `${f.ruleId} ${f.fingerprint}`,
      ...(f.object && { object: f.object }),
      ...(f.location && { location: f.location }),
      message: `Only on databases upgraded from ${upgrade.baseRef} (staging, production; a fresh database is fine): ${f.ruleId}: ${f.message}`,
      ...(f.detail && { detail: f.detail }),
      hint: only
        ? `${only.name} is skipped on upgrade (skipped-on-upgrade): fix that, and this goes with it.`
        : `Make the change's migrations give the same result whatever ran before them: existing databases apply them after the base's migrations, in the migrator's order.${f.hint ? ` On its own: ${f.hint}` : ""}`,
      ...(only && { cause: { ruleId: "skipped-on-upgrade", key: only.name } }),
    }));
  },
};
