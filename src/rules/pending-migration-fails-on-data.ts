import type { DataProbe } from "../engine/data-probes.js";
import type { Rule } from "./rule.js";
import { statementLine } from "../migrations/statement-line.js";

const HINTS: Record<DataProbe["kind"], string> = {
  "not-null": "Backfill the NULLs in the migration before SET NOT NULL (UPDATE ... SET col = <value> WHERE col IS NULL), or keep the column nullable.",
  "required-column": "Give the new column a DEFAULT, or add it nullable, backfill, then SET NOT NULL.",
  unique: "Remove or merge the duplicates in the migration before adding the constraint, or make the index partial.",
  "primary-key": "Remove the duplicates and NULLs before adding the primary key.",
  "foreign-key": "Delete or repair the orphaned rows in the migration first, or add the constraint NOT VALID and VALIDATE it after cleaning up.",
  check: "Fix the violating rows in the migration first, or add the constraint NOT VALID and VALIDATE it later.",
  type: "Convert the values with USING (and fix those that cannot convert) before changing the type.",
};

/**
 * deploy-check's data probes: a pending statement the target's existing rows make fail (NULLs
 * under SET NOT NULL, duplicates under a unique index, orphans under a foreign key...). Counted
 * read-only on the target; the rows themselves are never read.
 */
export const pendingMigrationFailsOnData: Rule = {
  id: "pending-migration-fails-on-data",
  defaultSeverity: "error",
  description: "A pending statement that the target's existing rows make fail (counted read-only, never the rows themselves).",
  check({ deploy }) {
    return (deploy?.probes ?? []).flatMap((probe) => {
      const outcome = probe.outcome;
      if (!outcome || !("count" in outcome) || outcome.count === 0) return [];
      const line = probe.location ? statementLine(probe.location.file, probe.statement) : undefined;
      return [
        {
          key: `${probe.migration}:${probe.kind}:${probe.table.schema}.${probe.table.name}(${probe.columns.join(",")})`,
          object: `${probe.table.schema}.${probe.table.name}${probe.columns.length ? `(${probe.columns.join(", ")})` : ""}`,
          ...(probe.location && { location: { file: probe.location.file, line: line ?? probe.location.line } }),
          message: `${probe.migration} would fail on ${deploy!.target}'s data: ${outcome.count.toLocaleString("en-US")} ${outcome.count === 1 ? singular(probe.counts) : probe.counts} (counted read-only on the target).`,
          detail: probe.statement,
          hint: HINTS[probe.kind],
        },
      ];
    });
  },
};

/** "rows with NULL in x" for a count of one: "row with NULL in x" (the probes word their counts in the plural). */
function singular(counts: string): string {
  return counts.replace(/^(rows|values|groups)\b/, (word) => word.slice(0, -1));
}
