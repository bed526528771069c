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
