import path from "node:path";
import type { MigrationRecord } from "../engine/result.js";
import { qualifiedName, type ExpectedTable } from "../schema/model.js";
import { createdByNoMigration, missingRelationOf, tableOwner } from "./relation-errors.js";
import type { FindingRef, Rule, RuleContext, RuleFinding } from "./rule.js";

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
    const failed = migrations.filter((m) => m.status === "failed");
    const missingObjects = expectedButMissing(context);
    return failed.map((m): RuleFinding => {
      const failure = m.failure!;
      const missing = missingRelationOf(m, expected.tables);
      const uncreated = missing && createdByNone(missing);
      const drizzle = context.orm === "drizzle";
      // When no migration creates the table, the earlier failure is not the cause.
      const cause = m.ranAfterFailure && !uncreated ? causeOf(m, failed.slice(0, failed.indexOf(m))) : undefined;
      const leaves = leavesMissing(m, missingObjects);
      return {
        key: m.name,
        object: m.name,
        location: m.location && { file: m.location.file, line: failure.statementLine ?? m.location.line },
        message: `Migration ${m.name} failed: ${failure.message}${failure.code ? ` (${failure.code})` : ""}.${leaves}`,
        detail: failure.statement && capStatement(tidyStatement(failure.statement)),
        hint: cause
          ? `It ran after ${cause.migration.name} failed, ${cause.because}: fix that one first, then run the gate again.`
          : (uncreated ? noMigrationCreates(missing, m, drizzle) : hintFor(failure, drizzle)) + (m.ranAfterFailure && !uncreated ? ` (It ran after an earlier failure; on a real deploy the chain stops at the first one.)` : ""),
        ...(cause && { cause: cause.ref }),
      };
    });
  },
};

interface Cause {
  migration: MigrationRecord;
  because: string;
  ref: FindingRef;
}

/**
 * Why a migration that ran after an earlier failure failed: the earlier one creates what it
 * lacks, or (when that cannot be told) it most likely follows from the first failure, since
 * the real chain would have stopped there.
 */
function causeOf(migration: MigrationRecord, earlier: MigrationRecord[]): Cause | undefined {
  if (earlier.length === 0) return undefined;
  const lacking = lackedObject(migration);
  const creator = lacking && earlier.find((m) => m.createdTables.includes(lacking) || (m.touches?.columns ?? []).includes(lacking) || (m.touches?.names ?? []).includes(lacking));
  if (creator) return { migration: creator, because: `which creates ${lacking}`, ref: { ruleId: "migration-failed", key: creator.name } };
  // Nothing says it depends on an earlier failure: its own finding, not grouped under one.
  return undefined;
}

/** `schema.table` of a missing relation (42P01), `schema.table.column` of a missing column (42703), the name of a missing index, constraint or type (42704). */
function lackedObject(migration: MigrationRecord): string | undefined {
  const message = migration.failure?.message ?? "";
  const qualify = (name: string) => (name.includes(".") ? name : `public.${name}`);
  const relation = /(?:relation|table) "([^"]+)" does not exist/.exec(message);
  if (migration.failure?.code === "42P01" && relation) return qualify(relation[1]!);
  const column = /column "([^"]+)" of relation "([^"]+)" does not exist/.exec(message);
  if (migration.failure?.code === "42703" && column) return `${qualify(column[2]!)}.${column[1]}`;
  // An index, constraint, type or sequence by name: what an earlier failed migration was to create.
  const named = /(?:index|constraint|type|sequence) "(?:[^"]+\.)?([^".]+)"(?: of relation "[^"]+")? does not exist/.exec(message);
  if (migration.failure?.code === "42704" && named) return named[1];
  const view = /view "(?:[^"]+\.)?([^".]+)" does not exist/.exec(message);
  if (migration.failure?.code === "42P01" && view) return view[1];
  return undefined;
}

/** Expected tables and columns the database lacks: `schema.table`, `schema.table.column`. */
function expectedButMissing({ expected, actual, diff }: RuleContext): Set<string> {
  const existing = new Set(actual.tables.map(qualifiedName));
  return new Set([
    ...expected.tables.filter((t) => !existing.has(qualifiedName(t))).map(qualifiedName),
    ...diff.missingColumns.map(({ table, column }) => `${qualifiedName(table)}.${column.name}`),
  ]);
}

/** " Until it is fixed, databases built from migrations lack public.a, public.b." */
function leavesMissing(migration: MigrationRecord, missing: ReadonlySet<string>): string {
  const objects = [...migration.createdTables, ...(migration.touches?.columns ?? [])].filter((object) => missing.has(object));
  if (objects.length === 0) return "";
  const shown = objects.slice(0, 8).join(", ") + (objects.length > 8 ? ` and ${objects.length - 8} more` : "");
  return ` Until it is fixed, databases built from migrations lack what it creates: ${shown}.`;
}

const MAX_STATEMENT_LINES = 12;
const MAX_STATEMENT_CHARS = 1200;

/** A statement short enough to read: a 1,387-placeholder INSERT is shown by its start. */
export function capStatement(statement: string): string {
  let text = statement;
  const lines = text.split("\n");
  if (lines.length > MAX_STATEMENT_LINES) text = lines.slice(0, MAX_STATEMENT_LINES).join("\n") + `\n... (${lines.length - MAX_STATEMENT_LINES} more lines)`;
  if (text.length > MAX_STATEMENT_CHARS) text = text.slice(0, MAX_STATEMENT_CHARS) + ` ... (${statement.length - MAX_STATEMENT_CHARS} more characters)`;
  return text;
}

/** Public images that ship an extension, for the hint. */
const KNOWN_IMAGES: Record<string, string> = { postgis: "postgis/postgis:17-3.5", vector: "pgvector/pgvector:pg17", timescaledb: "timescale/timescaledb:latest-pg17" };

/** The next step for a failure by its SQLSTATE, and the server's extensions when that is what is missing. */
function hintFor(failure: NonNullable<MigrationRecord["failure"]>, drizzle: boolean): string {
  const extension = /extension "([^"]+)" is not available|could not open extension control file ".*\/([^/"]+)\.control"/.exec(failure.message);
  if (extension) {
    const name = extension[1] ?? extension[2];
    return `The throwaway Postgres has no ${name} extension. Run the gate on a server that has it, as production does: postgres-image (e.g. ${KNOWN_IMAGES[name!] ?? `an image with ${name}`}) or database-url (a services: postgres container with the extension).`;
  }
  const type = /type "(?:[^"]+\.)?(geometry|geography|raster|box2d|box3d|hstore|citext|ltree|cube|vector|halfvec)" does not exist/i.exec(failure.message);
  if (type) {
    const from = /geometry|geography|raster|box2d|box3d/i.test(type[1]!) ? "postgis" : /vector|halfvec/i.test(type[1]!) ? "vector (pgvector)" : type[1]!.toLowerCase();
    return `Type ${type[1]} comes from the ${from} extension, which no earlier migration creates (CREATE EXTENSION IF NOT EXISTS ...) or the server lacks: add the CREATE EXTENSION to an earlier migration${/postgis|vector/.test(from) ? `, and run the gate where the extension is installed (postgres-image: ${from === "postgis" ? "postgis/postgis:17-3.5" : "pgvector/pgvector:pg17"}, or database-url)` : ""}.`;
  }
  const hint = HINTS_BY_CODE[failure.code ?? ""] ?? "Run the migrations on an empty database to reproduce it.";
  return drizzle ? hint.replace("a migration with an earlier timestamp", "an earlier migration") : hint;
}

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
