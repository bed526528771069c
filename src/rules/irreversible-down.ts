import { targetDrift, type DriftItem } from "../engine/target-drift.js";
import type { MigrationRecord } from "../engine/result.js";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * check-down: a migration's down() must leave the schema as it was before its up(). Each object
 * it leaves behind (up created it, down did not drop it), removes (it was there before up) or
 * leaves changed is one finding at the down() line. A down() that throws without a database
 * error (`throw new Error("irreversible")`) says so on purpose: a notice. One that fails on a
 * statement is an error: a rollback would stop there.
 */
export const irreversibleDown: Rule = {
  id: "irreversible-down",
  defaultSeverity: "error",
  description: "check-down: a migration's down() does not restore the schema its up() started from (or fails).",
  check({ downChecks }) {
    return (downChecks?.migrations ?? []).flatMap((migration): RuleFinding[] => {
      const check = migration.downCheck;
      if (!check) return [];
      const at = downLocation(migration);
      if (check.downFailure) {
        const failure = check.downFailure;
        const deliberate = !failure.code && !failure.statement;
        if (deliberate) {
          return [{ key: `${migration.name}\nthrows`, object: migration.name, ...at, noticeOnly: true, message: `${migration.name}'s down() refuses to run ("${failure.message}"): it cannot be rolled back, on purpose.`, hint: "Nothing to do if that is intended: a rollback past it needs a restore or a new forward migration." }];
        }
        return [{
          key: `${migration.name}\nfails`,
          object: migration.name,
          ...(migration.location && { location: { file: migration.location.file, line: failure.statementLine ?? at.location?.line ?? migration.location.line } }),
          message: `${migration.name}'s down() fails right after its up(): ${failure.message}${failure.code ? ` (${failure.code})` : ""}.`,
          ...(failure.statement && { detail: failure.statement }),
          hint: "A rollback stops at this statement. Make down() undo exactly what up() did, in reverse order, or throw on purpose if it cannot be undone.",
        }];
      }
      if (!check.afterDown) return [];
      const items = targetDrift({ target: check.afterDown, replayed: check.before, tracking: downChecks!.tracking });
      return items.map((item) => ({
        key: `${migration.name}\n${item.kind} ${item.object} ${item.change}`,
        object: item.object,
        ...at,
        message: `${migration.name}'s down() ${describe(item)}.`,
        hint: item.change === "extra" ? "down() must remove what up() created (and create nothing that was not there): add the statement that drops it, or remove the one that creates it." : item.change === "missing" ? "down() drops something up() did not create: drop only what up() made." : "Make down() put it back as it was before up().",
      }));
    });
  },
};

function describe(item: DriftItem): string {
  const what = `${item.kind} ${item.object}${item.name ? ` ("${item.name}")` : ""}`;
  if (item.change === "extra") return `leaves ${what} behind, which was not there before up()`;
  if (item.change === "missing") return `removes ${what}, which was there before up() ran`;
  const detail = item.detail?.replace(/ on the target/g, " after down()").replace(/ from the migrations/g, " before up()");
  return `leaves ${what} changed${detail ? `: ${detail}` : ""}`;
}

export function downLocation(migration: MigrationRecord): { location?: { file: string; line: number } } {
  if (!migration.location) return {};
  return { location: { file: migration.location.file, line: migration.downCheck?.downLine ?? migration.location.line } };
}
