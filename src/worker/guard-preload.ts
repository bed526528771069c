/**
 * The guard, preloaded (NODE_OPTIONS --require) into the worker and into every Node process and
 * worker thread below it: the socket guard, the subprocess watch, the thread guard and the
 * native-driver guard, all recording to the run's event log (guard-events.ts). Built as
 * CommonJS (dist/guard-preload.cjs) so that --require can load it into any project.
 */
import { isMainThread } from "node:worker_threads";
import path from "node:path";
import { GUARD_CONFIG_VARIABLE, readGuardConfig, SPAWNED_AT_VARIABLE, WORKER_MARK_VARIABLE } from "./guard-config.js";
import { appendGuardEvent } from "./guard-events.js";
import { installNetGuard, type NetGuard } from "./net-guard.js";
import { watchSubprocesses } from "./subprocess-watch.js";
import { guardThreads } from "./thread-guard.js";
import { guardNativeDriver } from "./native-driver-guard.js";
import { scrubEnv } from "./scrub-env.js";

const GUARD_HANDLE = Symbol.for("migration-gate.guard");

declare const __filename: string;

function install(): void {
  const config = readGuardConfig();
  if (!config) return;
  const isWorker = isMainThread && process.env[WORKER_MARK_VARIABLE] === "1";
  // Only the worker itself has it: its children and threads must not think they are the worker.
  delete process.env[WORKER_MARK_VARIABLE];
  const via: "worker" | "thread" | "subprocess" = !isMainThread ? "thread" : isWorker ? "worker" : "subprocess";
  const command = via === "subprocess" ? [path.basename(process.argv0 || "node"), ...process.argv.slice(1)].join(" ") : undefined;
  const spawnedAt = process.env[SPAWNED_AT_VARIABLE];
  const record = (target: string, origin: string | undefined, kind: "worker" | "thread" | "subprocess" | "native" = via) =>
    appendGuardEvent(config.eventLog, { type: "blocked", at: Date.now(), target, origin, via: kind, command, spawnedAt });

  const guard: NetGuard = installNetGuard({
    allowed: { ...config.door, database: config.database },
    traps: config.traps,
    ownDir: config.ownDir,
    onBlocked: ({ target, origin }) => record(target, origin),
  });
  const preload = __filename;
  // A child given an environment of its own still gets the guard's settings.
  const scrub = (env: NodeJS.ProcessEnv) => ({ ...scrubEnv(env, { door: config.door, preload }).env, [GUARD_CONFIG_VARIABLE]: process.env[GUARD_CONFIG_VARIABLE] });
  watchSubprocesses({ callSite: guard.callSite, scrub, record: (event) => appendGuardEvent(config.eventLog, event) });
  guardThreads({ preload, configVariable: GUARD_CONFIG_VARIABLE });
  guardNativeDriver({ door: config.door, database: config.database, traps: config.traps, callSite: guard.callSite, onBlocked: (target, origin) => record(target, origin, "native") });
  (globalThis as Record<symbol, unknown>)[GUARD_HANDLE] = guard;
}

install();
