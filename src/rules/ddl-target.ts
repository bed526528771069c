/**
 * What a DDL statement from TypeORM's schema builder is about. Only the shapes TypeORM's
 * Postgres query runner writes are recognised; anything else is "unknown" and reported as is.
 */
export type DdlTarget =
  | { kind: "table"; table: string }
  | { kind: "column"; table: string; column: string; action: "add" | "drop" | "alter" | "rename" | "comment" }
  | { kind: "add-constraint"; table: string; name: string; type: "PRIMARY KEY" | "UNIQUE" | "FOREIGN KEY" | "CHECK"; columns: string[]; referenced?: string }
  | { kind: "drop-constraint"; table: string; name: string }
  | { kind: "create-index"; table: string; name: string; unique: boolean; columns: string[] }
  | { kind: "drop-index"; schema: string; name: string }
  | { kind: "enum"; name: string }
  | { kind: "view"; name: string }
  | { kind: "schema"; name: string }
  /** CREATE SEQUENCE ... OWNED BY t.c names its column; DROP SEQUENCE only its name (TypeORM's is `<table>_<column>_seq`). */
  | { kind: "sequence"; schema: string; name: string; owner?: { table: string; column: string } }
  | { kind: "bookkeeping" }
  | { kind: "unknown" };

const NAME = `((?:"[^"]+"\\.)?"[^"]+")`;

const PATTERNS: Array<[RegExp, (m: RegExpExecArray, schema: string) => DdlTarget]> = [
  [new RegExp(`^(?:INSERT INTO|DELETE FROM) ${NAME}`, "i"), () => ({ kind: "bookkeeping" })],
  [new RegExp(`^(?:CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?${NAME}`, "i"), (m, s) => ({ kind: "table", table: qualify(m[1]!, s) })],
  [
    new RegExp(`^ALTER TABLE ${NAME} ADD CONSTRAINT "([^"]+)" (PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK)\\s*\\((.*?)\\)(?: REFERENCES ${NAME})?`, "is"),
    (m, s) => ({ kind: "add-constraint", table: qualify(m[1]!, s), name: m[2]!, type: m[3]!.toUpperCase() as "UNIQUE", columns: identifiers(m[4]!), ...(m[5] && { referenced: qualify(m[5], s) }) }),
  ],
  [new RegExp(`^ALTER TABLE ${NAME} DROP CONSTRAINT "([^"]+)"`, "i"), (m, s) => ({ kind: "drop-constraint", table: qualify(m[1]!, s), name: m[2]! })],
  [new RegExp(`^ALTER TABLE ${NAME} ADD (?:COLUMN )?"([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1]!, s), column: m[2]!, action: "add" })],
  [new RegExp(`^ALTER TABLE ${NAME} DROP COLUMN "([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1]!, s), column: m[2]!, action: "drop" })],
  [new RegExp(`^ALTER TABLE ${NAME} ALTER COLUMN "([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1]!, s), column: m[2]!, action: "alter" })],
  [new RegExp(`^ALTER TABLE ${NAME} RENAME COLUMN "([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1]!, s), column: m[2]!, action: "rename" })],
  [new RegExp(`^COMMENT ON COLUMN ${NAME}\\."([^"]+)"`, "i"), (m, s) => ({ kind: "column", table: qualify(m[1]!, s), column: m[2]!, action: "comment" })],
  [
    new RegExp(`^CREATE (UNIQUE )?INDEX (?:CONCURRENTLY )?"([^"]+)" ON ${NAME}\\s*(?:USING \\w+\\s*)?\\((.*?)\\)`, "is"),
    (m, s) => ({ kind: "create-index", unique: Boolean(m[1]), name: m[2]!, table: qualify(m[3]!, s), columns: identifiers(m[4]!) }),
  ],
  [
    new RegExp(`^DROP INDEX (?:CONCURRENTLY )?(?:IF EXISTS )?${NAME}`, "i"),
    (m, s) => {
      const [schema, name] = split(m[1]!, s);
      return { kind: "drop-index", schema, name };
    },
  ],
  [new RegExp(`^(?:CREATE|ALTER|DROP) TYPE ${NAME}`, "i"), (m, s) => ({ kind: "enum", name: qualify(m[1]!, s).replace(/_old$/, "") })],
  [new RegExp(`^(?:CREATE|DROP) (?:MATERIALIZED )?VIEW (?:IF EXISTS )?${NAME}`, "i"), (m, s) => ({ kind: "view", name: qualify(m[1]!, s) })],
  [/^CREATE SCHEMA (?:IF NOT EXISTS )?"([^"]+)"/i, (m) => ({ kind: "schema", name: m[1]! })],
  [
    new RegExp(`^CREATE SEQUENCE (?:IF NOT EXISTS )?${NAME}(?:.*?\\bOWNED BY ${NAME}\\."([^"]+)")?`, "is"),
    (m, s) => {
      const [schema, name] = split(m[1]!, s);
      return { kind: "sequence", schema, name, ...(m[2] && { owner: { table: qualify(m[2], s), column: m[3]! } }) };
    },
  ],
  [
    new RegExp(`^DROP SEQUENCE (?:IF EXISTS )?${NAME}`, "i"),
    (m, s) => {
      const [schema, name] = split(m[1]!, s);
      return { kind: "sequence", schema, name };
    },
  ],
];

export function ddlTarget(statement: string, defaultSchema = "public"): DdlTarget {
  const text = statement.trim();
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return build(match, defaultSchema);
  }
  return { kind: "unknown" };
}

function split(name: string, defaultSchema: string): [string, string] {
  const parts = [...name.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [defaultSchema, parts[0]!];
}

function qualify(name: string, defaultSchema: string): string {
  return split(name, defaultSchema).join(".");
}

function identifiers(list: string): string[] {
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}
