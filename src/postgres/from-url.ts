import crypto from "node:crypto";
import os from "node:os";
import pg from "pg";
import { GateError } from "../engine/errors.js";
import type { DbConnection } from "../worker/protocol.js";
import type { PostgresProvider, ProvisionedDatabase } from "./provider.js";

const HINT_URL = "Check database-url (--database-url): it must reach a Postgres server as a user with the CREATEDB privilege, e.g. postgres://postgres:postgres@localhost:5432/postgres";

/**
 * A server the user gives. The gate creates a uniquely named database there, runs everything
 * in it, and drops it afterwards. The database named in the URL is only used for that
 * CREATE/DROP DATABASE, never for migrations.
 */
export async function createDatabaseOnServer(url: string, log: (line: string) => void, runTimeoutMs = 600_000): Promise<ProvisionedDatabase> {
  const admin = new pg.Client({ connectionString: withLibpqSslModes(url), connectionTimeoutMillis: 10_000 });
  const server = describeServer(url);
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    throw connectError(error, server);
  }

  await dropLeftovers(admin, log);
  const database = throwawayDatabaseName();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.query(`COMMENT ON DATABASE "${database}" IS ${pg.escapeLiteral(leftoverComment(runTimeoutMs))}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    const code = (error as { code?: string }).code;
    throw new GateError(
      code === "42501" ? "database-no-createdb" : "database-create-failed",
      code === "42501"
        ? `The user in database-url may not create databases on ${server} (permission denied).`
        : `Could not create a throwaway database on ${server}: ${(error as Error).message}`,
      { hint: code === "42501" ? "Grant it with ALTER ROLE <user> CREATEDB, or use a superuser such as the postgres user of a services: postgres container." : HINT_URL, cause: error },
    );
  }
  log(`Created throwaway database ${database} on ${server}`);

  let disposed = false;
  // The admin connection stays open for the run: if it drops, the server went away.
  const died = new Promise<string>((resolve) => {
    admin.once("error", (error) => !disposed && resolve(`the connection to ${server} broke (${error.message})`));
    admin.once("end", () => !disposed && resolve(`the connection to ${server} was closed by the server`));
  });
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    try {
      await dropDatabase(admin, database);
    } finally {
      await admin.end().catch(() => undefined);
    }
  };

  const version = await admin.query<{ server_version: string }>("SHOW server_version");
  return {
    provider: "database-url",
    connection: connectionFor(url, database),
    serverVersion: version.rows[0]!.server_version,
    died,
    dispose,
  };
}

/** A server the user runs (services: postgres, a shared CI database server). */
export const urlProvider: PostgresProvider = {
  name: "url",
  async check({ databaseUrl }) {
    return databaseUrl ? { ok: true, detail: `a database of its own on ${describeServer(databaseUrl)}` } : { ok: false, reason: "no database-url given" };
  },
  async start(request) {
    const { databaseUrl, log } = request;
    if (!databaseUrl) throw new GateError("database-url-missing", "postgres: url needs database-url (--database-url).", { hint: HINT_URL });
    return createDatabaseOnServer(databaseUrl, log, request.runTimeoutMs);
  },
};

function connectionFor(url: string, database: string): DbConnection {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  const ssl = !sslmode || sslmode === "disable" || sslmode === "prefer" || sslmode === "allow" ? false : sslmode === "require" || sslmode === "no-verify" ? { rejectUnauthorized: false } : true;
  return {
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    ssl,
  };
}

const LEFTOVER_NAME = "^migration_gate_[0-9]{14}_[0-9a-f]{6}$";
const COMMENT_MARK = "migration-gate throwaway database";
/** After its run's timeout, a run still going has stopped itself; the margin covers its clean-up. */
const LEFTOVER_MARGIN_MS = 120_000;

/** Drops one of our databases, sessions still on it included (WITH (FORCE) arrived in Postgres 13). */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(async (error: { code?: string }) => {
    if (error.code === "42601") await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    else throw error;
  });
}

/** The name every throwaway database on a user's server gets: dropLeftovers finds them by it. */
export function throwawayDatabaseName(): string {
  return `migration_gate_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${crypto.randomBytes(3).toString("hex")}`;
}

/** What makes a database provably ours: the mark, who made it, and when it is certainly abandoned. */
export function leftoverComment(runTimeoutMs: number): string {
  const expires = new Date(Date.now() + runTimeoutMs + LEFTOVER_MARGIN_MS).toISOString();
  return `${COMMENT_MARK}; created by pid ${process.pid} on ${os.hostname()}; abandoned after ${expires}`;
}

/**
 * A run that was SIGKILLed (a cancelled job, the OOM killer) could not drop its database. The
 * next run drops such leftovers, but only those it can prove are the gate's and abandoned: the
 * gate's name pattern, owned by this user, carrying the gate's comment, past the time its own
 * run would have timed out, and with nobody connected.
 */
async function dropLeftovers(admin: pg.Client, log: (line: string) => void): Promise<void> {
  let rows: Array<{ datname: string; comment: string | null; connected: number }>;
  try {
    ({ rows } = await admin.query(
      `SELECT d.datname, shobj_description(d.oid, 'pg_database') AS comment,
              (SELECT count(*)::int FROM pg_stat_activity a WHERE a.datname = d.datname) AS connected
         FROM pg_database d
        WHERE d.datname ~ $1 AND d.datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
      [LEFTOVER_NAME],
    ));
  } catch {
    return;
  }
  for (const row of rows) {
    const expires = row.comment?.startsWith(COMMENT_MARK) ? Date.parse(/abandoned after (\S+)$/.exec(row.comment)?.[1] ?? "") : NaN;
    if (!(expires < Date.now()) || row.connected > 0) continue;
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${row.datname}"`);
      log(`Dropped ${row.datname}, a throwaway database left behind by a run that was killed (${row.comment})`);
    } catch (error) {
      log(`Could not drop ${row.datname}, left behind by a killed run: ${(error as Error).message}`);
    }
  }
}

/**
 * sslmode as libpq (psql, every hosting provider's docs) means it: `require` encrypts without
 * verifying the certificate. pg 8 reads `require` as verify-full unless told otherwise, which
 * fails on the self-signed certificates of CI service containers and prints a warning.
 */
export function withLibpqSslModes(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("sslmode") || parsed.searchParams.has("uselibpqcompat")) return url;
  parsed.searchParams.set("uselibpqcompat", "true");
  return parsed.toString();
}

/** host:port for messages: never the password. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

/**
 * A pg_hba.conf rule turned the connection away (28000, as a wrong user is): the server's own
 * words say which rule, often "no encryption", which sslmode=require fixes. It names host,
 * user and database, never a password.
 */
export function hbaRejection(error: unknown, what: string, option: string): GateError | undefined {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? "";
  if (code !== "28000" || !/pg_hba\.conf/.test(message)) return undefined;
  const unencrypted = /no encryption/.test(message);
  return new GateError(`${option}-rejected`, `${what} refused the connection by its pg_hba.conf rules: ${message}.`, {
    hint: unencrypted
      ? `The server accepts only encrypted connections: add ?sslmode=require to ${option} (verify-full to check its certificate too).`
      : `The server's pg_hba.conf does not let this user connect from here: ask for the runner's address (or this user) to be allowed, or use a user that is.`,
    cause: error,
  });
}

function connectError(error: unknown, server: string): GateError {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  const rejected = hbaRejection(error, `Postgres at ${server}`, "database-url");
  if (rejected) return rejected;
  if (code === "28P01" || code === "28000") {
    return new GateError("database-auth-failed", `Postgres at ${server} rejected the user or password in database-url.`, { hint: HINT_URL, cause: error });
  }
  if (code === "3D000") {
    return new GateError("database-not-found", `The database named in database-url does not exist on ${server}.`, {
      hint: "Name a database that exists (usually postgres) in the URL: the gate only uses it to create and drop its own.",
      cause: error,
    });
  }
  return new GateError("database-unreachable", `Could not connect to Postgres at ${server}: ${message}`, {
    hint: `${HINT_URL}. Leave database-url empty to use the embedded Postgres instead.`,
    cause: error,
  });
}
