import path from "node:path";
import type { MigrationRecord } from "../engine/result.js";
import { qualifiedName, type ExpectedTable } from "../schema/model.js";
import { createdByNoMigration, missingRelationOf, tableOwner } from "./relation-errors.js";
import type { Rule } from "./rule.js";

/** Next steps by Postgres SQLSTATE, for the failures migrations hit most. */
const HINTS_BY_CODE: Record<string, string> = {
  "42P01": "The table does not exist when this migration runs: a migration with an earlier timestamp must create it.",
  "42703": "The column does not exist when this migration runs: an earlier migration must add it, or the name differs (check the naming strategy, or Drizzle's casing).",
  "42704": "The type does not exist when this migration runs: create it (CREATE TYPE ... or CREATE EXTENSION) in an earlier migration.",
  "42P07": "The object already exists: use IF NOT EXISTS, or remove the duplicate CREATE from one of the migrations.",
  "42710": "The object already exists: use IF NOT EXISTS, or remove the duplicate from one of the migrations.",
  "42883": "The function does not exist: create the extension or function it comes from in an earlier migration.",
  "23502": "Existing rows violate the new NOT NULL: backfill them or give the column a default first.",
  "23505": "Existing rows violate the new unique constraint: deduplicate them first.",
};

/** A migration that throws on a database built from the migrations alone (staging, production). */
export const migrationFailed: Rule = {
  id: "migration-failed",
  defaultSeverity: "error",
  description: "A migration fails when the chain runs on an empty database.",
  check(context) {
    const { migrations, expected } = context;
    const createdByNone = createdByNoMigration(context);
    return migrations
      .filter((m) => m.status === "failed")
      .map((m) => {
        const failure = m.failure!;
        const missing = missingRelationOf(m, expected.tables);
        const uncreated = missing && createdByNone(missing);
        const drizzle = context.orm === "drizzle";
        // When no migration creates the table, the earlier failure is not the cause: do not suggest it.
        const afterFailure = m.ranAfterFailure && !uncreated ? " It ran after an earlier failure, which may be the real cause." : "";
        return {
          key: m.name,
          object: m.name,
          location: m.location && { file: m.location.file, line: failure.statementLine ?? m.location.line },
          message: `Migration ${m.name} failed: ${failure.message}${failure.code ? ` (${failure.code})` : ""}.`,
          detail: failure.statement && tidyStatement(failure.statement),
          hint: (uncreated ? noMigrationCreates(missing, m, drizzle) : (HINTS_BY_CODE[failure.code ?? ""] ?? "Run the migrations on an empty database to reproduce it.")) + afterFailure,
        };
      });
  },
};

function noMigrationCreates(table: ExpectedTable, migration: MigrationRecord, drizzle: boolean): string {
  const at = table.location ? ` (${path.basename(table.location.file)}:${table.location.line})` : "";
  const before = migration.timestamp !== undefined && !drizzle ? ` with a timestamp earlier than ${migration.timestamp}` : " that runs before this one";
  return `No migration creates ${qualifiedName(table)}, ${tableOwner(table)}${at}: only ${drizzle ? "drizzle-kit push" : "synchronize"} ever did. Add a CREATE TABLE migration${before}.`;
}

/** A statement as written in a template literal: without its surrounding blank lines and common indent. */
export function tidyStatement(statement: string): string {
  const lines = statement.replace(/^\s*\n/, "").trimEnd().split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
