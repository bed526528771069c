/**
 * deploy-check's safety around the target: a TLS-only server reached with sslmode=require by a
 * read-only user, the refusals that keep the throwaway database off the target's server, an
 * unreachable target, and the action's deploy-check (masked URL, outputs, no event base, and
 * baseline refused).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { unprivilegedUser } from "../src/postgres/run-as.js";
import { drizzleProject, type DrizzleProject } from "./helpers/drizzle.js";
import { FakeGithub } from "./helpers/fake-github.js";
import { FIXTURES } from "./helpers/paths.js";
import { startTestPostgres, withTestClient } from "./helpers/postgres.js";
import { runAction } from "./helpers/run-action.js";
import { runCli, runCliJson } from "./helpers/run-cli.js";
import { tempProject } from "./helpers/temp-project.js";
import { drizzleMigrate, STAGING_PASSWORD, startStaging, writesFrom, type Staging } from "./helpers/staging.js";

let staging: Staging;
let project: DrizzleProject;
let url: string;

beforeAll(async () => {
  staging = await startStaging();
  project = drizzleProject("drizzle 0.45");
  project.generate("init");
  url = await staging.createDatabase("app");
  await drizzleMigrate("drizzle 0.45", path.join(project.dir, "drizzle"), url);
});
afterAll(async () => {
  project?.cleanup();
  await staging?.dispose();
});

async function databases(): Promise<string[]> {
  return (await staging.sql("postgres", "SELECT datname FROM pg_database ORDER BY datname")).rows.map((r) => r.datname as string);
}

describe("refusals and failures name what is wrong, and touch nothing", () => {
  test("database-url on the target's own server is refused before anything is created there", async () => {
    const before = await databases();
    const mark = await staging.mark();
    const c = staging.server.connection;
    const run = await runCli(["deploy-check", "--target-url", url, "--database-url", `postgres://${c.user}:${STAGING_PASSWORD}@${c.host}:${c.port}/postgres`], { cwd: project.dir });
    expect(run.stderr).toContain(`points at the target's own server (${c.host}:${c.port}): the gate would create its throwaway database next to the database it checks.`);
    expect(run.status).toBe(2);
    expect(await databases()).toEqual(before);
    expect(writesFrom(await staging.statementsSince(mark))).toEqual([]);
  });

  test("target-url with check, base-ref with deploy-check, deploy-check without target-url: exit 2 and the next step", async () => {
    const check = await runCli(["check", "--target-url", url], { cwd: project.dir });
    expect(check.stderr).toContain("target-url (--target-url) is for deploy-check and baseline, but the command is check.");
    expect(check.status).toBe(2);
    const scoped = await runCli(["deploy-check", "--target-url", url, "--base-ref", "HEAD"], { cwd: project.dir });
    expect(scoped.stderr).toContain("base-ref (--base-ref) has no meaning for deploy-check");
    expect(scoped.status).toBe(2);
    const missing = await runCli(["deploy-check"], { cwd: project.dir });
    expect(missing.stderr).toContain("deploy-check needs target-url (--target-url): the database the deploy migrates.");
    expect(missing.status).toBe(2);
    for (const run of [check, scoped]) expect(run.stdout + run.stderr).not.toContain(STAGING_PASSWORD);
  });

  test("an unreachable target: where, why, and what to check; the password never printed", async () => {
    const closed = `postgres://reader:${STAGING_PASSWORD}@127.0.0.1:1/app`;
    const run = await runCli(["deploy-check", "--target-url", closed], { cwd: project.dir });
    expect(run.stderr).toContain("Could not connect to the target database 127.0.0.1:1/app: connect ECONNREFUSED 127.0.0.1:1");
    expect(run.stderr).toContain("Next step: Check target-url (--target-url)");
    expect(run.stdout + run.stderr).not.toContain(STAGING_PASSWORD);
    expect(run.status).toBe(2);
  });
});

test("a project that fails to load: the hint says the target was only read, not that no database was contacted", async () => {
  const typeorm = tempProject({ from: path.join(FIXTURES, "typeorm1-esm") });
  try {
    const source = path.join(typeorm.dir, "src", "data-source.ts");
    fs.writeFileSync(source, fs.readFileSync(source, "utf8").replace(`type: "postgres",`, `type: process.env.MG_TEST_DB_TYPE as "postgres",`));
    const run = await runCli(["deploy-check", "--target-url", url, "--data-source", "src/data-source.ts"], { cwd: typeorm.dir });
    expect(run.stderr).toContain("MG_TEST_DB_TYPE");
    expect(run.stderr).toContain("The target was only read; nothing was written to it, and the project's code never reached it.");
    expect(run.stderr).not.toContain("No database was contacted");
    expect(run.status).toBe(2);
  } finally {
    typeorm.cleanup();
  }
});

describe("the action", () => {
  let github: FakeGithub;
  beforeAll(async () => {
    github = await new FakeGithub().start();
  });
  afterAll(() => github?.stop());

  test("command: deploy-check masks target-url, reports pending as an output, and takes no base from the event", async () => {
    project.generate("nothing_changed", ["--custom"]);
    try {
      const run = await runAction({ workspace: project.dir, inputs: { command: "deploy-check", "target-url": url }, github, baseSha: "0123456789abcdef0123456789abcdef01234567" });
      // The runner masks the password wherever it shows up; the gate itself never prints it.
      expect(run.stdout).toContain(`::add-mask::${STAGING_PASSWORD}`);
      expect(run.stdout).toContain(`::add-mask::${url}`);
      expect(run.stdout.split("\n").filter((line) => !line.startsWith("::add-mask::")).join("\n")).not.toContain(STAGING_PASSWORD);
      expect(run.stdout).not.toContain("base-ref:");
      expect(run.outputs).toMatchObject({ status: "passed", errors: "0", pending: "1" });
      expect(run.summary).toContain("127.0.0.1");
      expect(run.status).toBe(0);
    } finally {
      for (const file of project.migrationFiles().filter((f) => f.includes("nothing_changed"))) fs.rmSync(path.join(project.dir, "drizzle", file));
      const journal = path.join(project.dir, "drizzle", "meta", "_journal.json");
      const parsed = JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: Array<{ tag: string }> };
      parsed.entries = parsed.entries.filter((e) => !e.tag.includes("nothing_changed"));
      fs.writeFileSync(journal, JSON.stringify(parsed, null, 2));
    }
  });

  test("command: baseline is refused: it writes, so it is run deliberately from the CLI", async () => {
    const mark = await staging.mark();
    const run = await runAction({ workspace: project.dir, inputs: { command: "baseline", "target-url": url }, github });
    expect(run.stdout).toContain("command: baseline is not run from the action: it writes to the target database.");
    expect(run.outputs["status"]).toBe("error");
    expect(run.status).toBe(1);
    expect(writesFrom(await staging.statementsSince(mark))).toEqual([]);
  });
});

describe("TLS", () => {
  const hasOpenssl = (() => {
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  if (!hasOpenssl) {
    test.skip("skipped: no openssl on this machine to make the server's certificate", () => undefined);
    return;
  }

  test("sslmode=require reaches a server that refuses unencrypted connections, as a read-only user", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-tls-"));
    const key = path.join(dir, "server.key");
    const cert = path.join(dir, "server.crt");
    const hba = path.join(dir, "pg_hba.conf");
    execFileSync("openssl", ["req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=staging-db", "-keyout", key, "-out", cert], { stdio: "ignore" });
    // The postgres superuser may connect in plain text (the test's setup); everyone else only over TLS.
    fs.writeFileSync(hba, ["local all all trust", "hostnossl all postgres 127.0.0.1/32 trust", "hostssl all all 127.0.0.1/32 trust", "hostnossl all all 127.0.0.1/32 reject", ""].join("\n"));
    fs.chmodSync(key, 0o600);
    // The server runs as an unprivileged user when the tests run as root: its key must be its own.
    const runAs = unprivilegedUser();
    if (runAs) for (const file of [dir, key, cert, hba]) fs.chownSync(file, runAs.uid, runAs.gid);
    const server = await startTestPostgres({ settings: { ssl: "on", ssl_cert_file: cert, ssl_key_file: key, hba_file: hba } });
    try {
      const c = server.connection;
      const setup = `postgres://${c.user}@${c.host}:${c.port}`;
      const admin = (database: string, sql: string) => withTestClient(server, { database, applicationName: "tls-setup" }, (client) => client.query(sql));
      await admin("postgres", "CREATE DATABASE app");
      await drizzleMigrate("drizzle 0.45", path.join(project.dir, "drizzle"), `${setup}/app`);
      await admin("app", "CREATE ROLE reader LOGIN; GRANT USAGE ON SCHEMA drizzle TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
      const target = `postgres://reader:${STAGING_PASSWORD}@${c.host}:${c.port}/app`;

      const tls = await runCliJson(["deploy-check", "--target-url", `${target}?sslmode=require`], { cwd: project.dir });
      expect(tls.report.findings).toEqual([]);
      expect(tls.status).toBe(0);

      const plain = await runCli(["deploy-check", "--target-url", `${target}?sslmode=disable`], { cwd: project.dir });
      expect(plain.stderr).toContain(`The target database ${c.host}:${c.port}/app refused the connection by its pg_hba.conf rules: pg_hba.conf rejects connection for host "127.0.0.1", user "reader", database "app", no encryption.`);
      expect(plain.stderr).toContain("Next step: The server accepts only encrypted connections: add ?sslmode=require to target-url");
      expect(plain.stdout + plain.stderr).not.toContain(STAGING_PASSWORD);
      expect(plain.status).toBe(2);
    } finally {
      await server.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
