import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { PostgresBinaries } from "./embedded-binaries.js";

const execFileAsync = promisify(execFile);

/**
 * Folders where a local Postgres installation keeps initdb and postgres, most explicit first:
 * PGBIN, PATH, then the usual places of Debian/Ubuntu (GitHub's ubuntu runners have one),
 * RHEL, Homebrew, Postgres.app and the Windows installer.
 */
export function candidateBinDirs(major: number, env: NodeJS.ProcessEnv = process.env): string[] {
  const pathDirs = (env["PATH"] ?? "").split(path.delimiter).filter(Boolean);
  const dirs = [
    env["PGBIN"],
    ...pathDirs,
    `/usr/lib/postgresql/${major}/bin`,
    `/usr/pgsql-${major}/bin`,
    `/opt/homebrew/opt/postgresql@${major}/bin`,
    `/usr/local/opt/postgresql@${major}/bin`,
    `/Applications/Postgres.app/Contents/Versions/${major}/bin`,
    `C:\\Program Files\\PostgreSQL\\${major}\\bin`,
  ];
  return [...new Set(dirs.filter((d): d is string => Boolean(d)))];
}

export interface LocalSearch {
  found?: PostgresBinaries & { version: string };
  /** Installations seen with another major, for the log: "/usr/lib/postgresql/15/bin (15.18)". */
  otherVersions: string[];
}

/** The first installation of the requested major. Runs `postgres --version` on each candidate. */
export async function findLocalBinaries(major: number, env: NodeJS.ProcessEnv = process.env): Promise<LocalSearch> {
  const exe = process.platform === "win32" ? ".exe" : "";
  const otherVersions: string[] = [];
  const seen = new Set<string>();
  for (const dir of candidateBinDirs(major, env)) {
    const initdb = path.join(dir, `initdb${exe}`);
    const postgres = path.join(dir, `postgres${exe}`);
    if (!isExecutable(initdb) || !isExecutable(postgres)) continue;
    const real = fs.realpathSync(postgres);
    if (seen.has(real)) continue;
    seen.add(real);
    const version = await versionOf(postgres);
    if (!version) continue;
    if (Number(version.split(".")[0]) === major) return { found: { root: path.dirname(dir), initdb, postgres, source: dir, version }, otherVersions };
    otherVersions.push(`${dir} (${version})`);
  }
  return { otherVersions };
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

async function versionOf(postgres: string): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync(postgres, ["--version"], { timeout: 10_000 });
    return /(\d+(?:\.\d+)?)/.exec(stdout)?.[1];
  } catch {
    return undefined;
  }
}
