/**
 * baseline: record every migration as applied on a database built without them (drizzle-kit
 * push, TypeORM synchronize), the rows exactly as the ORM's migrator wrote them on the
 * throwaway database where the whole chain just ran (same columns, hashes, created_at, names,
 * order). Only after deploy-check's comparison found no drift; one transaction, which re-checks
 * under a lock that the table is still empty. The only write the gate ever makes to a database
 * it did not create, and only with --yes.
 */
import pg from "pg";
import { GateError } from "./errors.js";
import type { TrackingTable } from "../migrations/tracking-rows.js";
import { withLibpqSslModes } from "../postgres/from-url.js";
import { withClient } from "../postgres/with-client.js";
import { quoteIdentifier, type ActualTable } from "../schema/model.js";
import type { DbConnection } from "../worker/protocol.js";

export interface BaselineRows {
  statements: string[];
  /** The migrations the rows record, in id order. */
  migrations: string[];
}

/** The rows (and, when the target lacks it, the table) to write, read from the throwaway database's migrations table. */
export async function planBaseline({ throwaway, tracking, table, targetHasTable, targetHasSchema }: { throwaway: DbConnection; tracking: TrackingTable; table: ActualTable; targetHasTable: boolean; targetHasSchema: boolean }): Promise<BaselineRows> {
  return withClient(throwaway, async (client) => {
    const qualified = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
    // Columns with a default (the serial id, drizzle 1.x applied_at) are left to it, as the migrator's INSERT leaves them.
    const written = table.columns.filter((c) => c.default === undefined && !c.identity && c.generated === undefined).map((c) => c.name);
    const order = table.columns.some((c) => c.name === "id") ? " ORDER BY id" : "";
    const { rows } = await client.query<Record<string, unknown>>(`SELECT ${written.map(quoteIdentifier).join(", ")} FROM ${qualified}${order}`);
    const statements = targetHasTable ? [] : createTableStatements(tracking, table, targetHasSchema);
    for (const row of rows) {
      statements.push(`INSERT INTO ${qualified} (${written.map(quoteIdentifier).join(", ")}) VALUES (${written.map((c) => (row[c] == null ? "NULL" : pg.escapeLiteral(String(row[c])))).join(", ")})`);
    }
    const migrations = rows.map((row) => String(row["name"] ?? row["hash"] ?? row["created_at"] ?? ""));
    return { statements, migrations };
  });
}

/**
 * The migrations table as the ORM made it on the throwaway database: its columns, serial id and
 * primary key. CREATE SCHEMA only when the target lacks the schema: Postgres checks CREATE on the
 * database before IF NOT EXISTS, so a user who may create tables in public would be refused.
 */
function createTableStatements(tracking: TrackingTable, table: ActualTable, schemaExists: boolean): string[] {
  const columns = table.columns.map((c) => {
    // The replay's pg-proxy migrator (drizzle 0.x) makes created_at numeric; the migrators
    // deploys use (node-postgres, postgres-js, drizzle-kit migrate) make it bigint.
    if (tracking.format === "drizzle-journal" && c.name === "created_at" && c.type === "numeric") return `${quoteIdentifier(c.name)} bigint${c.nullable ? "" : " NOT NULL"}`;
    const serial = c.default !== undefined && /^nextval\(/i.test(c.default) && (c.type === "integer" || c.type === "bigint");
    if (serial) return `${quoteIdentifier(c.name)} ${c.type === "bigint" ? "BIGSERIAL" : "SERIAL"} NOT NULL`;
    return `${quoteIdentifier(c.name)} ${c.type}${c.nullable ? "" : " NOT NULL"}${c.default !== undefined ? ` DEFAULT ${c.default}` : ""}`;
  });
  if (table.primaryKey) columns.push(`CONSTRAINT ${quoteIdentifier(table.primaryKey.name)} PRIMARY KEY (${table.primaryKey.columns.map(quoteIdentifier).join(", ")})`);
  return [...(schemaExists ? [] : [`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(tracking.schema)}`]), `CREATE TABLE ${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)} (${columns.join(", ")})`];
}

/** Writes the plan in one transaction; refuses if rows appeared meanwhile. */
export async function writeBaseline({ url, tracking, plan }: { url: string; tracking: TrackingTable; plan: BaselineRows }): Promise<void> {
  const client = new pg.Client({ connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 10_000, application_name: "migration-gate baseline" });
  await client.connect();
  const qualified = `${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}`;
  try {
    await client.query("BEGIN");
    const [ddl, inserts] = [plan.statements.filter((s) => !s.startsWith("INSERT")), plan.statements.filter((s) => s.startsWith("INSERT"))];
    for (const statement of ddl) await client.query(statement);
    // Nobody may record a migration between our check and our rows.
    await client.query(`LOCK TABLE ${qualified} IN SHARE ROW EXCLUSIVE MODE`);
    const present = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${qualified}`);
    if (Number(present.rows[0]!.count) > 0) throw new GateError("baseline-rows-appeared", `${tracking.schema}.${tracking.name} got rows while baseline ran (a deploy in progress?): nothing was written.`, { hint: "Run migration-gate deploy-check on it to see what it holds now." });
    for (const statement of inserts) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (error instanceof GateError) throw error;
    throw new GateError("baseline-write-failed", `Could not write the rows into ${tracking.schema}.${tracking.name}: ${(error as Error).message}. Nothing was written (one transaction).`, {
      hint: plan.statements.some((st) => st.startsWith("CREATE SCHEMA"))
        ? `The user in target-url needs CREATE on the database (for the ${tracking.schema} schema), CREATE on that schema (for the table) and INSERT on it; or create the schema first as its owner.`
        : plan.statements.some((st) => st.startsWith("CREATE TABLE"))
          ? `The user in target-url needs CREATE on the ${tracking.schema} schema (for the table) and INSERT on it.`
          : "The user in target-url needs INSERT on that table.",
      cause: error,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}
