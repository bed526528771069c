/**
 * deploy-check's data probes: pending statements that can fail on rows the target already has
 * (SET NOT NULL, ADD COLUMN ... NOT NULL without a default, a unique constraint or index, a
 * primary key, a foreign key, a CHECK, a type change), each turned into one read-only count on
 * the target. The count is all that is read: never the rows.
 *
 * A statement is only probed when nothing pending before it changes the table's rows (an
 * UPDATE that backfills the column first is the usual pattern): the count would describe rows
 * the deploy never validates. Such statements, huge tables and timeouts are reported as skipped.
 */
import type { MigrationRecord, SourceLocation } from "./result.js";
import { qualifiedName, quoteIdentifier, type TableName } from "../schema/model.js";
import type { TargetSnapshot } from "../postgres/target-database.js";

export type ProbeKind = "not-null" | "required-column" | "unique" | "primary-key" | "foreign-key" | "check" | "type";

export interface DataProbe {
  migration: string;
  location?: SourceLocation;
  statement: string;
  kind: ProbeKind;
  table: TableName;
  columns: string[];
  /** What the count means, for the message: "rows with NULL in email". */
  counts: string;
  /** The SELECT count(*) to run; absent when skipped. */
  sql?: string;
  /** Why it is not counted (a backfill first, a huge table, a Postgres too old for the check). */
  skipped?: string;
}

export interface ProbeLimits {
  /** Tables estimated above this many rows are not scanned. */
  maxRows: number;
  targetMajor: number;
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QNAME = String.raw`${IDENT}(?:\s*\.\s*${IDENT})?`;

/** The probes the pending migrations' statements call for, in the order the deploy runs them. */
export function planProbes(pending: readonly MigrationRecord[], target: TargetSnapshot, limits: ProbeLimits): DataProbe[] {
  const probes: DataProbe[] = [];
  /** Tables whose rows a pending statement changes, with the migration that does it. */
  const rewritten = new Map<string, string>();
  /** Tables created by a pending statement: empty when later statements run. */
  const created = new Set<string>();
  for (const migration of pending) {
    for (const raw of migration.statements ?? []) {
      const statement = normalize(raw);
      for (const found of probesOf(statement)) {
        const name = qualifiedName(found.table);
        if (created.has(name)) continue;
        const table = target.catalog.tables.find((t) => qualifiedName(t) === name);
        if (!table) continue;
        const missingColumn = found.columns.find((c) => !table.columns.some((col) => col.name === c));
        // A column a pending migration adds: its values are the deploy's, not the target's (ADD COLUMN NOT NULL is probed as such).
        if (missingColumn && found.kind !== "required-column") continue;
        const probe: DataProbe = { migration: migration.name, ...(migration.location && { location: migration.location }), statement: raw.trim(), ...found };
        const estimated = target.estimatedRows.get(name) ?? 0;
        if (rewritten.has(name)) probe.skipped = `${rewritten.get(name)} changes rows of ${name} before this statement runs, so today's rows say nothing about it`;
        else if (estimated > limits.maxRows) probe.skipped = `${name} has about ${Math.round(estimated).toLocaleString("en-US")} rows, more than the ${limits.maxRows.toLocaleString("en-US")} the probes scan`;
        else if (found.kind === "type" && limits.targetMajor < 16) probe.skipped = `checking values against a new type needs pg_input_is_valid (Postgres 16+); the target runs ${limits.targetMajor}`;
        else probe.sql = found.sql;
        probes.push(probe);
      }
      const dml = new RegExp(String.raw`^(?:WITH\b.*?\b)?(?:UPDATE\s+(?:ONLY\s+)?(${QNAME})|DELETE\s+FROM\s+(?:ONLY\s+)?(${QNAME})|INSERT\s+INTO\s+(${QNAME})|TRUNCATE\s+(?:TABLE\s+)?(?:ONLY\s+)?(${QNAME}))`, "is").exec(statement);
      const target_ = dml && (dml[1] ?? dml[2] ?? dml[3] ?? dml[4]);
      if (target_) rewritten.set(qualifiedName(tableName(target_)), migration.name);
      // A DO block or a function call may change any rows: probes after it would guess.
      if (/^(DO\b|SELECT\s+.*\(|CALL\b)/is.test(statement)) for (const t of target.catalog.tables) rewritten.set(qualifiedName(t), migration.name);
      const create = new RegExp(String.raw`^CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${QNAME})`, "i").exec(statement);
      if (create && !target.catalog.tables.some((t) => qualifiedName(t) === qualifiedName(tableName(create[1]!)))) created.add(qualifiedName(tableName(create[1]!)));
    }
  }
  return probes;
}

type Found = Pick<DataProbe, "kind" | "table" | "columns" | "counts"> & { sql: string };

function probesOf(statement: string): Found[] {
  const alter = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QNAME})\s+(.*)$`, "is").exec(statement);
  if (alter) {
    const table = tableName(alter[1]!);
    return splitTopLevel(alter[2]!, ",").flatMap((action) => alterAction(table, action.trim()));
  }
  const index = new RegExp(String.raw`^CREATE\s+UNIQUE\s+INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s+)?ON\s+(?:ONLY\s+)?(${QNAME})\s*(?:USING\s+\w+\s*)?\((.*?)\)\s*(?:INCLUDE\s*\(.*?\)\s*)?(?:NULLS\s+(?:NOT\s+)?DISTINCT\s*)?(?:WHERE\s+(.*))?$`, "is").exec(statement);
  if (index) {
    const columns = columnList(index[2]!);
    if (!columns) return [];
    const table = tableName(index[1]!);
    return [duplicates(table, columns, index[3]?.trim(), "unique")];
  }
  return [];
}

function alterAction(table: TableName, action: string): Found[] {
  const from = fromClause(table);
  const setNotNull = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+SET\s+NOT\s+NULL$`, "i").exec(action);
  if (setNotNull) {
    const column = identifier(setNotNull[1]!);
    return [{ kind: "not-null", table, columns: [column], counts: `rows with NULL in ${column}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${quoteIdentifier(column)} IS NULL` }];
  }
  const type = new RegExp(String.raw`^ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+(?:SET\s+DATA\s+)?TYPE\s+(.+?)$`, "is").exec(action);
  if (type) {
    // USING rewrites the values with an expression of its own: nothing to check them against here.
    if (/\bUSING\b/i.test(type[2]!) || /\bCOLLATE\b/i.test(type[2]!)) return [];
    const column = identifier(type[1]!);
    return [{ kind: "type", table, columns: [column], counts: `values in ${column} that do not convert to ${type[2]!.trim()}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${quoteIdentifier(column)} IS NOT NULL AND NOT pg_input_is_valid(${quoteIdentifier(column)}::text, ${literal(type[2]!.trim())})` }];
  }
  const addColumn = new RegExp(String.raw`^ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})\s+(.+)$`, "is").exec(action);
  if (addColumn && !/^(CONSTRAINT|PRIMARY|UNIQUE|FOREIGN|CHECK|EXCLUDE)$/i.test(addColumn[1]!)) {
    const definition = addColumn[2]!;
    if (/\bNOT\s+NULL\b/i.test(definition) && !/\b(DEFAULT|GENERATED|SERIAL|BIGSERIAL|SMALLSERIAL|SERIAL4|SERIAL8|SERIAL2)\b/i.test(definition) && !/\bPRIMARY\s+KEY\b/i.test(definition)) {
      const column = identifier(addColumn[1]!);
      return [{ kind: "required-column", table, columns: [column], counts: `rows, which would get NULL in the new NOT NULL column ${column} (it has no default)`, sql: `SELECT count(*) AS count FROM ${from}` }];
    }
    return [];
  }
  const constraint = new RegExp(String.raw`^ADD\s+(?:CONSTRAINT\s+${IDENT}\s+)?(UNIQUE|PRIMARY\s+KEY|FOREIGN\s+KEY|CHECK)\s*(.*)$`, "is").exec(action);
  if (!constraint || /\bNOT\s+VALID\s*$/i.test(action)) return [];
  const what = constraint[1]!.toUpperCase().replace(/\s+/g, " ");
  const rest = constraint[2]!;
  if (what === "UNIQUE" || what === "PRIMARY KEY") {
    const list = /^(?:NULLS\s+(?:NOT\s+)?DISTINCT\s*)?\((.*?)\)/is.exec(rest);
    const columns = list && columnList(list[1]!);
    if (!columns) return [];
    const found = duplicates(table, columns, undefined, what === "UNIQUE" ? "unique" : "primary-key");
    if (what === "UNIQUE") return [found];
    const nulls = columns.map((c) => `${quoteIdentifier(c)} IS NULL`).join(" OR ");
    return [found, { kind: "primary-key", table, columns, counts: `rows with NULL in ${columns.join(", ")}`, sql: `SELECT count(*) AS count FROM ${from} WHERE ${nulls}` }];
  }
  if (what === "FOREIGN KEY") {
    const fk = new RegExp(String.raw`^\((.*?)\)\s*REFERENCES\s+(${QNAME})\s*(?:\((.*?)\))?`, "is").exec(rest);
    const columns = fk && columnList(fk[1]!);
    const referenced = fk?.[3] ? columnList(fk[3]) : undefined;
    if (!fk || !columns || !referenced || referenced.length !== columns.length) return [];
    const parent = tableName(fk[2]!);
    const present = columns.map((c) => `c.${quoteIdentifier(c)} IS NOT NULL`).join(" AND ");
    const join = columns.map((c, i) => `p.${quoteIdentifier(referenced[i]!)} = c.${quoteIdentifier(c)}`).join(" AND ");
    return [
      {
        kind: "foreign-key",
        table,
        columns,
        counts: `rows whose ${columns.join(", ")} match no row of ${qualifiedName(parent)}`,
        sql: `SELECT count(*) AS count FROM ${from} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${fromClause(parent)} p WHERE ${join})`,
      },
    ];
  }
  const check = /^\((.*)\)\s*(?:NO\s+INHERIT\s*)?$/is.exec(rest);
  if (!check) return [];
  return [{ kind: "check", table, columns: [], counts: `rows that violate CHECK (${check[1]!.trim()})`, sql: `SELECT count(*) AS count FROM ${from} WHERE NOT (${check[1]})` }];
}

function duplicates(table: TableName, columns: string[], where: string | undefined, kind: "unique" | "primary-key"): Found {
  const cols = columns.map(quoteIdentifier).join(", ");
  // NULLs never collide in a unique index (NULLS DISTINCT, the default).
  const filter = [...columns.map((c) => `${quoteIdentifier(c)} IS NOT NULL`), ...(where ? [`(${where})`] : [])].join(" AND ");
  return { kind, table, columns, counts: `groups of rows sharing one ${columns.join(", ")}${where ? ` (WHERE ${where})` : ""}`, sql: `SELECT count(*) AS count FROM (SELECT 1 FROM ${fromClause(table)} WHERE ${filter} GROUP BY ${cols} HAVING count(*) > 1) AS duplicates` };
}

/** Comments out, whitespace collapsed, no trailing semicolon: statements as one line. */
function normalize(statement: string): string {
  return statement
    .replace(/--[^\n]*/g, " ")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/;$/, "")
    .trim();
}

/** Splits at `separator` outside parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = "";
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === separator && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** Plain column names only (an expression index cannot be counted this way): undefined otherwise. */
function columnList(text: string): string[] | undefined {
  const items = splitTopLevel(text, ",").map((s) => s.trim().replace(/\s+(ASC|DESC)(\s+NULLS\s+(FIRST|LAST))?$/i, "").replace(/\s+NULLS\s+(FIRST|LAST)$/i, ""));
  if (items.length === 0 || !items.every((item) => new RegExp(`^${IDENT}$`).test(item))) return undefined;
  return items.map(identifier);
}

function identifier(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();
}

/** `"billing"."invoices"`, `users`: unqualified names are in public (the search_path migrations run with). */
function tableName(text: string): TableName {
  const parts = splitTopLevel(text, ".").map((p) => identifier(p.trim()));
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: "public", name: parts[0]! };
}

function fromClause(table: TableName): string {
  return `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
