import fs from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

/**
 * Cache writes (transform cache, tsconfig cache, the "used" stamps) off the load path. They
 * were synchronous, and a cold load of 300 files spent about 0.15 s in mkdir, write and
 * rename while the project's modules waited; now they go to libuv's threads and finish while
 * the worker waits for Postgres. The worker is killed once it has sent its result, so it
 * flushes them first (main.ts; the ESM hooks thread flushes its own on request).
 *
 * A failed write is dropped: a read-only node_modules means a run without the cache, the
 * same result.
 */
/** One write at a time: libuv has four threads, and the project's own async file reads (TypeORM
 * reads package.json files while it imports) must not queue behind hundreds of cache writes. */
let queue: Promise<void> = Promise.resolve();
let queued = 0;
/** Folders this thread has created or found, so each is made once, not once per file. */
const madeFolders = new Set<string>();
let staged = 0;

/** Writes `content` to `file` atomically (staging file, then rename), in the background. */
export function writeCacheFile(file: string, content: string): void {
  track(async () => {
    const folder = path.dirname(file);
    if (!madeFolders.has(folder)) {
      await fs.promises.mkdir(folder, { recursive: true });
      madeFolders.add(folder);
      await sweepStaleStaging(folder);
    }
    // pid, thread and a counter: the CommonJS loader and the ESM hooks thread share the pid.
    const staging = `${file}.${process.pid}-${threadId}-${++staged}.tmp`;
    await fs.promises.writeFile(staging, content);
    await fs.promises.rename(staging, file).catch(async (error: unknown) => {
      await fs.promises.rm(staging, { force: true });
      throw error;
    });
  });
}

/**
 * A worker killed between a staging write and its rename (a timeout, a crash, ^C) leaves the
 * staging file behind. It is never read, but nothing else removes it, so the first write into a
 * folder removes the ones old enough that no live run can still be renaming them.
 */
export const STALE_STAGING_MS = 60_000;

async function sweepStaleStaging(folder: string): Promise<void> {
  const names = await fs.promises.readdir(folder).catch(() => [] as string[]);
  const before = Date.now() - STALE_STAGING_MS;
  for (const name of names) {
    if (!name.endsWith(".tmp")) continue;
    const file = path.join(folder, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && stat.mtimeMs < before) await fs.promises.rm(file, { force: true });
  }
}

/** Marks a cache entry as used by this run (its mtime), in the background. */
export function touchCacheFile(file: string): void {
  track(async () => {
    const now = new Date();
    await fs.promises.utimes(file, now, now);
  });
}

/** Settles once every write started so far (and any started meanwhile) has finished or failed. */
export async function flushCacheWrites(): Promise<void> {
  while (queued > 0) await queue;
}

function track(write: () => Promise<void>): void {
  queued++;
  queue = queue
    .then(write)
    .catch(() => undefined)
    .finally(() => queued--);
}
