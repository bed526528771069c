import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { GateError } from "../engine/errors.js";
import { reachableByOthers, type PostgresBinaries } from "./embedded-binaries.js";
import { dataRoot } from "./data-root.js";
import { freePort } from "./free-port.js";
import type { ProvisionedDatabase } from "./provider.js";
import { serverVersion } from "./server-version.js";
import { startWatchdog } from "./watchdog.js";
import { unprivilegedUser, type RunAs } from "./run-as.js";

const READY_TIMEOUT_MS = 30_000;
/**
 * Postgres' default is 128MB. The cluster's files sit in the OS page cache (tmpfs when there is
 * room, data-root.ts), so every page a backend pulls into shared buffers is held twice, and
 * each backend's RSS counts the buffers it touched: at 500 entities the catalog read and the
 * cross-check together held about 35 MB more than with 16MB, with no measurable time lost
 * (docs/performance.md, "Cold start", change 10). Nothing the gate runs needs a larger cache: DDL and
 * catalog reads of a few MB.
 */
export const SHARED_BUFFERS = "16MB";

export interface LocalClusterOptions {
  binaries: PostgresBinaries;
  /** Provider name for the log and the report. */
  provider: string;
  /** Extra server settings (`-c name=value`), e.g. log_connections for tests that audit connections. */
  settings?: Record<string, string>;
  /** Receives the server's own log output after start-up. */
  onServerLog?: (text: string) => void;
}

/**
 * A private Postgres from a set of binaries (embedded or locally installed): initdb into a
 * fresh temp dir, postgres on a free loopback port with durability off (nothing here
 * outlives the run), stopped and deleted by dispose().
 */
export async function startLocalCluster({ binaries: located, provider, settings = {}, onServerLog }: LocalClusterOptions): Promise<ProvisionedDatabase> {
  const runAs = unprivilegedUser();
  const binaries = runAs ? reachableByOthers(located) : located;
  const root = fs.mkdtempSync(path.join(dataRoot(), "migration-gate-pg-"));
  let server: ChildProcess | undefined;
  let watchdog: { stop(): void } | undefined;
  let disposing = false;

  const dispose = async () => {
    disposing = true;
    if (server && server.exitCode === null && server.signalCode === null) await stop(server);
    server = undefined;
    watchdog?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };

  try {
    // Postgres needs every parent folder traversable by the account it runs as.
    fs.chmodSync(root, 0o755);
    const dataDir = path.join(root, "data");
    if (runAs) fs.chownSync(root, runAs.uid, runAs.gid);
    await run(binaries.initdb, ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], runAs);

    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const serverSettings = { listen_addresses: "127.0.0.1", fsync: "off", synchronous_commit: "off", full_page_writes: "off", shared_buffers: SHARED_BUFFERS, ...settings };
      server = spawn(
        binaries.postgres,
        ["-D", dataDir, "-p", String(port), "-k", root, ...Object.entries(serverSettings).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
        { stdio: ["ignore", "ignore", "pipe"], env: serverEnv(process.env), ...(runAs && { uid: runAs.uid, gid: runAs.gid }) },
      );
      watchdog?.stop();
      watchdog = startWatchdog({ parentPid: process.pid, serverPid: server.pid!, dir: root });
      const outcome = await waitUntilReady(server);
      if (outcome.ready) {
        let lastLog = "";
        server.stderr!.on("data", (chunk: Buffer) => {
          lastLog = (lastLog + chunk.toString()).slice(-2000);
          onServerLog?.(chunk.toString());
        });
        const running = server;
        const died = new Promise<string>((resolve) =>
          running.once("exit", (code, signal) => {
            if (!disposing) resolve(`its process exited (${signal ? `signal ${signal}` : `exit code ${code}`}); last log: ${lastLog.trim().split("\n").slice(-2).join(" | ") || "none"}`);
          }),
        );
        const connection = { host: "127.0.0.1", port, user: "postgres", password: "", database: "postgres", ssl: false as const };
        return { provider: `${provider} (${binaries.source})`, connection, serverVersion: await serverVersion(connection), died, dispose };
      }
      if (/could not bind|Address already in use/i.test(outcome.log) && attempt < 3) continue;
      throw new GateError("postgres-start-failed", `Postgres (${binaries.postgres}) did not start: ${outcome.log.trim().split("\n").slice(-3).join(" | ")}`, {
        hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres).",
      });
    }
  } catch (error) {
    await dispose();
    throw error;
  }
}

function run(binary: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], env: serverEnv(process.env), ...(runAs && { uid: runAs.uid, gid: runAs.gid }) });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) =>
      reject(new GateError("postgres-start-failed", `Could not run ${binary}: ${error.message}`, { hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres).", cause: error })),
    );
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new GateError("postgres-start-failed", `${path.basename(binary)} failed (exit ${code}): ${output.trim().split("\n").slice(-3).join(" | ")}`, { hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres)." }));
    });
  });
}

function waitUntilReady(server: ChildProcess): Promise<{ ready: boolean; log: string }> {
  return new Promise((resolve) => {
    let log = "";
    const timer = setTimeout(() => finish(false), READY_TIMEOUT_MS);
    const finish = (ready: boolean) => {
      clearTimeout(timer);
      server.stderr!.removeListener("data", onData);
      server.removeListener("exit", onExit);
      // Keep draining the log so a full pipe never blocks the server.
      server.stderr!.resume();
      resolve({ ready, log });
    };
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("ready to accept connections")) finish(true);
    };
    const onExit = () => finish(false);
    server.stderr!.on("data", onData);
    server.once("exit", onExit);
  });
}

/** Fast shutdown (SIGINT), then SIGKILL if the server has not gone within 10 s. */
function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill("SIGINT");
  });
}

/**
 * The server's environment: what Postgres needs (where its libraries and locale data are), and
 * nothing of the job's. A migration runs as superuser here, and `COPY ... FROM PROGRAM` or an
 * archive command would hand a shell whatever the server was started with: the deploy job's
 * DATABASE_URL and PG* variables among it.
 */
export function serverEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^(PATH|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|LD_LIBRARY_PATH|DYLD_LIBRARY_PATH|SYSTEMROOT|WINDIR)$/.test(key)) kept[key] = value;
  }
  return kept;
}
