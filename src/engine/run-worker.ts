import { fork, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { deserializeError, GateError } from "./errors.js";
import { onCleanup } from "./cleanup.js";
import type { DbConnection, EngineMessage, OracleResult, RerunMode, WorkerMessage, WorkerPhase, WorkerRequest, WorkerResult } from "../worker/protocol.js";
import type { MigrationRecord } from "./result.js";
import type { TrackingRow, TrackingTable } from "../migrations/tracking-rows.js";

export interface RunWorkerOptions {
  /** Time left of the run-wide timeout. */
  timeoutMs: number;
  /** The run-wide timeout as the user set it, for the message. */
  configuredTimeoutMs: number;
  /** Aborting kills the worker (the engine gave up on the run). */
  signal?: AbortSignal;
  onPhase?: (phase: WorkerPhase) => void;
  onMigrationStart?: (name: string) => void;
  /** The worker's whole environment (scrub-env.ts). */
  env: NodeJS.ProcessEnv;
  /** Set in a network namespace: the command node runs under (isolation.ts). */
  wrap?: (node: string[]) => string[];
}

const PHASE_NAMES: Record<WorkerPhase, string> = {
  load: "loading the project",
  migrate: "running migrations",
  "cross-check": "TypeORM's schema builder was cross-checking the result (cross-check: false skips it)",
};

/** Lines of the project's own output kept to explain a crash. */
const OUTPUT_TAIL = 40;

export interface WorkerHandle {
  /** The worker's result, or a GateError. */
  result: Promise<WorkerResult>;
  /**
   * TypeORM's schema-builder verdict, which the worker computes after sending the result
   * (undefined when cross-check is off), or a GateError.
   */
  oracle: Promise<OracleResult | undefined>;
  /** Hands over the throwaway database; the worker loads the project until it needs it. appliedRows: see protocol.ts. */
  connect(connection: DbConnection, appliedRows?: TrackingRow[]): void;
  /** Where the project's migrator records applied migrations, as soon as the worker has read its settings. */
  tracking: Promise<TrackingTable>;
  /** Settles when the worker's own run is over (result, and oracle when asked for): its database is free. */
  mainDone: Promise<void>;
  /** One of the request's reruns: the project's migrations on another database (protocol.ts). */
  rerun(connection: DbConnection, mode: RerunMode, names?: string[]): Promise<MigrationRecord[]>;
  /** One of the request's reruns is not wanted after all. */
  skipRerun(): void;
}

/**
 * Starts the worker (dist/worker.js) on the user's project right away, so loading and
 * transpiling the project overlaps with starting Postgres.
 */
export function startWorker(request: WorkerRequest, options: RunWorkerOptions): WorkerHandle {
  const workerFile = fileURLToPath(new URL("./worker.js", import.meta.url));
  const launch = { cwd: request.projectDir, env: options.env, stdio: ["ignore", "pipe", "pipe", "ipc"] as ("ignore" | "pipe" | "ipc")[], serialization: "advanced" as const };
  const command = options.wrap?.([process.execPath, workerFile]);
  const child = command ? spawn(command[0]!, command.slice(1), launch) : fork(workerFile, [], { ...launch, execArgv: [] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    output.splice(0, Math.max(0, output.length - OUTPUT_TAIL));
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const removeCleanup = onCleanup(() => void child.kill("SIGKILL"));

  let phase: WorkerPhase = "load";
  let migration: string | undefined;
  const post = (message: EngineMessage) => {
    if (child.connected) child.send(message);
  };
  let resolveResult!: (result: WorkerResult) => void;
  let resolveOracle!: (oracle: OracleResult | undefined) => void;
  let rejectOracle!: (error: unknown) => void;
  const oracle = new Promise<OracleResult | undefined>((resolve, reject) => {
    resolveOracle = resolve;
    rejectOracle = reject;
  });
  let resolveTracking!: (tracking: TrackingTable) => void;
  let rejectTracking!: (error: unknown) => void;
  const tracking = new Promise<TrackingTable>((resolve, reject) => {
    resolveTracking = resolve;
    rejectTracking = reject;
  });
  let resolveMainDone!: () => void;
  const mainDone = new Promise<void>((resolve) => (resolveMainDone = resolve));
  // Reruns: how many are still owed, and who waits for each answer (in order).
  let owed = request.reruns ?? 0;
  let mainOver = false;
  const waiting: Array<{ resolve: (migrations: MigrationRecord[]) => void; reject: (error: unknown) => void }> = [];
  // Set when the worker failed: later reruns get the same error.
  let failure: { error: unknown } | undefined;
  let finishIfDone: () => void = () => undefined;
  const result = new Promise<WorkerResult>((resolve, rejectResult) => {
    resolveResult = resolve;
    let settled = false;
    // The worker is done: with the oracle when cross-check is on, else with the result, and every rerun answered.
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      removeCleanup();
      if (child.exitCode === null) child.kill("SIGKILL");
      action();
    };
    finishIfDone = () => {
      if (mainOver && owed === 0) settle(() => undefined);
    };
    const endMain = () => {
      mainOver = true;
      resolveMainDone();
      finishIfDone();
    };
    // Rejecting the result once it resolved is a no-op, so a late failure reaches the oracle and the reruns only.
    const reject = (error: unknown) => {
      rejectResult(error);
      rejectOracle(error);
      rejectTracking(error);
      resolveMainDone();
      for (const waiter of waiting.splice(0)) waiter.reject(error);
      failure ??= { error };
    };
    const timer = setTimeout(() => {
      const where = migration ? `while migration ${migration} was running` : `while ${PHASE_NAMES[phase]}`;
      settle(() =>
        reject(
          new GateError("timeout", `The run did not finish within ${options.configuredTimeoutMs / 1000} s: it was stopped ${where}.`, {
            hint: migration
              ? `Look for something in ${migration} that waits forever (an unresolved promise, a lock, a prompt), or raise timeout (--timeout).`
              : phase === "cross-check"
                ? "Raise timeout (--timeout), or set cross-check: false to skip TypeORM's own schema comparison on very large projects."
                : "Loading the project hung: look for code that waits at import time (a connection, a prompt), or raise timeout (--timeout).",
          }),
        ),
      );
    }, options.timeoutMs);

    options.signal?.addEventListener("abort", () => settle(() => reject(new GateError("aborted", "The run was stopped."))), { once: true });

    child.on("message", (message: WorkerMessage) => {
      if (message.type === "phase") {
        phase = message.phase;
        if (message.phase === "cross-check") migration = undefined;
        options.onPhase?.(message.phase);
      } else if (message.type === "migration-start") {
        migration = message.name;
        options.onMigrationStart?.(message.name);
      } else if (message.type === "tracking") {
        resolveTracking(message.tracking);
      } else if (message.type === "result") {
        resolveResult(message.result);
        if (!request.crossCheck) {
          resolveOracle(undefined);
          endMain();
        }
      } else if (message.type === "oracle") {
        resolveOracle(message.oracle);
        endMain();
      } else if (message.type === "rerun-result" || message.type === "rerun-error") {
        const waiter = waiting.shift();
        owed--;
        if (message.type === "rerun-result") waiter?.resolve(message.migrations);
        else waiter?.reject(withOutput(deserializeError(message.error), output));
        finishIfDone();
      } else if (message.type === "error") {
        settle(() => reject(withOutput(deserializeError(message.error), output)));
      }
    });
    child.on("error", (error) => settle(() => reject(new GateError("worker-failed", `Could not start the process that loads the project: ${error.message}`, { cause: error }))));
    // "close", not "exit": it comes after the IPC channel and output are drained, so a result sent
    // just before exiting is never mistaken for a crash.
    child.on("close", (code, signal) => {
      const where = migration ? ` during migration ${migration}` : ` while ${PHASE_NAMES[phase]}`;
      settle(() =>
        reject(
          withOutput(
            new GateError("worker-crashed", `The process running your project exited${where} (${signal ? `signal ${signal}` : `exit code ${code}`}) before reporting.`, {
              hint: "Project code called process.exit() or crashed Node; its last output is below.",
            }),
            output,
          ),
        ),
      );
    });
    post({ type: "start", request });
  });
  // Callers may attach only after provisioning; until then a rejection is held here.
  result.catch(() => undefined);
  oracle.catch(() => undefined);
  mainDone.catch(() => undefined);
  tracking.catch(() => undefined);
  return {
    result,
    oracle,
    mainDone,
    tracking,
    connect: (connection, appliedRows) => post({ type: "connection", connection, ...(appliedRows && { appliedRows }) }),
    rerun(connection, mode, names) {
      if (failure) return Promise.reject(failure.error);
      return new Promise<MigrationRecord[]>((resolve, reject) => {
        waiting.push({ resolve, reject });
        post({ type: "rerun", connection, mode, ...(names && { names }) });
      });
    },
    skipRerun() {
      if (failure) return;
      owed--;
      post({ type: "rerun-skip" });
      finishIfDone();
    },
  };
}

function withOutput(error: GateError, output: string[]): GateError {
  if (output.length) {
    const existing = (error as { detail?: string }).detail;
    Object.assign(error, { detail: [existing, `Project output (last ${output.length} lines):`, ...output].filter(Boolean).join("\n") });
  }
  return error;
}
