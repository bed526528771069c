import type { MigrationTouches } from "../engine/result.js";

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const CREATE_TABLE = new RegExp(
  String.raw`(?:^|;)\s*CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?`,
  "gi",
);

/**
 * `schema.table` for every CREATE TABLE in a query, as Postgres would name it: quoted names
 * keep their case, unquoted ones fold to lower case, unqualified ones land in public.
 * Used only to tell "no migration creates this table" from "the migration that creates it failed".
 */
export function createdTablesIn(query: string): string[] {
  const tables: string[] = [];
  for (const match of query.matchAll(CREATE_TABLE)) {
    const first = normalize(match[1]!);
    tables.push(match[2] ? `${first}.${normalize(match[2])}` : `public.${first}`);
  }
  return tables;
}

function normalize(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replace(/""/g, '"') : identifier.toLowerCase();
}

const ADD_COLUMN = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+((?:ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}[^,;]*?(?:,\s*|$|(?=;)))+)`,
  "gi",
);
const ADD_ONE = new RegExp(String.raw`ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(${IDENT})`, "gi");
const NOT_COLUMNS = new Set(["constraint", "primary", "unique", "foreign", "check", "exclude"]);

/** `schema.table.column` for every column an ALTER TABLE ... ADD [COLUMN] in the query adds. */
export function addedColumnsIn(query: string): string[] {
  const columns: string[] = [];
  for (const match of query.matchAll(ADD_COLUMN)) {
    const first = normalize(match[1]!);
    const table = match[2] ? `${first}.${normalize(match[2])}` : `public.${first}`;
    for (const add of match[3]!.matchAll(ADD_ONE)) {
      const raw = add[1]!;
      if (!raw.startsWith('"') && NOT_COLUMNS.has(raw.toLowerCase())) continue;
      columns.push(`${table}.${normalize(raw)}`);
    }
  }
  return columns;
}

const CREATE_INDEX = new RegExp(
  String.raw`CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s+)?ON\s+(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s*(?:USING\s+\w+\s*)?\(([^)]*)\)`,
  "gi",
);
const ADD_UNIQUE = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+ADD\s+(?:CONSTRAINT\s+${IDENT}\s+)?(?:UNIQUE|PRIMARY\s+KEY)\s*\(([^)]*)\)`,
  "gi",
);

/** `schema.table(a,b)` (columns sorted) for every index or unique constraint the query creates. */
export function createdIndexesIn(query: string): string[] {
  const found: string[] = [];
  for (const match of [...query.matchAll(CREATE_INDEX), ...query.matchAll(ADD_UNIQUE)]) {
    const first = normalize(match[1]!);
    const table = match[2] ? `${first}.${normalize(match[2])}` : `public.${first}`;
    const columns = match[3]!.split(",").map((c) => normalize(c.trim().split(/\s+/)[0] ?? "")).filter(Boolean);
    found.push(indexKey(table, columns));
  }
  return found;
}

export function indexKey(table: string, columns: readonly string[]): string {
  return `${table}(${[...columns].sort().join(",")})`;
}

const ALTER_COLUMN = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+ALTER\s+(?:COLUMN\s+)?(${IDENT})`,
  "gi",
);
const ADD_FOREIGN_KEY = new RegExp(
  String.raw`ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${IDENT})(?:\s*\.\s*(${IDENT}))?\s+ADD\s+(?:CONSTRAINT\s+${IDENT}\s+)?FOREIGN\s+KEY\s*\(([^)]*)\)`,
  "gi",
);
const CREATED_NAME = new RegExp(
  String.raw`(?:CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?|ADD\s+CONSTRAINT\s+|CREATE\s+TYPE\s+(?:${IDENT}\s*\.\s*)?|CREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s*\.\s*)?|CREATE\s+SEQUENCE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${IDENT}\s*\.\s*)?)(${IDENT})`,
  "gi",
);
const DROPPED_NAME = new RegExp(
  String.raw`DROP\s+(?:INDEX|CONSTRAINT)\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(?:${IDENT}\s*\.\s*)?(${IDENT})`,
  "gi",
);

export function touchesIn(statements: readonly string[]): MigrationTouches {
  const touches: MigrationTouches = { columns: [], alteredColumns: [], indexes: [], foreignKeys: [], names: [], dropped: [] };
  const tableOf = (m: RegExpMatchArray) => {
    const first = normalize(m[1]!);
    return m[2] ? `${first}.${normalize(m[2])}` : `public.${first}`;
  };
  for (const sql of statements) {
    touches.columns.push(...addedColumnsIn(sql));
    touches.indexes.push(...createdIndexesIn(sql));
    for (const m of sql.matchAll(ALTER_COLUMN)) touches.alteredColumns.push(`${tableOf(m)}.${normalize(m[3]!)}`);
    for (const m of sql.matchAll(ADD_FOREIGN_KEY)) touches.foreignKeys.push(indexKey(tableOf(m), m[3]!.split(",").map((c) => normalize(c.trim())).filter(Boolean)));
    for (const m of sql.matchAll(CREATED_NAME)) touches.names.push(normalize(m[1]!));
    for (const m of sql.matchAll(DROPPED_NAME)) touches.dropped.push(normalize(m[1]!));
  }
  for (const key of Object.keys(touches) as Array<keyof MigrationTouches>) touches[key] = [...new Set(touches[key])];
  return touches;
}
