import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import os from "node:os";
import pg from "pg";
import { openDatabaseDoor, type DatabaseDoor } from "../src/engine/db-door.js";
import { isolationReport } from "../src/engine/isolation-report.js";
import { scrubEnv } from "../src/worker/scrub-env.js";
import { libpqTarget } from "../src/worker/libpq-target.js";
import { DOOR_DATABASE } from "../src/worker/guard-config.js";
import { startTestPostgres } from "./helpers/postgres.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";

describe("the worker's environment", () => {
  const door = { host: "/tmp/mg-door-x", port: 5432 };
  const scrub = (env: NodeJS.ProcessEnv) => scrubEnv(env, { door, preload: "/opt/gate/dist/guard-preload.cjs" });

  test("every Postgres URL, libpq variable and DB_HOST-style setting leads to the door; everything else is kept", () => {
    const { env, trapped } = scrub({
      APP_DATABASE_URL: "postgres://app:s3cret@prod.example:6432/app?sslmode=require",
      JDBC_URL: "jdbc:postgresql://prod.example/app",
      LEGACY_DSN: "host=prod.example port=5433 dbname=legacy user=app",
      DB_HOST: "prod.example",
      POSTGRES_PORT: "6432",
      DATABASE_PASSWORD: "s3cret",
      PGHOST: "prod.example",
      PGDATABASE: "app",
      PGPASSWORD: "s3cret",
      PGSERVICE: "prod",
      REDIS_URL: "redis://cache:6379",
      DB_NAME: "app",
      HOME: "/home/ci",
      NODE_OPTIONS: "--max-old-space-size=4096 --require ts-node/register",
    });
    expect(env["APP_DATABASE_URL"]).toBe("postgresql://app@localhost/migration-gate-blocked.APP_DATABASE_URL?host=%2Ftmp%2Fmg-door-x&port=5432&sslmode=disable");
    // Env validation at import (zod's z.string().url(), new URL()) still accepts it.
    expect(new URL(env["APP_DATABASE_URL"]!).pathname).toBe("/migration-gate-blocked.APP_DATABASE_URL");
    expect(env["JDBC_URL"]).toContain("migration-gate-blocked.JDBC_URL");
    expect(env["LEGACY_DSN"]).toContain("migration-gate-blocked.LEGACY_DSN");
    expect([env["DB_HOST"], env["POSTGRES_PORT"], env["DATABASE_PASSWORD"]]).toEqual(["/tmp/mg-door-x", "5432", "migration-gate-blocked"]);
    expect([env["PGHOST"], env["PGPORT"], env["PGDATABASE"], env["PGPASSWORD"], env["PGSERVICE"], env["PGPASSFILE"], env["PGSERVICEFILE"]]).toEqual([
      "/tmp/mg-door-x",
      "5432",
      "migration-gate-blocked.PGDATABASE",
      undefined,
      undefined,
      os.devNull,
      os.devNull,
    ]);
    expect([env["REDIS_URL"], env["DB_NAME"], env["HOME"]]).toEqual(["redis://cache:6379", "app", "/home/ci"]);
    expect(env["NODE_OPTIONS"]).toBe("--max-old-space-size=4096 --require=/opt/gate/dist/guard-preload.cjs");
    // Where each pointed, for messages, without credentials.
    expect(trapped).toEqual([
      { name: "APP_DATABASE_URL", target: "prod.example:6432/app" },
      { name: "JDBC_URL", target: "prod.example:5432/app" },
      { name: "LEGACY_DSN", target: "prod.example:5433/legacy" },
      { name: "PGDATABASE", target: "prod.example:5432/app" },
    ]);
    expect(JSON.stringify(trapped)).not.toContain("s3cret");
  });

  test("scrubbing a scrubbed environment (a child's explicit env) changes nothing", () => {
    const once = scrub({ DATABASE_URL: "postgres://u@prod/app", PGDATABASE: "app" }).env;
    const twice = scrub(once);
    expect(twice.env).toEqual(once);
    expect(twice.trapped).toEqual([]);
  });

  test("libpq targets: URIs (with a socket folder and no host), keyword strings, and libpq's defaults", () => {
    expect(libpqTarget("postgresql://u@/gate?host=/tmp/door&port=5432", {})).toEqual({ host: "/tmp/door", port: "5432", database: "gate" });
    expect(libpqTarget("postgres://u:p@[::1]:6432/app", {})).toEqual({ host: "::1", port: "6432", database: "app" });
    expect(libpqTarget("host='prod' dbname=app", {})).toEqual({ host: "prod", port: "5432", database: "app" });
    expect(libpqTarget("", { PGHOST: "/tmp/door", PGPORT: "5432", PGUSER: "me" })).toEqual({ host: "/tmp/door", port: "5432", database: "me" });
  });
});

describe("the door", () => {
  let server: ProvisionedDatabase;
  let door: DatabaseDoor;
  let doorDir: string;
  const through = (database: string, extra: Partial<pg.ClientConfig> = {}) => new pg.Client({ host: door.host, port: door.port, user: "postgres", database, ...extra });

  beforeAll(async () => {
    server = await startTestPostgres();
    doorDir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-"));
    door = await openDatabaseDoor({ dir: doorDir });
    door.open(server.connection);
  });
  afterAll(async () => {
    await door?.close();
    fs.rmSync(doorDir, { recursive: true, force: true });
    await server?.dispose();
  });

  test("opens the throwaway database under its door name, and nothing else", async () => {
    const client = through(DOOR_DATABASE);
    await client.connect();
    const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
    await client.end();
    expect(rows[0]!.db).toBe(server.connection.database);

    const other = through("postgres");
    await expect(other.connect()).rejects.toThrow('migration-gate refused a connection to database "postgres"');
    const trapped = through("migration-gate-blocked.DATABASE_URL");
    await expect(trapped.connect()).rejects.toThrow("migration-gate refused a connection to the database in $DATABASE_URL");
    expect(door.refused().map((r) => [r.database, r.variable, r.why])).toEqual([
      ["postgres", undefined, "other-database"],
      ["migration-gate-blocked.DATABASE_URL", "DATABASE_URL", "other-database"],
    ]);
  });

  test("refuses a replication connection even to the throwaway database", async () => {
    const client = through(DOOR_DATABASE, { replication: "database" } as Partial<pg.ClientConfig>);
    await expect(client.connect()).rejects.toThrow("refused a replication connection");
  });

  test("an SSLRequest is answered no, so the startup message that follows is readable", async () => {
    const socket = net.connect(door.socketPath!);
    const request = Buffer.alloc(8);
    request.writeInt32BE(8, 0);
    request.writeInt32BE(80877103, 4);
    socket.write(request);
    const answer = await new Promise<string>((resolve) => socket.once("data", (data: Buffer) => resolve(data.toString())));
    socket.destroy();
    expect(answer).toBe("N");
    // pg insisting on TLS then gives up: the project's own TLS-only client cannot get through.
    await expect(through(DOOR_DATABASE, { ssl: { rejectUnauthorized: false } }).connect()).rejects.toThrow("does not support SSL");
  });
});

describe("what the guard and the door saw, at the user's line", () => {
  test("a refusal at the door goes to the innermost program running then, else to the running migration", () => {
    const { blockedConnections, unguardedSubprocesses } = isolationReport({
      events: [
        { type: "spawn", at: 100, id: "a", command: "sh backfill.sh", node: false, origin: "/p/m1.ts:6" },
        { type: "spawn", at: 110, endedAt: 120, id: "b", command: "node x.js", node: true, origin: "/p/m1.ts:9" },
        { type: "exit", at: 200, id: "a" },
        { type: "blocked", at: 150, target: "127.0.0.1:5433", origin: "/p/x.js:3", via: "subprocess", command: "node x.js", spawnedAt: "/p/m1.ts:9" },
      ],
      refused: [
        { at: 150, database: "migration-gate-blocked.DATABASE_URL", variable: "DATABASE_URL", why: "other-database" },
        { at: 500, database: "prod", why: "other-database" },
      ],
      traps: { "migration-gate-blocked.DATABASE_URL": { variable: "DATABASE_URL", target: "prod:5432/app" } },
      migrationStarts: [{ name: "M21700000000000", at: 400 }],
      migrations: [{ name: "M21700000000000", status: "applied", durationMs: 1, createdTables: [], ranAfterFailure: false, location: { file: "/p/m2.ts", line: 3 } }],
      reportUnguarded: true,
    });
    expect(blockedConnections).toEqual([
      { target: "127.0.0.1:5433", origin: "/p/x.js:3", via: { kind: "subprocess", command: "node x.js", spawnedAt: "/p/m1.ts:9" } },
      { target: "$DATABASE_URL (prod:5432/app)", origin: "/p/m1.ts:6", via: { kind: "subprocess", command: "sh backfill.sh", spawnedAt: "/p/m1.ts:6" } },
      { target: 'database "prod"', origin: "/p/m2.ts:3", via: { kind: "unknown", command: "during migration M21700000000000" } },
    ]);
    expect(unguardedSubprocesses).toEqual([{ command: "sh backfill.sh", origin: "/p/m1.ts:6" }]);
  });
});
