import path from "node:path";
import type { Rule, RuleFinding } from "./rule.js";

/**
 * A migration that was already merged (it exists at base-ref) and has been edited since.
 * Databases that applied it never run it again (drizzle-orm stores a hash it never compares;
 * TypeORM matches by class name), so the edit reaches only fresh databases: the gate's own run
 * passes, staging and production silently lack the change.
 */
export const editedMigration: Rule = {
  id: "edited-migration",
  defaultSeverity: "error",
  description: "A migration that already exists on the base revision was edited: databases that applied it never see the change.",
  check({ editedMigrations, orm }) {
    const raised = new Map((editedMigrations ?? []).flatMap((e) => (e.raisedWhen ? [[e.raisedWhen.tag, e.raisedWhen] as const] : [])));
    return (editedMigrations ?? []).map((edited): RuleFinding => {
      if (edited.raisedWhen) {
        const { tag, before, after } = edited.raisedWhen;
        return {
          key: `when:${tag}`,
          object: tag,
          location: { file: edited.file, line: edited.line },
          message: `The journal entry of ${tag}, merged with when ${before}, now has when ${after}: every database that already applied it will run it again (drizzle-orm's migrator applies entries newer than the newest applied created_at), and unless every statement in it is idempotent (IF NOT EXISTS), fail on what it created the first time.`,
          hint: `Restore its "when" to ${before} (and its .sql as merged): regenerating the migrations folder rewrites merged entries. Put new changes in a new migration (npx drizzle-kit generate).`,
        };
      }
      const whenToo = raised.get(path.basename(edited.file, ".sql"));
      return {
      key: path.basename(edited.file),
      object: path.basename(edited.file),
      location: { file: edited.file, line: edited.line },
      message: whenToo
        ? `${path.basename(edited.file)} was edited after it was merged (it differs from ${edited.baseRef}), and its journal entry's when was raised too: databases that already applied it will run the edited version again, and fail on what it created the first time.`
        : `${path.basename(edited.file)} was edited after it was merged (it differs from ${edited.baseRef}): databases that already applied it will never run the change, because ${orm === "drizzle" ? "drizzle-orm's migrator never compares the stored hash" : "TypeORM never runs a migration of the same name again"}.`,
      hint: `Revert the edit and put the change in a new migration (${orm === "drizzle" ? "npx drizzle-kit generate" : "npx typeorm migration:generate"}). If no database has applied it yet (it was merged minutes ago), ignore this finding with that reason.`,
      };
    });
  },
};
