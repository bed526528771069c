import type { Queryable } from "./introspect.js";
import { normalizeDefault } from "./normalize.js";
import { qualifiedName, type ActualSchema, type ActualTable, type ExpectedColumn, type ExpectedSchema } from "./model.js";

/**
 * Defaults that are spelled differently but give the same value: `0` and `'0'::double
 * precision`, `0` and `0.00` on a numeric, `ARRAY[]::integer[]` and `'{}'::integer[]`,
 * `'EVM'::character varying` and `'EVM'::text` on a column whose type is its own finding.
 * Canonicalization cannot fold these (Postgres keeps the literal as written), so the values
 * are compared instead: Postgres evaluates both, cast to the column's actual type, and says
 * whether they are equal. Only constant expressions are evaluated (literals, casts, ARRAY[]),
 * never a function call, so nothing volatile or user-defined runs.
 *
 * Returns the expected schema with such defaults replaced by the database's own text, so the
 * pure diff sees them equal. Runs on the throwaway database only.
 */
export async function equalizeDefaults(db: Queryable, expected: ExpectedSchema, actual: ActualSchema): Promise<ExpectedSchema> {
  const actualTables = new Map(actual.tables.map((table) => [qualifiedName(table), table]));
  const replaced = new Map<ExpectedColumn, string>();
  await db.query("BEGIN READ ONLY");
  try {
    await compareAll(db, expected, actualTables, replaced);
  } finally {
    await db.query("ROLLBACK");
  }
  if (replaced.size === 0) return expected;
  return {
    ...expected,
    tables: expected.tables.map((table) => ({
      ...table,
      columns: table.columns.map((column) => (replaced.has(column) ? { ...column, default: replaced.get(column)! } : column)),
    })),
  };
}

async function compareAll(db: Queryable, expected: ExpectedSchema, actualTables: ReadonlyMap<string, ActualTable>, replaced: Map<ExpectedColumn, string>): Promise<void> {
  for (const table of expected.tables) {
    const found = actualTables.get(qualifiedName(table));
    if (!found) continue;
    for (const column of table.columns) {
      const actualColumn = found.columns.find((c) => c.name === column.name);
      if (!actualColumn || column.serial || column.identity || column.generated) continue;
      const [mine, theirs] = [column.default, actualColumn.default];
      if (mine === undefined || theirs === undefined || normalizeDefault(mine) === normalizeDefault(theirs)) continue;
      if (!isConstant(mine) || !isConstant(theirs)) continue;
      if (await sameValue(db, mine, theirs, actualColumn.type)) replaced.set(column, theirs);
    }
  }
}

async function sameValue(db: Queryable, a: string, b: string, type: string): Promise<boolean> {
  await db.query("SAVEPOINT mg_default");
  try {
    const { rows } = await db.query<{ same: boolean }>(`SELECT ((${a})::${type}) IS NOT DISTINCT FROM ((${b})::${type}) AS same`);
    await db.query("RELEASE SAVEPOINT mg_default");
    return rows[0]?.same === true;
  } catch {
    await db.query("ROLLBACK TO SAVEPOINT mg_default");
    return false;
  }
}

const STRING_LITERAL = /'(?:[^']|'')*'/g;
/** `::double precision`, `::character varying(255)`, `::timestamp(3) with time zone`, `::integer[]`, `::"my enum"`. */
const CAST = /::\s*(?:"(?:[^"]|"")+"|[a-z_][\w$]*)(?:\s*\.\s*(?:"(?:[^"]|"")+"|[a-z_][\w$]*))?(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone)(?:\s*\(\s*\d+\s*\))?)*(?:\s*\[\s*\])*/gi;

/** Literals, casts, signs, arithmetic and ARRAY[...]: nothing that calls a function. */
export function isConstant(expression: string): boolean {
  const bare = expression.replace(STRING_LITERAL, "''").replace(CAST, "");
  if (/[;]/.test(bare)) return false;
  const words = bare.match(/[a-z_][\w$]*/gi) ?? [];
  return words.every((word) => /^(array|true|false|null)$/i.test(word));
}
