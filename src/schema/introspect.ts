import pg from "pg";
import type { DbConnection } from "../worker/protocol.js";
import type { ActualRelationKind, ActualSchema } from "./model.js";

const KINDS: Record<string, ActualRelationKind> = { r: "table", p: "partitioned-table", v: "view", m: "materialized-view", f: "foreign-table" };

/** The actual side, read from the catalog with our own driver: no ORM involved. */
export async function introspect(connection: DbConnection): Promise<ActualSchema> {
  const client = new pg.Client({ ...connection, ssl: connection.ssl as never });
  await client.connect();
  try {
    const result = await client.query<{ schema: string; name: string; kind: string }>(`
      SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`);
    return { tables: result.rows.map((row) => ({ schema: row.schema, name: row.name, kind: KINDS[row.kind]! })) };
  } finally {
    await client.end();
  }
}
