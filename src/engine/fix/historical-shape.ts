import type { MigrationRecord } from "../result.js";

/**
 * A table the fix creates *before* migrations that already use it must have the shape those
 * migrations expect, not the entity's shape today: a later migration that adds a column (or a
 * constraint) would otherwise fail on "already exists". The failed migrations' touches (what
 * their SQL adds and creates, read from their source) say what to leave to them. Only
 * TypeORM's own CREATE TABLE layout is rewritten: `("col" type ..., CONSTRAINT "name" ...)`.
 */
export interface LeftToLater {
  /** `schema.table.column` → the failed migration that adds it. */
  columns: Map<string, MigrationRecord>;
  /** Index / constraint / type names → the failed migration that creates them. */
  names: Map<string, MigrationRecord>;
  /** `schema.table(a,b)` (sorted) → the failed migration that creates an index, unique or foreign key on them. */
  keys: Map<string, MigrationRecord>;
  /** Tables a failed migration creates itself. */
  tables: Map<string, MigrationRecord>;
}

export function leftToFailedMigrations(migrations: readonly MigrationRecord[]): LeftToLater {
  const left: LeftToLater = { columns: new Map(), names: new Map(), keys: new Map(), tables: new Map() };
  const put = (map: Map<string, MigrationRecord>, key: string, m: MigrationRecord) => map.has(key) || map.set(key, m);
  for (const m of migrations.filter((r) => r.status === "failed")) {
    for (const c of m.touches?.columns ?? []) put(left.columns, c, m);
    for (const n of m.touches?.names ?? []) put(left.names, n, m);
    for (const k of [...(m.touches?.indexes ?? []), ...(m.touches?.foreignKeys ?? [])]) put(left.keys, k, m);
    for (const t of m.createdTables) put(left.tables, t, m);
  }
  return left;
}

/** Does a failed migration's SQL touch this table (`schema.table`) at all: a column, an index, a key? */
export function touchesTable(migration: MigrationRecord, table: string): boolean {
  const t = migration.touches;
  if (!t) return false;
  return [...t.columns, ...t.alteredColumns].some((c) => c.startsWith(`${table}.`)) || [...t.indexes, ...t.foreignKeys].some((k) => k.startsWith(`${table}(`));
}

/**
 * CREATE TABLE "t" (...) without the columns and constraints later (failed) migrations add.
 * Returns the statement and the columns it left out (so statements about them are left out too).
 */
export function withoutLaterParts(statement: string, table: string, left: LeftToLater): { statement: string; removed: string[] } {
  const open = statement.indexOf("(");
  const close = statement.lastIndexOf(")");
  if (open < 0 || close < open) return { statement, removed: [] };
  const items = splitTopLevel(statement.slice(open + 1, close));
  const removed: string[] = [];
  const kept = items.filter((item) => {
    const column = /^"((?:[^"]|"")+)"\s/.exec(item.trim());
    if (column) {
      const name = column[1]!.replace(/""/g, '"');
      if (left.columns.has(`${table}.${name}`)) {
        removed.push(name);
        return false;
      }
      return true;
    }
    return true;
  });
  const final = kept.filter((item) => {
    const constraint = /^CONSTRAINT\s+"((?:[^"]|"")+)"\s+(?:PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE)\s*\((.*?)\)/is.exec(item.trim());
    if (!constraint) return true;
    const columns = [...constraint[2]!.matchAll(/"((?:[^"]|"")+)"/g)].map((m) => m[1]!);
    if (left.names.has(constraint[1]!)) return false;
    if (columns.some((c) => removed.includes(c))) return false;
    return !left.keys.has(`${table}(${[...columns].sort().join(",")})`) || /PRIMARY KEY/i.test(item);
  });
  if (final.length === items.length) return { statement, removed };
  return { statement: `${statement.slice(0, open + 1)}${final.map((i) => i.trim()).join(", ")}${statement.slice(close)}`, removed };
}

/** Splits at commas outside parentheses and quotes. */
function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
