import fs from "node:fs";
import path from "node:path";
import * as cache from "@actions/cache";
import { transformCacheKey } from "../engine/transform-cache-key.js";
import { transformCacheDir } from "../worker/transform-cache.js";

export interface KeptTransformCache {
  /** After the run: the entries this run used, saved under the run's key (unless it was an exact hit). */
  save(): Promise<void>;
}

interface KeepOptions {
  projectDir: string;
  workspace: string;
  info: (line: string) => void;
  warning: (line: string) => void;
}

/**
 * The transform cache lives in node_modules/.cache, which `npm ci` recreates on every runner:
 * the action restores it from the Actions cache before the run and saves it after, so the
 * second run of a branch finds its files transpiled. Never fatal: a cache service that fails
 * costs only speed, and says so.
 */
export async function restoreTransformCache(options: KeepOptions): Promise<KeptTransformCache | undefined> {
  const dir = transformCacheDir(options.projectDir);
  if (!dir) {
    options.info("Transform cache: not kept between runs (no node_modules in the project folder, or MIGRATION_GATE_TRANSFORM_CACHE=off)");
    return undefined;
  }
  if (!cache.isFeatureAvailable()) {
    options.info("Transform cache: the Actions cache service is not available to this step, so transpiled files are not kept between runs");
    return undefined;
  }
  const { key, restoreKeys } = transformCacheKey(options.projectDir, options.workspace);
  const started = Date.now();
  let hit: string | undefined;
  try {
    hit = await cache.restoreCache([dir], key, restoreKeys);
  } catch (error) {
    options.warning(`Transform cache: could not restore it from the Actions cache (${message(error)}); this run transpiles every file`);
  }
  options.info(hit ? `Transform cache: restored ${hit === key ? "this commit's" : "the nearest"} entry (${hit}) in ${seconds(Date.now() - started)}` : `Transform cache: no entry yet for ${restoreKeys[0]}*; this run fills it`);
  // Entries read or written from here on are this run's; the rest go before saving. (On a file
  // system with coarse mtimes a used entry may be pruned: the next run transpiles it again.)
  const runStarted = Date.now();
  return {
    save: async () => {
      if (hit === key) return;
      const pruned = pruneUnused(dir, runStarted);
      if (!fs.existsSync(dir)) return;
      const saveStarted = Date.now();
      try {
        await cache.saveCache([dir], key);
        options.info(`Transform cache: saved as ${key} in ${seconds(Date.now() - saveStarted)}${pruned ? ` (${pruned} entries no longer used left out)` : ""}`);
      } catch (error) {
        options.warning(`Transform cache: could not save it to the Actions cache (${message(error)}); the next run transpiles again`);
      }
    },
  };
}

/** Entries older than the run were not read by it (a hit refreshes an entry's mtime): removed, so the cache does not grow with every commit. */
function pruneUnused(dir: string, runStarted: number): number {
  let pruned = 0;
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    // A staging file left by a killed worker (worker/cache-writes.ts): the run is over, so none is live.
    if (file.endsWith(".tmp")) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (!file.endsWith(".js")) continue;
    try {
      if (fs.statSync(file).mtimeMs < runStarted) {
        fs.rmSync(file);
        pruned++;
      }
    } catch {
      // Gone already.
    }
  }
  return pruned;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
