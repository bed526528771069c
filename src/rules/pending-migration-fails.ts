import type { Rule } from "./rule.js";

/**
 * deploy-check's dry run: the pending migrations run by the ORM's own migrator on a throwaway
 * copy of the target's applied point (its schema rebuilt by the same chain, its migrations
 * table copied); each that fails there fails the deploy, before the deploy reaches it.
 */
export const pendingMigrationFails: Rule = {
  id: "pending-migration-fails",
  defaultSeverity: "error",
  description: "A pending migration fails on the target's schema (dry run on a copy of the target's applied point).",
  check({ deploy }) {
    const failed = (deploy?.pending ?? []).filter((m) => m.status === "failed");
    const first = failed[0];
    return failed.map((m) => ({
      key: m.name,
      object: m.name,
      ...(m.location && { location: { file: m.location.file, line: m.failure?.statementLine ?? m.location.line } }),
      message: `${m.name} fails on ${deploy!.target}'s schema: ${m.failure?.message ?? "it failed"}${m.failure?.code ? ` (${m.failure.code})` : ""}.${m !== first ? ` (The real deploy stops at ${first!.name}, before this one.)` : ""}`,
      ...(m.failure?.statement && { detail: m.failure.statement }),
      hint: "It ran on a throwaway copy of the target's applied point (same migrations, same migrations table), not on the target. Fix the migration (or the schema it assumes) before deploying; the deploy would stop here.",
    }));
  },
};
