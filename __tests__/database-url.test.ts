import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import pg from "pg";
import { startTestPostgres } from "./helpers/postgres.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";
import { DIST, EXAMPLE } from "./helpers/paths.js";
import { runCli } from "./helpers/run-cli.js";
import { spawn } from "node:child_process";
import path from "node:path";

/** database-url: a fresh database per run on a server the user gives, and clear errors when that server says no. */
describe("database-url", () => {
  let server: ProvisionedDatabase;
  let base: string;
  const databases = async () => {
    const client = new pg.Client(server.connection);
    await client.connect();
    try {
      return (await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname")).rows.map((r) => r.datname);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    server = await startTestPostgres();
    base = `postgres://postgres@127.0.0.1:${server.connection.port}`;
    const client = new pg.Client(server.connection);
    await client.connect();
    await client.query("CREATE ROLE limited LOGIN NOCREATEDB");
    await client.end();
  });
  afterAll(async () => server?.dispose());

  test("runs on a database of its own and drops it afterwards, also when findings fail the run", async () => {
    const run = await runCli(["check", "--data-source", "src/data-source.ts", "--database-url", `${base}/postgres`], { cwd: EXAMPLE });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Created throwaway database migration_gate_\d{14}_[0-9a-f]{6} on 127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain("missing-table");
    expect(await databases()).toEqual(["postgres"]);
  });

  test("a user without CREATEDB: says so and how to grant it", async () => {
    const run = await runCli(["check", "--data-source", "src/data-source.ts", "--database-url", `postgres://limited@127.0.0.1:${server.connection.port}/postgres`], { cwd: EXAMPLE });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`The user in database-url may not create databases on 127.0.0.1:${server.connection.port} (permission denied).`);
    expect(run.stderr).toContain("ALTER ROLE <user> CREATEDB");
  });

  test("a database name that does not exist on the server", async () => {
    const run = await runCli(["check", "--data-source", "src/data-source.ts", "--database-url", `${base}/nope`], { cwd: EXAMPLE });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("The database named in database-url does not exist");
  });

  test("nothing listening: names the server, never the password", async () => {
    const run = await runCli(["check", "--data-source", "src/data-source.ts", "--database-url", "postgres://gate:hunter2@127.0.0.1:1/postgres"], { cwd: EXAMPLE });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Could not connect to Postgres at 127.0.0.1:1");
    expect(run.stderr).not.toContain("hunter2");
  });

  test("a run killed with SIGKILL leaves its database; the next run drops it once it is provably abandoned, and nothing else", async () => {
    const admin = async (sql: string) => {
      const client = new pg.Client(server.connection);
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    };
    // A real run, killed the moment its database exists.
    const child = spawn(process.execPath, [path.join(DIST, "cli.js"), "check", "--data-source", "src/data-source.ts", "--database-url", `${base}/postgres`, "--timeout", "1"], { cwd: EXAMPLE, stdio: ["ignore", "ignore", "pipe"] });
    const killed = await new Promise<string>((resolve) => {
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        const created = /Created throwaway database (migration_gate_\w+)/.exec(stderr);
        if (created) {
          child.kill("SIGKILL");
          resolve(created[1]!);
        }
      });
    });
    await new Promise((resolve) => child.once("close", resolve));
    expect(await databases()).toContain(killed);
    const comment = (await admin(`SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = '${killed}'`)).rows[0].c as string;
    expect(comment).toMatch(/^migration-gate throwaway database; created by pid \d+ on .+; abandoned after \d{4}-\d\d-\d\dT/);

    // Not yet abandoned (its run could still be going): kept.
    let next = await runCli(["check", "--data-source", "src/data-source.ts", "--database-url", `${base}/postgres`], { cwd: EXAMPLE });
    expect(await databases()).toContain(killed);

    // Past its time: dropped. A look-alike without the gate's comment, and one someone is connected to, stay.
    await admin(`COMMENT ON DATABASE "${killed}" IS '${comment.replace(/abandoned after \S+$/, "abandoned after 2020-01-01T00:00:00.000Z")}'`);
    await admin(`CREATE DATABASE migration_gate_20200101000000_abcdef`);
    await admin(`CREATE DATABASE migration_gate_20200101000000_fedcba`);
    await admin(`COMMENT ON DATABASE migration_gate_20200101000000_fedcba IS '${comment.replace(/abandoned after \S+$/, "abandoned after 2020-01-01T00:00:00.000Z")}'`);
    const busy = new pg.Client({ ...server.connection, database: "migration_gate_20200101000000_fedcba" });
    await busy.connect();
    try {
      next = await runCli(["check", "--data-source", "src/data-source.ts", "--database-url", `${base}/postgres`], { cwd: EXAMPLE });
      expect(next.stderr).toContain(`Dropped ${killed}, a throwaway database left behind by a run that was killed`);
      expect(await databases()).toEqual(["migration_gate_20200101000000_abcdef", "migration_gate_20200101000000_fedcba", "postgres"]);
    } finally {
      await busy.end();
      await admin("DROP DATABASE migration_gate_20200101000000_abcdef");
      await admin("DROP DATABASE migration_gate_20200101000000_fedcba");
    }
  });
});
