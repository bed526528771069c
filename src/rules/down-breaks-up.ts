import type { RuleFinding, Rule } from "./rule.js";
import { downLocation } from "./irreversible-down.js";

/**
 * check-down: after up() and down(), up() must run again: that is what a rollback followed by
 * the next deploy does. It fails when down() leaves something up() creates without IF NOT
 * EXISTS (a type, an index), or drops something up() expects.
 */
export const downBreaksUp: Rule = {
  id: "down-breaks-up",
  defaultSeverity: "error",
  description: "check-down: after a migration's down(), its up() fails when run again.",
  check({ downChecks }) {
    return (downChecks?.migrations ?? []).flatMap((migration): RuleFinding[] => {
      const failure = migration.downCheck?.upAgainFailure;
      if (!failure) return [];
      return [{
        key: migration.name,
        object: migration.name,
        ...downLocation(migration),
        message: `After ${migration.name}'s down(), its up() fails when run again: ${failure.message}${failure.code ? ` (${failure.code})` : ""}${failure.statementLine ? ` at line ${failure.statementLine}` : ""}.`,
        ...(failure.statement && { detail: failure.statement }),
        hint: "A rollback then the next deploy would fail here. Make down() remove everything up() creates (and nothing else).",
      }];
    });
  },
};
