import path from "node:path";
import type { Rule } from "./rule.js";

/** SQLSTATEs of "it is already there": duplicate table, column, object (type, constraint), schema, function, database. */
const ALREADY_THERE = new Set(["42P07", "42701", "42710", "42P06", "42723", "42P04"]);

/**
 * A migration of the change that fails on a database built without migrations (TypeORM's
 * synchronize, drizzle-kit push) and then baselined (every base migration recorded as run),
 * because what it creates is already there: the seed incident's environments. Found by running
 * the head's migrator on such a database (simulate-synchronize / simulate-push).
 */
export const notIdempotent: Rule = {
  id: "not-idempotent",
  defaultSeverity: "error",
  description: "A migration fails on databases built by synchronize or drizzle-kit push, because what it creates already exists there.",
  check({ baselined }) {
    if (!baselined) return [];
    const built = baselined.kind === "synchronize" ? "TypeORM's synchronize" : "drizzle-kit push";
    return baselined.migrations
      .filter((m) => m.status === "failed" && m.failure?.code && ALREADY_THERE.has(m.failure.code))
      .map((m) => ({
        key: m.name,
        object: m.name,
        ...(m.location && { location: { file: m.location.file, line: m.failure?.statementLine ?? m.location.line } }),
        message: `${m.name} fails on databases built by ${built} from ${baselined.baseRef} and baselined: ${m.failure!.message} (${m.failure!.code}). Fresh databases run it.`,
        ...(m.failure?.statement && { detail: m.failure.statement }),
        hint: `Make it accept what ${built} already made: CREATE TABLE IF NOT EXISTS, ADD COLUMN IF NOT EXISTS, CREATE INDEX IF NOT EXISTS, and for constraints and types a DO block that checks pg_constraint / pg_type first${m.location ? ` (in ${path.basename(m.location.file)})` : ""}.`,
      }));
  },
};
