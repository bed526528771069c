/**
 * The database a deploy is about to migrate (deploy-check's target-url), opened read-only:
 * the session starts with default_transaction_read_only=on (a startup parameter, so not even a
 * SET is sent), every read runs in a READ ONLY transaction, and what is read is the catalog,
 * the migrations table and row counts. Nothing here can write; baseline's one writing
 * transaction lives in baseline-writer.ts.
 */
import pg from "pg";
import { GateError } from "../engine/errors.js";
import type { TrackingRow, TrackingTable } from "../migrations/tracking-rows.js";
import { readCatalog } from "../schema/introspect.js";
import { quoteIdentifier, type ActualSchema } from "../schema/model.js";
import { describeServer, hbaRejection, withLibpqSslModes } from "./from-url.js";

const HINT = "Check target-url (--target-url): it must reach the database the deploy migrates, as a user that may read its catalog and migrations table, e.g. postgres://readonly:secret@staging-db:5432/app?sslmode=require";

export interface TargetSnapshot {
  catalog: ActualSchema;
  tracking: {
    exists: boolean;
    /** Its columns, in order (the ORM's migrations table, as that version made it). */
    columns: string[];
    /** In id order. */
    rows: TrackingRow[];
  };
  /** pg_class.reltuples per `schema.table` (an estimate; -1 never analyzed): bounds the data probes. */
  estimatedRows: Map<string, number>;
  /**
   * Every relation by `schema.name` with its pg_class.relkind (r table, v view, m materialized
   * view, S sequence, i index, ...): they share one namespace per schema, so a pending CREATE of
   * any of them fails on a name the target already uses for another.
   */
  relations: Map<string, string>;
}

export type ProbeOutcome = { count: number } | { timedOut: true } | { error: string };

export interface TargetDatabase {
  /** host:port/database, never the password. */
  label: string;
  host: string;
  port: number;
  database: string;
  serverVersion: string;
  major: number;
  snapshot(tracking: TrackingTable): Promise<TargetSnapshot>;
  /** One SELECT returning a single `count` column, in its own READ ONLY transaction, under a statement timeout. */
  count(sql: string, timeoutMs: number): Promise<ProbeOutcome>;
  close(): Promise<void>;
}

/** The session settings every target connection starts with: read-only before the first statement. */
export function readOnlyClientConfig(url: string): pg.ClientConfig {
  return { connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 10_000, options: "-c default_transaction_read_only=on", application_name: "migration-gate (read-only)" };
}

export async function openTargetDatabase(url: string): Promise<TargetDatabase> {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
  const label = `${describeServer(url)}/${database}`;
  const client = new pg.Client(readOnlyClientConfig(url));
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw targetConnectError(error, label);
  }
  // A broken connection surfaces as a rejected query; the handler keeps it from crashing the run.
  client.on("error", () => undefined);
  let version: string;
  let major: number;
  try {
    const shown = await client.query<{ server_version: string; server_version_num: string }>("SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num");
    version = shown.rows[0]!.server_version;
    major = Math.floor(Number(shown.rows[0]!.server_version_num) / 10000);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw targetConnectError(error, label);
  }
  return {
    label,
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: Number(parsed.port || 5432),
    database,
    serverVersion: version,
    major,
    async snapshot(tracking) {
      // One snapshot for everything read: the catalog and the migrations table agree with each other.
      await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const catalog = await readCatalog(client, "user");
        const table = catalog.tables.find((t) => t.schema === tracking.schema && t.name === tracking.name);
        const columns = table?.columns.map((c) => c.name) ?? [];
        const rows = table ? await readTrackingRows(client, tracking, columns) : [];
        const stats = await client.query<{ schema: string; name: string; kind: string; rows: number }>(
          `SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind, c.reltuples::float8 AS rows FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I', 'f', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'`,
        );
        await client.query("COMMIT");
        const tables = stats.rows.filter((r) => r.kind === "r" || r.kind === "p");
        return {
          catalog,
          tracking: { exists: table !== undefined, columns, rows },
          estimatedRows: new Map(tables.map((r) => [`${r.schema}.${r.name}`, Number(r.rows)])),
          relations: new Map(stats.rows.map((r) => [`${r.schema}.${r.name}`, r.kind])),
        };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new GateError("target-read-failed", `Could not read the catalog and migrations table of ${label}: ${(error as Error).message}`, {
          hint: "The user in target-url needs to read pg_catalog and SELECT on the migrations table; a read-only role is enough (GRANT pg_read_all_data, or SELECT on that table).",
          cause: error,
        });
      }
    },
    async count(sql, timeoutMs) {
      try {
        await client.query("BEGIN TRANSACTION READ ONLY");
        await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        const result = await client.query<{ count: string }>(sql);
        await client.query("COMMIT");
        return { count: Number(result.rows[0]?.count ?? 0) };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        if ((error as { code?: string }).code === "57014") return { timedOut: true };
        return { error: (error as Error).message };
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

async function readTrackingRows(client: pg.Client, tracking: TrackingTable, columns: string[]): Promise<TrackingRow[]> {
  const wanted = ["id", "name", "hash", "created_at", "timestamp"].filter((c) => columns.includes(c));
  if (wanted.length === 0) return [];
  const order = columns.includes("id") ? ` ORDER BY ${quoteIdentifier("id")}` : "";
  const result = await client.query<Record<string, unknown>>(`SELECT ${wanted.map(quoteIdentifier).join(", ")} FROM ${quoteIdentifier(tracking.schema)}.${quoteIdentifier(tracking.name)}${order}`);
  return result.rows.map((row) => {
    const createdAt = row["created_at"] ?? row["timestamp"];
    return {
      ...(row["id"] != null && { id: Number(row["id"]) }),
      ...(typeof row["name"] === "string" && { name: row["name"] }),
      ...(typeof row["hash"] === "string" && { hash: row["hash"] }),
      ...(createdAt != null && { createdAt: Number(createdAt) }),
    };
  });
}

function targetConnectError(error: unknown, label: string): GateError {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  const rejected = hbaRejection(error, `The target database ${label}`, "target-url");
  if (rejected) return rejected;
  if (code === "28P01" || code === "28000") return new GateError("target-auth-failed", `The target database ${label} rejected the user or password in target-url.`, { hint: HINT, cause: error });
  if (code === "3D000") return new GateError("target-not-found", `The database named in target-url does not exist on ${label.split("/")[0]}.`, { hint: "Name the database the deploy migrates, as in the application's own DATABASE_URL.", cause: error });
  return new GateError("target-unreachable", `Could not connect to the target database ${label}: ${message}`, { hint: `${HINT}. In a workflow, the runner must reach it (a self-hosted runner, a tunnel, or the database's allowed IP list).`, cause: error });
}
