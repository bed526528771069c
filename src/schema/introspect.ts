import pg from "pg";
import type { ActualColumn, ActualRelationKind, ActualSchema, ActualTable, ReferentialAction } from "./model.js";

const KINDS: Record<string, ActualRelationKind> = { r: "table", p: "partitioned-table", v: "view", m: "materialized-view", f: "foreign-table" };

const ACTIONS: Record<string, ReferentialAction> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** Which namespaces to read: the user's schemas, or this session's temp schema (the canonicalization probe). */
export type CatalogScope = "user" | "temp";

const SCOPE_FILTER: Record<CatalogScope, string> = {
  user: `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
  temp: `n.oid = pg_my_temp_schema()`,
};

export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string): Promise<pg.QueryResult<R>>;
}

/**
 * The actual side, read from the catalog with our own driver: no ORM involved.
 * Reads tables, columns, keys, indexes, checks, enums and schemas in a handful of catalog
 * queries (one per kind, not per table: 500 tables cost the same round trips as 5).
 */
export async function readCatalog(db: Queryable, scope: CatalogScope): Promise<ActualSchema> {
  const filter = SCOPE_FILTER[scope];
  const relations = await db.query<{ oid: number; schema: string; name: string; kind: string }>(`
    SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${filter}
      -- Tables an extension owns (postgis's spatial_ref_sys) belong to no entity and no migration.
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`);
  const tables = new Map<number, ActualTable>();
  for (const row of relations.rows) {
    tables.set(row.oid, { schema: row.schema, name: row.name, kind: KINDS[row.kind]!, columns: [], uniques: [], indexes: [], foreignKeys: [], checks: [] });
  }

  const columns = await db.query<{ oid: number; name: string; type: string; notnull: boolean; default: string | null; identity: string; generated: string; enum_schema: string | null; enum_name: string | null; is_array: boolean }>(`
    SELECT a.attrelid::int AS oid, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
      pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity, a.attgenerated AS generated,
      en.nspname AS enum_schema, et.typname AS enum_name, t.typcategory = 'A' AS is_array
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    LEFT JOIN pg_catalog.pg_type et ON et.typtype = 'e' AND et.oid = CASE WHEN t.typtype = 'e' THEN t.oid ELSE t.typelem END
    LEFT JOIN pg_catalog.pg_namespace en ON en.oid = et.typnamespace
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${filter}
    ORDER BY a.attrelid, a.attnum`);
  for (const row of columns.rows) {
    const column: ActualColumn = { name: row.name, type: row.type, nullable: !row.notnull };
    if (row.enum_name && row.enum_schema) {
      column.enum = { schema: row.enum_schema, name: row.enum_name };
      // Enums are named the same way on both sides, whatever the search_path makes format_type print.
      column.type = `${row.enum_schema}.${row.enum_name}${row.is_array ? "[]" : ""}`;
    }
    if (row.generated === "s" && row.default !== null) column.generated = row.default;
    else if (row.default !== null) column.default = row.default;
    if (row.identity === "a") column.identity = "ALWAYS";
    if (row.identity === "d") column.identity = "BY DEFAULT";
    tables.get(row.oid)?.columns.push(column);
  }

  const constraints = await db.query<{ oid: number; name: string; type: string; columns: string[]; ref_schema: string | null; ref_table: string | null; ref_columns: string[]; on_delete: string; on_update: string; definition: string }>(`
    SELECT con.conrelid::int AS oid, con.conname AS name, con.contype AS type,
      ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS columns,
      fn.nspname AS ref_schema, fc.relname AS ref_table,
      ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS ref_columns,
      con.confdeltype AS on_delete, con.confupdtype AS on_update, pg_get_constraintdef(con.oid) AS definition
    FROM pg_catalog.pg_constraint con
    JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
    LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
    WHERE con.contype IN ('p', 'u', 'f', 'c') AND ${filter}`);
  for (const row of constraints.rows) {
    const table = tables.get(row.oid);
    if (!table) continue;
    if (row.type === "p") table.primaryKey = { name: row.name, columns: row.columns };
    if (row.type === "u") table.uniques.push({ name: row.name, columns: row.columns });
    if (row.type === "c") table.checks.push({ name: row.name, definition: row.definition });
    if (row.type === "f") {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        referencedTable: { schema: row.ref_schema!, name: row.ref_table! },
        referencedColumns: row.ref_columns,
        onDelete: ACTIONS[row.on_delete] ?? "NO ACTION",
        onUpdate: ACTIONS[row.on_update] ?? "NO ACTION",
      });
    }
  }

  const indexes = await db.query<{ oid: number; name: string; unique: boolean; primary: boolean; where: string | null; columns: string[]; constraint: string | null }>(`
    SELECT i.indrelid::int AS oid, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary,
      pg_get_expr(i.indpred, i.indrelid) AS where,
      ARRAY(SELECT CASE WHEN k.num = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname::text END
            FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
            LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
            WHERE k.ord <= i.indnkeyatts ORDER BY k.ord)::text[] AS columns,
      con.conname AS constraint
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
    WHERE ${filter}`);
  for (const row of indexes.rows) {
    tables.get(row.oid)?.indexes.push({
      name: row.name,
      columns: row.columns,
      unique: row.unique,
      primary: row.primary,
      ...(row.where !== null && { where: row.where }),
      ...(row.constraint !== null && { constraint: row.constraint }),
    });
  }

  const enums = await db.query<{ schema: string; name: string; values: string[] }>(`
    SELECT n.nspname AS schema, t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE ${filter}
    GROUP BY n.nspname, t.typname`);
  const schemas = await db.query<{ name: string }>(`SELECT n.nspname AS name FROM pg_catalog.pg_namespace n WHERE ${filter}`);

  return { tables: [...tables.values()], enums: enums.rows, schemas: schemas.rows.map((row) => row.name) };
}
