import { blamedOnFailure, fixedWith } from "./relation-errors.js";
import type { RuleContext, RuleFinding } from "./rule.js";

/** Rules whose object is a column (`schema.table.column`) that a failed migration may have been changing. */
const COLUMN_RULES = new Set(["column-type-mismatch", "nullability-mismatch", "default-mismatch"]);

/**
 * A failed migration was rolled back: the column types it changes, the foreign keys it adds
 * stay as before, and the diff reports them. Those findings are true of the database, but they
 * follow from the failure, and "add a migration" would duplicate the one that exists. Tied to
 * it here, once for every rule, by what the failed migration's SQL touches.
 */
export function attributeToFailedMigrations(ruleId: string, findings: RuleFinding[], { migrations, drizzleFolder }: Pick<RuleContext, "migrations" | "drizzleFolder">): RuleFinding[] {
  const failed = migrations.filter((m) => m.status === "failed" && m.touches);
  // A .sql file the journal lost changes columns too, and never runs: its finding is the cause.
  const unlisted = (drizzleFolder?.sqlFiles ?? []).filter((f) => f.unlisted);
  if (failed.length === 0 && unlisted.length === 0) return findings;
  return findings.map((finding) => {
    if (finding.cause || !finding.object) return finding;
    if (COLUMN_RULES.has(ruleId)) {
      const migration = failed.find((m) => m.touches!.alteredColumns.includes(finding.object!));
      if (migration) return blamedOnFailure(finding, migration, "changes this column");
      const lost = unlisted.find((f) => f.unlisted!.touches.alteredColumns.includes(finding.object!));
      return lost
        ? { ...finding, message: `${finding.message} ${lost.name}.sql changes this column, but meta/_journal.json does not list it, so it never runs.`, ...fixedWith(`Put ${lost.name}.sql back in the journal`, { ruleId: "unlisted-migration", key: lost.name }, "this") }
        : finding;
    }
    if (ruleId === "missing-foreign-key") {
      const key = columnSetKey(finding.object);
      const migration = key && failed.find((m) => m.touches!.foreignKeys.includes(key));
      return migration ? blamedOnFailure(finding, migration, "adds this foreign key") : finding;
    }
    return finding;
  });
}

/** `public.posts(author_id, slug)` → `public.posts(author_id,slug)`, columns sorted, as touches keep them. */
function columnSetKey(object: string): string | undefined {
  const match = /^(.+)\((.*)\)$/.exec(object);
  return match ? `${match[1]}(${match[2]!.split(",").map((c) => c.trim()).sort().join(",")})` : undefined;
}
