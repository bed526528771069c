import type { Rule } from "./rule.js";

/** deploy-check: a pending statement that could fail on existing rows, not counted (and why): nobody should read silence as "checked". */
export const dataProbeSkipped: Rule = {
  id: "data-probe-skipped",
  defaultSeverity: "notice",
  description: "A pending statement that can fail on existing rows was not counted on the target (a backfill runs first, a huge table, a timeout).",
  check({ deploy }) {
    return (deploy?.probes ?? []).flatMap((probe) => {
      const outcome = probe.outcome;
      const why = probe.skipped ?? (outcome && "timedOut" in outcome ? "the count did not finish within the probe timeout" : outcome && "error" in outcome ? `the count failed (${outcome.error})` : undefined);
      if (!why) return [];
      return [
        {
          key: `${probe.migration}:${probe.kind}:${probe.table.schema}.${probe.table.name}(${probe.columns.join(",")})`,
          object: `${probe.table.schema}.${probe.table.name}${probe.columns.length ? `(${probe.columns.join(", ")})` : ""}`,
          ...(probe.location && { location: probe.location }),
          message: `Not checked against ${deploy!.target}'s rows: ${probe.migration} (${probe.kind}) could fail on ${probe.counts}, but ${why}.`,
          detail: probe.statement,
        },
      ];
    });
  },
};
