import { quoteIdentifier, type ActualSchema } from "../../schema/model.js";

/**
 * One statement of TypeORM's schema builder made safe to run where the object already exists
 * (a database built by synchronize or push has it), with the statement that undoes it.
 * Only the shapes TypeORM's Postgres query runner writes are rewritten; anything else is
 * refused (undefined), so a fix never carries a statement that fails on half the databases.
 */
export interface IdempotentStatement {
  up: string;
  /** Undefined: nothing to undo on its own (a comment on a column of a table the down drops). */
  down?: string;
}

const NAME = String.raw`((?:"(?:[^"]|"")+"\.)?"(?:[^"]|"")+")`;

export function makeIdempotent(statement: string, actual: ActualSchema): IdempotentStatement | undefined {
  const sql = statement.trim().replace(/;$/, "");
  let m: RegExpExecArray | null;
  if ((m = new RegExp(String.raw`^CREATE TABLE (?:IF NOT EXISTS )?${NAME}`, "i").exec(sql))) {
    return { up: sql.replace(/^CREATE TABLE (?:IF NOT EXISTS )?/i, "CREATE TABLE IF NOT EXISTS "), down: `DROP TABLE IF EXISTS ${m[1]}` };
  }
  if ((m = new RegExp(String.raw`^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?"((?:[^"]|"")+)" ON ${NAME}`, "i").exec(sql))) {
    const [schema] = splitName(m[3]!);
    const index = schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(unquote(m[2]!))}` : quoteIdentifier(unquote(m[2]!));
    return { up: sql.replace(/^CREATE (UNIQUE )?INDEX (?:IF NOT EXISTS )?/i, (_, unique: string | undefined) => `CREATE ${unique ?? ""}INDEX IF NOT EXISTS `), down: `DROP INDEX IF EXISTS ${index}` };
  }
  if ((m = new RegExp(String.raw`^ALTER TABLE ${NAME} ADD CONSTRAINT "((?:[^"]|"")+)"`, "i").exec(sql))) {
    // Postgres has no ADD CONSTRAINT IF NOT EXISTS: look the name up on that table first.
    const table = m[1]!;
    const name = unquote(m[2]!);
    return {
      up: guarded(`SELECT 1 FROM pg_constraint WHERE conname = ${literal(name)} AND conrelid = to_regclass(${literal(table)})`, sql),
      down: `ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(name)}`,
    };
  }
  if ((m = new RegExp(String.raw`^ALTER TABLE ${NAME} ADD (?:COLUMN )?(?:IF NOT EXISTS )?"((?:[^"]|"")+)"`, "i").exec(sql))) {
    return {
      up: sql.replace(/ ADD (?:COLUMN )?(?:IF NOT EXISTS )?"/i, ' ADD COLUMN IF NOT EXISTS "'),
      down: `ALTER TABLE ${m[1]} DROP COLUMN IF EXISTS ${quoteIdentifier(unquote(m[2]!))}`,
    };
  }
  if ((m = new RegExp(String.raw`^ALTER TABLE ${NAME} ALTER COLUMN "((?:[^"]|"")+)" (SET NOT NULL|DROP NOT NULL|SET DEFAULT .+|DROP DEFAULT)$`, "is").exec(sql))) {
    // Setting a column's nullability or default is idempotent already; undoing it restores what the chain left.
    const [table, column, action] = [m[1]!, unquote(m[2]!), m[3]!];
    const before = findColumn(actual, table, column);
    const alter = `ALTER TABLE ${table} ALTER COLUMN ${quoteIdentifier(column)}`;
    const down = /NOT NULL/i.test(action)
      ? `${alter} ${/^SET/i.test(action) ? "DROP NOT NULL" : "SET NOT NULL"}`
      : before?.default !== undefined
        ? `${alter} SET DEFAULT ${before.default}`
        : `${alter} DROP DEFAULT`;
    return { up: sql, down };
  }
  if ((m = new RegExp(String.raw`^CREATE TYPE ${NAME} AS ENUM`, "i").exec(sql))) {
    return { up: guarded(`SELECT 1 FROM pg_type WHERE oid = to_regtype(${literal(m[1]!)})`, sql), down: `DROP TYPE IF EXISTS ${m[1]}` };
  }
  if ((m = /^CREATE SCHEMA (?:IF NOT EXISTS )?("(?:[^"]|"")+")$/i.exec(sql))) {
    return { up: `CREATE SCHEMA IF NOT EXISTS ${m[1]}`, down: `DROP SCHEMA IF EXISTS ${m[1]}` };
  }
  if (/^COMMENT ON (?:COLUMN|TABLE) /i.test(sql)) return { up: sql };
  return undefined;
}

/** `IF NOT EXISTS (probe) THEN statement`: a DO block, dollar-quoted with a tag no TypeORM statement holds. */
function guarded(probe: string, statement: string): string {
  return `DO $migration_gate$ BEGIN IF NOT EXISTS (${probe}) THEN ${statement}; END IF; END $migration_gate$`;
}

export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function unquote(name: string): string {
  return name.replace(/^"|"$/g, "").replace(/""/g, '"');
}

/** `"schema"."name"` → [schema, name]; `"name"` → [undefined, name]. */
export function splitName(name: string): [string | undefined, string] {
  const parts = [...name.matchAll(/"((?:[^"]|"")+)"/g)].map((p) => p[1]!.replace(/""/g, '"'));
  return parts.length === 2 ? [parts[0], parts[1]!] : [undefined, parts[0]!];
}

function findColumn(actual: ActualSchema, table: string, column: string) {
  const [schema, name] = splitName(table);
  return actual.tables.find((t) => t.name === name && t.schema === (schema ?? "public"))?.columns.find((c) => c.name === column);
}
