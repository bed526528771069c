import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { VERSION } from "../version.js";

const LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb"];
/** What the transform reads: sources, and the tsconfigs that decide its options. */
const SOURCE = /\.(?:[cm]?tsx?|[cm]?jsx?)$|^tsconfig.*\.json$/;
const MAX_FILES = 50_000;

export interface TransformCacheKey {
  key: string;
  /** Newest first: the same lockfile with other sources, then any entry of this gate version. */
  restoreKeys: string[];
}

/**
 * The Actions cache key for a project's transform cache: gate version, platform, lockfile hash,
 * source hash. A rerun of the same commit hits it exactly; a new commit restores the newest
 * entry with the same dependencies by prefix (most files unchanged, so most of the run is warm)
 * and saves its own. Entries themselves are validated per file (transform-cache.ts), so a
 * restored cache can be stale but never wrong.
 */
export function transformCacheKey(projectDir: string, workspace: string): TransformCacheKey {
  const prefix = `migration-gate-transform-${VERSION}-${process.platform}-${process.arch}-`;
  const lock = `${hashLockfile(projectDir, workspace)}-`;
  return { key: `${prefix}${lock}${hashSources(projectDir)}`, restoreKeys: [`${prefix}${lock}`, prefix] };
}

function hashLockfile(projectDir: string, workspace: string): string {
  const stop = path.resolve(workspace);
  for (let dir = path.resolve(projectDir); ; dir = path.dirname(dir)) {
    for (const name of LOCKFILES) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return sha(fs.readFileSync(file));
    }
    if (dir === stop || path.dirname(dir) === dir) return "nolock";
  }
}

function hashSources(projectDir: string): string {
  const hash = crypto.createHash("sha256");
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (files.length >= MAX_FILES) return;
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name)) files.push(full);
    }
  };
  walk(projectDir);
  for (const file of files) hash.update(`${path.relative(projectDir, file)}\0`).update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

function sha(data: Buffer): string {
  return crypto.createHash("sha256").update(data).digest("hex").slice(0, 16);
}
