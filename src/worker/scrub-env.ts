import os from "node:os";
import { libpqTarget } from "./libpq-target.js";
import { TRAP_PREFIX, trapDatabase } from "./guard-config.js";

/** What the project's code is allowed to reach, as the worker's environment tells it. */
export interface WorkerEnvOptions {
  /** The door's host (a socket folder) and port: every database setting is pointed there. */
  door: { host: string; port: number };
  /** Preloaded into every Node process the worker starts (the guard for subprocesses and threads). */
  preload: string;
}

/** A variable that was pointed at the door instead of where it pointed: for messages. */
export interface TrappedVariable {
  name: string;
  /** Where it pointed, without credentials: `host:port/database`. */
  target: string;
}

const POSTGRES_URL = /^(?:jdbc:)?postgres(?:ql)?:\/\//i;
/** libpq keyword/value strings: `host=db.example port=5432 dbname=app`. */
const KEYWORD_STRING = /(?:^|\s)(?:host|hostaddr|service)\s*=\s*\S/i;
/** Names of settings the project reads to build its own connection: DB_HOST, POSTGRES_PASSWORD, DATABASE_PORT... */
const DATABASE_NAME_PART = /(?:^|_)(?:DB|DATABASE|PG|POSTGRES|POSTGRESQL|PSQL|RDS)(?:_[A-Z0-9]+)*?_?(HOST|HOSTNAME|HOSTADDR|SERVER|ADDR|ADDRESS|PORT|PASS|PASSWORD|PWD)$/i;

/**
 * The worker's environment: the user's, with every setting that could send a program to a real
 * database pointed at the door (which refuses it and says which variable was followed) or at
 * nowhere. This reaches what a socket guard cannot: `psql "$APP_DATABASE_URL"` in a migration's
 * execSync, a shell script, a Python helper, libpq inside a native driver.
 *
 * - a value that is a Postgres URL or libpq keyword string: a URL to the door whose database
 *   names the variable, so the program gets a Postgres error and the gate a record;
 * - libpq's own variables: PGHOST/PGPORT to the door, no password, no service or password
 *   files (PGSERVICEFILE, PGPASSFILE) and no system-wide service file (PGSYSCONFDIR);
 * - variables named like a database host, port or password (DB_HOST, POSTGRES_PORT...): the
 *   door's folder, port, and a password that opens nothing;
 * - NODE_OPTIONS: memory flags kept, `--require`/`--import` of another transpiler dropped, and
 *   the guard preloaded into every Node process started below the worker.
 */
export function scrubEnv(env: NodeJS.ProcessEnv, options: WorkerEnvOptions): { env: NodeJS.ProcessEnv; trapped: TrappedVariable[] } {
  const { door } = options;
  const clean: NodeJS.ProcessEnv = {};
  const trapped: TrappedVariable[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (/^PG[A-Z_]+$/.test(key)) continue;
    if (POSTGRES_URL.test(value.trim()) || KEYWORD_STRING.test(value)) {
      clean[key] = trapUrl(door, key, value);
      // Scrubbing a scrubbed environment again (a child's explicit env) changes nothing.
      if (!value.includes(TRAP_PREFIX)) trapped.push({ name: key, target: describeTarget(value) });
      continue;
    }
    const part = DATABASE_NAME_PART.exec(key)?.[1]?.toUpperCase();
    if (part) {
      clean[key] = part === "PORT" ? String(door.port) : /^PASS|PWD/.test(part) ? "migration-gate-blocked" : door.host;
      continue;
    }
    clean[key] = value;
  }
  clean["PGHOST"] = door.host;
  clean["PGPORT"] = String(door.port);
  clean["PGPASSFILE"] = os.devNull;
  clean["PGSERVICEFILE"] = os.devNull;
  clean["PGSYSCONFDIR"] = os.devNull;
  // Without it libpq would try an SSL handshake first; the door answers no, but why wait.
  clean["PGSSLMODE"] = "disable";
  if (env["PGDATABASE"]) clean["PGDATABASE"] = trapDatabase("PGDATABASE");
  if ((env["PGHOST"] || env["PGDATABASE"]) && env["PGHOST"] !== door.host) trapped.push({ name: "PGDATABASE", target: `${env["PGHOST"] ?? "localhost"}:${env["PGPORT"] ?? 5432}/${env["PGDATABASE"] ?? env["PGUSER"] ?? ""}` });

  const memoryFlags = (env["NODE_OPTIONS"] ?? "").split(/\s+/).filter((flag) => /^--(max-old-space-size|max-semi-space-size|stack-size)=/.test(flag));
  clean["NODE_OPTIONS"] = [...memoryFlags, `--require=${quoteForNodeOptions(options.preload)}`].join(" ");
  return { env: clean, trapped };
}

/** A URL to the door that keeps the user name (so error messages stay familiar) and nothing else. */
function trapUrl(door: WorkerEnvOptions["door"], variable: string, value: string): string {
  const user = /^(?:jdbc:)?postgres(?:ql)?:\/\/([^:@/]+)[:@]/i.exec(value.trim())?.[1];
  const database = encodeURIComponent(trapDatabase(variable));
  // "localhost" only so that WHATWG URL (zod's .url(), new URL()) accepts it: libpq and pg take the host query parameter over it.
  return `postgresql://${user ?? "migration-gate"}@localhost/${database}?host=${encodeURIComponent(door.host)}&port=${door.port}&sslmode=disable`;
}

/** host:port/database of a URL or keyword string, for messages: never the user or password. */
export function describeTarget(value: string): string {
  const target = libpqTarget(value.trim().replace(/^jdbc:/i, ""), {});
  return `${target.host}:${target.port}/${target.database}`;
}

/** NODE_OPTIONS splits on spaces; a path with spaces must be quoted. */
function quoteForNodeOptions(file: string): string {
  return /\s/.test(file) ? JSON.stringify(file) : file;
}
