import fs from "node:fs";
import type { MigrationTouches } from "../engine/result.js";
import { createdTablesIn, touchesIn } from "./created-tables.js";

export interface ScannedMigration {
  /** `schema.table` */
  tables: string[];
  touches: MigrationTouches;
}

const STRING_LITERAL = /`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/gs;
/** queryRunner.createTable(new Table({ name: "x" ... })) */
const NEW_TABLE = /new\s+Table\s*\(\s*\{\s*name\s*:\s*["'`]([^"'`]+)["'`]/g;

/**
 * What a migration file's up() does, read from its source without running it: the SQL in its
 * string literals and TypeORM's Table builder. For a migration that failed (the statements
 * after the failing one never ran) or one that never ran at all (not registered), this is how
 * the gate can say "created by X" instead of "no migration creates it".
 */
export function scanMigrationSource(file: string): ScannedMigration {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { tables: [], touches: touchesIn([]) };
  }
  const up = upBody(text);
  const sql = [...up.matchAll(STRING_LITERAL)].map((match) => match[0].slice(1, -1).replace(/\\(["'`\\])/g, "$1"));
  const tables = new Set(sql.flatMap((statement) => createdTablesIn(statement)));
  for (const match of up.matchAll(NEW_TABLE)) {
    const name = match[1]!;
    tables.add(name.includes(".") ? name : `public.${name}`);
  }
  return { tables: [...tables], touches: touchesIn(sql) };
}

/** From `up(` to `down(` (or the end): down() recreates what up() drops, which up() does not create. */
function upBody(text: string): string {
  const start = text.search(/\bup\s*\(/);
  if (start === -1) return text;
  const rest = text.slice(start);
  const end = rest.search(/\bdown\s*\(/);
  return end === -1 ? rest : rest.slice(0, end);
}
