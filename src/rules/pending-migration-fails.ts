import type { Rule } from "./rule.js";
import { statementLine } from "../migrations/statement-line.js";

/**
 * deploy-check's dry run: the pending migrations run by the ORM's own migrator on a throwaway
 * copy of the target's applied point (its schema rebuilt by the same chain, its migrations
 * table copied); each that fails there fails the deploy, before the deploy reaches it.
 */
export const pendingMigrationFails: Rule = {
  id: "pending-migration-fails",
  defaultSeverity: "error",
  description: "A pending migration fails on the target's schema: in the dry run on the migrations replayed to the target's applied point, or because it creates a name the target already uses.",
  check({ deploy }) {
    const failed = (deploy?.pending ?? []).filter((m) => m.status === "failed");
    const first = failed[0];
    // Statements that pass on the replayed copy and fail on the target: it has the name already.
    const collisions = (deploy?.collisions ?? []).map((c) => ({
      key: `${c.migration}:collision:${c.object}`,
      object: c.object,
      ...(c.location && { location: { file: c.location.file, line: (statementLine(c.location.file, c.statement) ?? c.location.line) } }),
      message: `${c.migration} would fail on ${deploy!.target}: it creates the ${c.creates} ${c.object}, but the target already has a ${c.existing} of that name that none of its applied migrations made (made by hand${deploy!.drift.some((d) => d.object === c.object) ? ", see target-drift" : ""}).`,
      detail: c.statement,
      hint: c.creates === "column" ? "If the column is left over, drop it on the database; if it is meant to be there, write ADD COLUMN IF NOT EXISTS in the migration." : `If the ${c.existing} is left over, drop or rename it on the database; if it is meant to be there, make the migration tolerate it (IF NOT EXISTS) or rename what it creates.`,
    }));
    return [...collisions, ...failed.map((m) => ({
      key: m.name,
      object: m.name,
      ...(m.location && { location: { file: m.location.file, line: m.failure?.statementLine ?? m.location.line } }),
      message: `${m.name} fails on ${deploy!.target}'s schema: ${m.failure?.message ?? "it failed"}${m.failure?.code ? ` (${m.failure.code})` : ""}.${m !== first ? ` (The real deploy stops at ${first!.name}, before this one.)` : ""}`,
      ...(m.failure?.statement && { detail: m.failure.statement }),
      hint: "It ran on a throwaway database rebuilt to the target's applied point (the same migrations, the same migrations table), not on the target. Fix the migration (or the schema it assumes) before deploying; the deploy would stop here.",
    }))];
  },
};
