import type { DataSourceLike } from "./typeorm-types.js";

/**
 * TypeORM's schema builder (the cross-check) reads every enum and array column with two
 * queries of its own, one after the other on one connection: at 500 entities that is 1,900
 * round trips and most of its 3.5 s. Each has one fixed shape, the same text in 0.2, 0.3 and
 * 1.x. While the builder runs, those two shapes are answered from one read of the same
 * catalog views, taken by the same query runner on its first such query, so the rows are the
 * ones each query would have returned. Anything else, and any name these patterns cannot
 * read unambiguously, goes to Postgres as before. The builder changes nothing while it logs
 * (its DDL is only recorded), so the snapshot cannot go stale under it.
 */

// getUserDefinedTypeName: which type a USER-DEFINED or ARRAY column has.
const UDT_QUERY = /^SELECT "udt_schema", "udt_name" FROM "information_schema"\."columns" WHERE "table_schema" = '([^']*)' AND "table_name" = '([^']*)' AND "column_name"='([^']*)'$/;
// loadTables: the labels of that type, if it is an enum (1.x adds the ORDER BY; earlier ones get the same order from it).
const ENUM_QUERY =
  /^SELECT "e"\."enumlabel" AS "value" FROM "pg_enum" "e" INNER JOIN "pg_type" "t" ON "t"\."oid" = "e"\."enumtypid" INNER JOIN "pg_namespace" "n" ON "n"\."oid" = "t"\."typnamespace" WHERE "n"\."nspname" = '([^']*)' AND "t"\."typname" = '([^']*)'(?: ORDER BY "e"\."enumsortorder")?$/;

// The same views the two queries read, the system schemas left to the real query.
const UDT_SNAPSHOT = `SELECT "table_schema", "table_name", "column_name", "udt_schema", "udt_name" FROM "information_schema"."columns" WHERE "table_schema" NOT IN ('pg_catalog', 'information_schema')`;
const ENUM_SNAPSHOT =
  `SELECT "n"."nspname", "t"."typname", "e"."enumlabel" FROM "pg_enum" "e" INNER JOIN "pg_type" "t" ON "t"."oid" = "e"."enumtypid" ` +
  `INNER JOIN "pg_namespace" "n" ON "n"."oid" = "t"."typnamespace" ORDER BY "e"."enumtypid", "e"."enumsortorder"`;
const SYSTEM_SCHEMAS = new Set(["pg_catalog", "information_schema"]);

type Query = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
interface QueryRunnerLike {
  query: Query;
}
interface Snapshot {
  udt: Map<string, Array<{ udt_schema: string; udt_name: string }>>;
  enums: Map<string, Array<{ value: string }>>;
}

const key = (...parts: string[]) => parts.join("\u0000");

/** Runs `work` with the per-column catalog queries of every query runner it creates answered from a snapshot. */
export async function withCatalogSnapshot<T>(dataSource: DataSourceLike, work: () => Promise<T>): Promise<T> {
  const source = dataSource as unknown as { createQueryRunner: (...args: unknown[]) => QueryRunnerLike };
  const create = source.createQueryRunner;
  if (typeof create !== "function") return work();
  source.createQueryRunner = function (this: unknown, ...args: unknown[]) {
    const runner = create.apply(this, args);
    answerFromSnapshot(runner);
    return runner;
  };
  try {
    return await work();
  } finally {
    source.createQueryRunner = create;
  }
}

function answerFromSnapshot(runner: QueryRunnerLike): void {
  const query = runner.query;
  if (typeof query !== "function") return;
  // undefined once reading it failed: every query then goes to Postgres, as without the snapshot.
  let snapshot: Promise<Snapshot | undefined> | undefined;
  const take = () => (snapshot ??= readSnapshot((sql) => query.call(runner, sql) as Promise<Array<Record<string, string>>>).catch(() => undefined));
  runner.query = async function (this: unknown, sql: string, parameters?: unknown[], structured?: boolean) {
    if (typeof sql === "string" && !parameters?.length && !structured) {
      const udt = UDT_QUERY.exec(sql);
      const udtRows = udt && !SYSTEM_SCHEMAS.has(udt[1]!) && (await take())?.udt;
      if (udt && udtRows) return [...(udtRows.get(key(udt[1]!, udt[2]!, udt[3]!)) ?? [])];
      const labels = ENUM_QUERY.exec(sql);
      const enumRows = labels && (await take())?.enums;
      if (labels && enumRows) return [...(enumRows.get(key(labels[1]!, labels[2]!)) ?? [])];
    }
    return query.call(this, sql, parameters, structured);
  } as Query;
}

async function readSnapshot(run: (sql: string) => Promise<Array<Record<string, string>>>): Promise<Snapshot> {
  const udt = groupRows(await run(UDT_SNAPSHOT), (row) => key(row["table_schema"]!, row["table_name"]!, row["column_name"]!), (row) => ({ udt_schema: row["udt_schema"]!, udt_name: row["udt_name"]! }));
  const enums = groupRows(await run(ENUM_SNAPSHOT), (row) => key(row["nspname"]!, row["typname"]!), (row) => ({ value: row["enumlabel"]! }));
  return { udt, enums };
}

/** Rows by key, in the order Postgres returned them (an enum's labels by their sort order). */
function groupRows<V>(rows: Array<Record<string, string>>, keyOf: (row: Record<string, string>) => string, valueOf: (row: Record<string, string>) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(valueOf(row));
  }
  return groups;
}
