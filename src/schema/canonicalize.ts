import { readCatalog, type Queryable } from "./introspect.js";
import { qualifiedName, quoteIdentifier as ident, type ActualSchema, type ActualTable, type ExpectedColumn, type ExpectedSchema, type ExpectedTable } from "./model.js";

/**
 * Turns the expected side into the catalog's own spelling by asking the same Postgres.
 *
 * Postgres rewrites what it is given: `varchar(320)` prints as `character varying(320)`,
 * `DEFAULT '0'` on an integer as `0`, `(now() at time zone 'utc')` as
 * `(now() AT TIME ZONE 'utc'::text)`, a jsonb `'{}'` as `'{}'::jsonb`, a timestamptz string
 * default as a cast literal in the server's format. Comparing text against text after hand-made
 * rules is where ORMs' own diffs go wrong and repeat changes forever. Instead, every expected
 * table is created once more as a TEMP table (columns, defaults, generated expressions, partial
 * index predicates, checks) inside a transaction that is rolled back, and read back with the
 * same catalog queries as the real tables. What Postgres cannot build (a default calling a
 * function no migration created) keeps the ORM's text and is compared as text.
 *
 * Runs only against the throwaway database; temp tables are private to this session.
 */
export async function canonicalizeExpected(db: Queryable, expected: ExpectedSchema, actual: ActualSchema): Promise<ExpectedSchema> {
  const existingEnums = new Set(actual.enums.map(qualifiedName));
  const probes = expected.tables.map((table, index) => probeStatements(table, `mg_probe_${index}`, existingEnums));
  await db.query("BEGIN");
  try {
    // One round trip for the whole schema in the usual case; table by table when something fails.
    if (!(await attempt(db, probes.map((p) => p.all).join(";\n")))) {
      for (const probe of probes) {
        if (await attempt(db, probe.table)) {
          for (const statement of probe.extras) await attempt(db, statement);
        } else {
          for (const statement of probe.singleColumns) await attempt(db, statement);
        }
      }
    }
    const read = await readCatalog(db, "temp");
    const byName = new Map(read.tables.map((table) => [table.name, table]));
    return { ...expected, tables: expected.tables.map((table, index) => applyProbe(table, index, byName)) };
  } finally {
    await db.query("ROLLBACK");
  }
}

async function attempt(db: Queryable, sql: string): Promise<boolean> {
  if (!sql) return true;
  await db.query("SAVEPOINT mg_probe");
  try {
    await db.query(sql);
    await db.query("RELEASE SAVEPOINT mg_probe");
    return true;
  } catch {
    await db.query("ROLLBACK TO SAVEPOINT mg_probe");
    return false;
  }
}

interface ProbeStatements {
  table: string;
  extras: string[];
  all: string;
  /** Fallback: one table per column, so one bad default does not hide the others. */
  singleColumns: string[];
}

function probeStatements(table: ExpectedTable, probe: string, existingEnums: ReadonlySet<string>): ProbeStatements {
  const definitions = table.columns.map((column) => columnDefinition(column, existingEnums));
  const create = `CREATE TEMP TABLE ${ident(probe)} (${definitions.join(", ")})`;
  const extras = [
    ...table.indexes.flatMap((index, i) =>
      index.where ? [`CREATE INDEX ${ident(`${probe}_ix${i}`)} ON ${ident(probe)} (${index.columns.map(ident).join(", ")}) WHERE ${index.where}`] : [],
    ),
    ...table.checks.map((check, i) => `ALTER TABLE ${ident(probe)} ADD CONSTRAINT ${ident(`${probe}_ck${i}`)} CHECK (${check.expression})`),
  ];
  return {
    table: create,
    extras,
    all: [create, ...extras].join(";\n"),
    singleColumns: definitions.map((definition, i) => `CREATE TEMP TABLE ${ident(`${probe}_c${i}`)} (${definition})`),
  };
}

function columnDefinition(column: ExpectedColumn, existingEnums: ReadonlySet<string>): string {
  let type = column.type;
  if (column.enum) {
    const array = column.type.endsWith("[]") ? "[]" : "";
    // A missing enum is its own finding; text keeps the rest of the probe working.
    type = existingEnums.has(qualifiedName(column.enum)) ? `${ident(column.enum.schema)}.${ident(column.enum.name)}${array}` : `text${array}`;
  }
  let definition = `${ident(column.name)} ${type}`;
  if (column.generated) definition += ` GENERATED ALWAYS AS (${column.generated}) STORED`;
  else if (column.identity) definition += ` GENERATED ${column.identity} AS IDENTITY`;
  else if (column.default !== undefined && !column.serial) definition += ` DEFAULT ${column.default}`;
  return definition;
}

function applyProbe(table: ExpectedTable, index: number, probes: ReadonlyMap<string, ActualTable>): ExpectedTable {
  const probe = `mg_probe_${index}`;
  const whole = probes.get(probe);
  const columns = table.columns.map((column, i) => {
    const read = whole?.columns.find((c) => c.name === column.name) ?? probes.get(`${probe}_c${i}`)?.columns[0];
    if (!read) return column;
    return {
      ...column,
      type: column.enum ? column.type : read.type,
      ...(column.default !== undefined && !column.serial && { default: read.default ?? column.default }),
      ...(column.generated && { generated: read.generated ?? column.generated }),
    };
  });
  return {
    ...table,
    columns,
    indexes: table.indexes.map((ix, i) => {
      const where = whole?.indexes.find((candidate) => candidate.name === `${probe}_ix${i}`)?.where;
      return where ? { ...ix, where } : ix;
    }),
    checks: table.checks.map((check, i) => {
      const definition = whole?.checks.find((candidate) => candidate.name === `${probe}_ck${i}`)?.definition;
      return definition ? { ...check, expression: definition } : check;
    }),
  };
}
