import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabaseDoor, type DatabaseDoor } from "./db-door.js";
import { scrubEnv } from "../worker/scrub-env.js";
import { DOOR_DATABASE, GUARD_CONFIG_VARIABLE, trapDatabase, WORKER_MARK_VARIABLE, type GuardConfig } from "../worker/guard-config.js";
import { startWatchdog } from "../postgres/watchdog.js";

export interface Sandbox {
  /** Its private folder: removed on close, and by the watchdog if the gate is killed. */
  dir: string;
  door: DatabaseDoor;
  /** The worker's environment and the guard's settings in it. */
  env: NodeJS.ProcessEnv;
  config: GuardConfig;
  close(): Promise<void>;
}

/**
 * The door, the event log and the scrubbed environment: everything the worker is confined by,
 * made before it starts (the door needs no server yet; it holds connections until it opens).
 */
export async function openSandbox({ stableName }: { stableName?: string } = {}): Promise<Sandbox> {
  // One short private folder for the door's socket and the event log; if the gate is SIGKILLed,
  // the watchdog removes it.
  const dir = (stableName && claimStableDir(stableName)) || fs.mkdtempSync(path.join(os.tmpdir(), "mg-"));
  const watchdog = startWatchdog({ parentPid: process.pid, dir });
  const door = await openDatabaseDoor({ dir });
  const distDir = path.dirname(fileURLToPath(import.meta.url));
  const preload = path.join(distDir, "guard-preload.cjs");
  const config: GuardConfig = {
    door: { path: door.socketPath, host: door.host, port: door.port },
    database: DOOR_DATABASE,
    eventLog: path.join(dir, "events.jsonl"),
    traps: {},
    ownDir: distDir,
  };
  const { env, trapped } = scrubEnv(process.env, { door, preload });
  for (const trap of trapped) config.traps[trapDatabase(trap.name)] = { variable: trap.name, target: trap.target };
  env[GUARD_CONFIG_VARIABLE] = JSON.stringify(config);
  env[WORKER_MARK_VARIABLE] = "1";
  let closed = false;
  return {
    dir,
    door,
    env,
    config,
    async close() {
      if (closed) return;
      closed = true;
      await door.close();
      fs.rmSync(dir, { recursive: true, force: true });
      watchdog.stop();
    },
  };
}

/**
 * The same folder on every run, when no other live run holds it: the base revision's worktree
 * lives there, and the transform cache keys files by path, so a second run (or a CI job that
 * keeps the cache) finds the base's files transformed. Held by a pid file; a folder whose
 * holder is dead is a killed run's and is taken over. Undefined: in use, take a fresh one.
 */
function claimStableDir(name: string): string | undefined {
  const dir = path.join(os.tmpdir(), name);
  const pidFile = path.join(dir, "owner.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
      fs.writeFileSync(pidFile, String(process.pid));
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
      const owner = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, "utf8") : NaN);
      if (isAlive(owner)) return undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
