import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { loadTransformer } from "./load-transformer.js";
import { writeCacheFile } from "./cache-writes.js";
import type { TsconfigInfo } from "./tsconfig-info.js";
import { contentHash } from "./type-metadata/dependencies.js";

interface CachedTsconfig {
  /** By content, not mtime: a fresh checkout (a new CI runner, a restored Actions cache) has new mtimes. */
  inputs: Array<{ file: string; sha1: string }>;
  info: TsconfigInfo;
}

/**
 * The project's tsconfig: the nearest tsconfig.json at or above the project (as tsc finds
 * it), parsed once and then read from the cache while it and the files it extends are unchanged.
 */
export function readTsconfig(projectDir: string, cacheDir: string | undefined): TsconfigInfo {
  const file = findUp(projectDir, "tsconfig.json");
  if (!file) return { compilerOptions: {} };
  const cacheFile = cacheDir && path.join(cacheDir, `tsconfig-${crypto.createHash("sha256").update(file).digest("hex").slice(0, 16)}.json`);
  if (cacheFile) {
    try {
      const cached = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as CachedTsconfig;
      if (cached.inputs.every((input) => sameFile(input))) return cached.info;
    } catch {
      // Not cached, or unreadable: parse it.
    }
  }
  const parsed = loadTransformer().parseTsconfig(file);
  if (cacheFile) {
    try {
      const inputs = parsed.inputs.map((input) => ({ file: input, sha1: contentHash(fs.readFileSync(input, "utf8")) }));
      writeCacheFile(cacheFile, JSON.stringify({ inputs, info: parsed.info } satisfies CachedTsconfig));
    } catch {
      // A read-only node_modules: no cache, same result.
    }
  }
  return parsed.info;
}

function sameFile(input: { file: string; sha1?: string }): boolean {
  try {
    return input.sha1 !== undefined && contentHash(fs.readFileSync(input.file, "utf8")) === input.sha1;
  } catch {
    return false;
  }
}

function findUp(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}
