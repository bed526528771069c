/**
 * The dry run's blind spot: it runs the pending migrations on the chain replayed up to the
 * target's applied point, which has nothing made by hand on the target. A pending CREATE of a
 * name the target already uses (a table made by hand, a view, a sequence named like a new
 * index: relations share one namespace per schema), or an ADD COLUMN of a column it already
 * has, passes there and fails on the deploy. Found from the pending statements and the target's
 * catalog, read-only; IF NOT EXISTS statements are left out (they tolerate it).
 */
import type { MigrationRecord } from "./result.js";
import type { TargetSnapshot } from "../postgres/target-database.js";

export interface Collision {
  migration: string;
  location?: { file: string; line: number };
  statement: string;
  /** `public.file`, `public.users.nickname`. */
  object: string;
  /** What the statement creates: "table", "index", "column"... */
  creates: string;
  /** What the target has under that name: "view", "sequence", "column"... */
  existing: string;
}

const RELKINDS: Record<string, string> = { r: "table", p: "partitioned table", v: "view", m: "materialized view", S: "sequence", i: "index", I: "partitioned index", f: "foreign table", c: "composite type" };

const NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`(${NAME}(?:\s*\.\s*${NAME})?)`;
const CREATE_RELATION = new RegExp(String.raw`^\s*CREATE\s+(?:UNLOGGED\s+|TEMP(?:ORARY)?\s+)?(TABLE|VIEW|MATERIALIZED\s+VIEW|SEQUENCE)\s+(?!IF\s+NOT\s+EXISTS\b)${QUALIFIED}`, "i");
const CREATE_INDEX = new RegExp(String.raw`^\s*CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?(?!IF\s+NOT\s+EXISTS\b)(${NAME})\s+ON\s+(?:ONLY\s+)?${QUALIFIED}`, "i");
const ALTER_TABLE = new RegExp(String.raw`^\s*ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QUALIFIED}\s+([\s\S]*)$`, "i");
const ADD_COLUMN = new RegExp(String.raw`(?:^|,)\s*ADD\s+(?:COLUMN\s+)?(?!IF\s+NOT\s+EXISTS\b|CONSTRAINT\b|PRIMARY\b|UNIQUE\b|FOREIGN\b|CHECK\b|EXCLUDE\b)(${NAME})`, "gi");

export function findCollisions({ pending, snapshot, defaultSchema }: { pending: MigrationRecord[]; snapshot: Pick<TargetSnapshot, "catalog" | "relations">; defaultSchema: string }): Collision[] {
  const collisions: Collision[] = [];
  const earlier: string[] = [];
  for (const migration of pending) {
    // A migration that failed in the dry run is reported as such; what it would do after is moot.
    if (migration.status !== "applied") break;
    for (const statement of migration.statements ?? []) {
      const found = collisionOf(statement, snapshot, defaultSchema);
      // An earlier pending statement that drops or renames it makes room: not a collision.
      if (found && !earlier.some((s) => /\b(DROP|RENAME)\b/i.test(s) && s.includes(found.name))) {
        collisions.push({ migration: migration.name, ...(migration.location && { location: migration.location }), statement, object: found.object, creates: found.creates, existing: found.existing });
      }
      earlier.push(statement);
    }
  }
  return collisions;
}

function collisionOf(statement: string, snapshot: Pick<TargetSnapshot, "catalog" | "relations">, defaultSchema: string): { object: string; name: string; creates: string; existing: string } | undefined {
  const relation = CREATE_RELATION.exec(statement);
  if (relation) {
    const [schema, name] = split(relation[2]!, defaultSchema);
    const kind = snapshot.relations.get(`${schema}.${name}`);
    return kind ? { object: `${schema}.${name}`, name, creates: relation[1]!.toLowerCase().replace(/\s+/g, " "), existing: RELKINDS[kind] ?? "relation" } : undefined;
  }
  const index = CREATE_INDEX.exec(statement);
  if (index) {
    // An index lives in its table's schema.
    const [schema] = split(index[2]!, defaultSchema);
    const name = unquote(index[1]!);
    const kind = snapshot.relations.get(`${schema}.${name}`);
    return kind ? { object: `${schema}.${name}`, name, creates: "index", existing: RELKINDS[kind] ?? "relation" } : undefined;
  }
  const alter = ALTER_TABLE.exec(statement);
  if (alter) {
    const [schema, table] = split(alter[1]!, defaultSchema);
    const columns = snapshot.catalog.tables.find((t) => t.schema === schema && t.name === table)?.columns ?? [];
    for (const add of alter[2]!.matchAll(ADD_COLUMN)) {
      const column = unquote(add[1]!);
      if (columns.some((c) => c.name === column)) return { object: `${schema}.${table}.${column}`, name: column, creates: "column", existing: "column" };
    }
  }
  return undefined;
}

function split(qualified: string, defaultSchema: string): [string, string] {
  const parts = qualified.match(new RegExp(NAME, "g"))!.map(unquote);
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [defaultSchema, parts[0]!];
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
}
