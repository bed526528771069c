import fs from "node:fs";
import os from "node:os";

const SHM = "/dev/shm";
const MIN_FREE_BYTES = 1024 ** 3;

/**
 * Where the throwaway cluster lives. Nothing in it outlives the run, so on Linux it goes to
 * tmpfs (/dev/shm) when that has room: initdb there takes a third of the time it takes on a
 * disk-backed /tmp, and no I/O is wasted on data nobody keeps. An explicit TMPDIR wins.
 */
export function dataRoot(): string {
  if (process.env["TMPDIR"] || process.platform !== "linux") return os.tmpdir();
  try {
    const stats = fs.statfsSync(SHM);
    fs.accessSync(SHM, fs.constants.W_OK);
    if (stats.bavail * stats.bsize >= MIN_FREE_BYTES) return SHM;
  } catch {
    // No usable /dev/shm (some containers): fall back to the temp dir.
  }
  return os.tmpdir();
}
