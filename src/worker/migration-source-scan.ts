import fs from "node:fs";
import { addedColumnsIn, createdIndexesIn, createdTablesIn } from "./created-tables.js";

export interface ScannedObjects {
  /** `schema.table` */
  tables: string[];
  /** `schema.table.column` */
  columns: string[];
  /** Names of the indexes and constraints it drops. */
  dropped: string[];
  /** Indexes and uniques it creates: `schema.table(a,b)`, columns sorted. */
  indexes: string[];
}

const DROPPED = /DROP\s+(?:INDEX|CONSTRAINT)\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?(?:"[^"]+"\s*\.\s*)?("[^"]+"|[A-Za-z_][\w$]*)/gi;

const STRING_LITERAL = /`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/gs;
/** queryRunner.createTable(new Table({ name: "x" ... })) */
const NEW_TABLE = /new\s+Table\s*\(\s*\{\s*name\s*:\s*["'`]([^"'`]+)["'`]/g;

/**
 * What a migration file's up() creates, read from its source without running it: the SQL in
 * its string literals and TypeORM's Table builder. For a migration that failed (the statements
 * after the failing one never ran) or one that never ran at all (not registered), this is how
 * the gate can say "created by X" instead of "no migration creates it".
 */
export function scanMigrationSource(file: string): ScannedObjects {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { tables: [], columns: [], dropped: [], indexes: [] };
  }
  const up = upBody(text);
  const tables = new Set<string>();
  const columns = new Set<string>();
  const dropped = new Set<string>();
  const indexes = new Set<string>();
  for (const match of up.matchAll(STRING_LITERAL)) {
    const sql = match[0].slice(1, -1).replace(/\\(["'`\\])/g, "$1");
    for (const table of createdTablesIn(sql)) tables.add(table);
    for (const column of addedColumnsIn(sql)) columns.add(column);
    for (const index of createdIndexesIn(sql)) indexes.add(index);
    for (const drop of sql.matchAll(DROPPED)) dropped.add(drop[1]!.startsWith('"') ? drop[1]!.slice(1, -1) : drop[1]!.toLowerCase());
  }
  for (const match of up.matchAll(NEW_TABLE)) {
    const name = match[1]!;
    tables.add(name.includes(".") ? name : `public.${name}`);
  }
  return { tables: [...tables], columns: [...columns], dropped: [...dropped], indexes: [...indexes] };
}

/** From `up(` to `down(` (or the end): down() recreates what up() drops, which up() does not create. */
function upBody(text: string): string {
  const start = text.search(/\bup\s*\(/);
  if (start === -1) return text;
  const rest = text.slice(start);
  const end = rest.search(/\bdown\s*\(/);
  return end === -1 ? rest : rest.slice(0, end);
}
