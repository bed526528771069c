import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import pg from "pg";
import { startTestPostgres } from "./helpers/postgres.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";
import { EXAMPLE } from "./helpers/paths.js";
import { runCli } from "./helpers/run-cli.js";

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
});
