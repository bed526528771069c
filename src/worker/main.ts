/**
 * The worker: a child process, cwd = the user's project, that loads the project's own typeorm
 * and code, runs the migration chain against the throwaway database, and sends back plain
 * JSON. Keeping user code out of the engine's process gives isolation, a hard timeout
 * (the engine can kill it) and clean globals for free.
 */
import "reflect-metadata";
import path from "node:path";
import { serializeError } from "../engine/errors.js";
import type { DbConnection, EngineMessage, RerunMode, WorkerMessage, WorkerPhase, WorkerRequest, WorkerResult } from "./protocol.js";
import type { TrackingRow, TrackingTable } from "../migrations/tracking-rows.js";
import { installTransformHooks, type InstalledHooks } from "./install-hooks.js";
import { flushCacheWrites } from "./cache-writes.js";
import type { TransformSettings } from "./transform-settings.js";
import { moduleFormat, packageScope } from "./module-scope.js";
import type { NetGuard } from "./net-guard.js";
import { GateError } from "../engine/errors.js";
import { SiteRegistry } from "./site-registry.js";
import { transformCacheDir } from "./transform-cache.js";
import { readTsconfig } from "./read-tsconfig.js";
import { runTypeormProject } from "./typeorm/run-typeorm-project.js";
import { runDrizzleProject } from "./drizzle/run-drizzle-project.js";

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, undefined, () => resolve()));
}

let resolveConnection: (connection: DbConnection) => void = () => undefined;
const connection = new Promise<DbConnection>((resolve) => (resolveConnection = resolve));
/** deploy-check: the target's migrations table, which the worker's own run replays up to (protocol.ts). */
let resolveApplied: (rows: TrackingRow[] | undefined) => void = () => undefined;
const appliedRows = new Promise<TrackingRow[] | undefined>((resolve) => (resolveApplied = resolve));
/** Installed by dist/guard-preload.cjs (NODE_OPTIONS), before this module ran. */
const guard = (globalThis as Record<symbol, unknown>)[Symbol.for("migration-gate.guard")] as NetGuard | undefined;

async function main(request: WorkerRequest): Promise<void> {
  process.setSourceMapsEnabled(true);
  // Fail closed: without the guard, no user code runs.
  if (!guard) throw new GateError("guard-missing", "migration-gate's connection guard did not load in the process that runs your project, so the gate stopped before loading it.", { hint: "Something replaced NODE_OPTIONS for the worker; report this as a bug." });
  guard.loading();

  const cacheDir = request.transformCache ? transformCacheDir(request.projectDir) : undefined;
  const tsconfig = readTsconfig(request.projectDir, cacheDir);
  const settings: TransformSettings = { tsconfig, cacheDir, ...(request.transpiler.kind === "oxc" && { oxcBinding: request.transpiler.binding }) };
  hooks = installTransformHooks(settings, { esm: needsEsmHooks(request) });
  const sites = new SiteRegistry();
  sites.install();

  // What both adapters report, the same way.
  const shared = {
    connection,
    appliedRows,
    onTracking: (tracking: TrackingTable) => void send({ type: "tracking", tracking }),
    sites,
    onPhase: (phase: WorkerPhase) => {
      if (phase === "migrate") guard?.loaded();
      void send({ type: "phase", phase });
    },
    onMigrationStart: (name: string) => void send({ type: "migration-start", name }),
    onResult: async (result: WorkerResult) => {
      if (!request.crossCheck) await flushCaches();
      await send({ type: "result", result });
    },
  };
  const rerun =
    request.project.kind === "drizzle"
      ? await runDrizzleProject({ ...shared, projectDir: request.projectDir, project: request.project })
      : await runTypeormProject({
          ...shared,
          request,
          onOracle: async (oracle) => {
            await flushCaches();
            await send({ type: "oracle", oracle });
          },
        });
  for (let i = 0; i < (request.reruns ?? 0); i++) {
    const next = await nextRerun();
    if (!next) continue;
    try {
      await send({ type: "rerun-result", migrations: await rerun(next.connection, next.mode, next.names) });
    } catch (error) {
      await send({ type: "rerun-error", error: serializeError(error) });
    }
  }
}

/**
 * The engine kills the worker once its last message is in (the oracle with the cross-check,
 * else the result), so cache writes still under way are finished first. Not before the result
 * when the oracle follows: the engine reads the catalog meanwhile, and the writes finish then.
 */
async function flushCaches(): Promise<void> {
  // Before the hooks are in, only this thread can have writes (the tsconfig cache).
  await (hooks ? hooks.flush() : flushCacheWrites());
}
let hooks: InstalledHooks | undefined;

/** Reruns the engine asked for, in order; undefined for a skipped one. */
const reruns: Array<{ connection: DbConnection; mode: RerunMode; names?: string[] } | undefined> = [];
let rerunArrived: () => void = () => undefined;
async function nextRerun(): Promise<{ connection: DbConnection; mode: RerunMode; names?: string[] } | undefined> {
  while (reruns.length === 0) await new Promise<void>((resolve) => (rerunArrived = resolve));
  return reruns.shift();
}

/**
 * ESM hooks cost a second TypeScript load on Node's hooks thread, so they are registered only
 * when the project can import ESM: a "type": "module" project, or ESM files named explicitly.
 */
function needsEsmHooks({ projectDir, project }: WorkerRequest): boolean {
  if (packageScope(path.join(projectDir, "package.json")) === "module") return true;
  if (project.kind === "drizzle") return [project.configFile ?? "", ...project.schema].some((file) => /\.m[jt]s\b/.test(file));
  const files = project.kind === "data-source" ? [project.file] : project.kind === "ormconfig" ? [project.file ?? ""] : [...project.entities, ...project.migrations];
  return files.some((file) => /\.m[jt]s\b|\{[^}]*m[jt]s/.test(file) || (project.kind === "data-source" && moduleFormat(file) === "module"));
}

process.on("message", (message: EngineMessage) => {
  if (message.type === "connection") {
    resolveApplied(message.appliedRows);
    resolveConnection(message.connection);
    return;
  }
  if (message.type === "rerun" || message.type === "rerun-skip") {
    reruns.push(message.type === "rerun" ? { connection: message.connection, mode: message.mode, ...(message.names && { names: message.names }) } : undefined);
    rerunArrived();
    return;
  }
  main(message.request)
    .catch(async (error: unknown) => {
      // What loaded before the failure stays cached: the rerun after a fix starts warm.
      await flushCaches();
      await send({ type: "error", error: serializeError(error) });
    })
    // Exit explicitly: user code may leave handles (timers, pools) open.
    .finally(() => process.exit(0));
});

// The engine is gone (killed, crashed): nobody will read our result, and user code must not run on.
process.on("disconnect", () => process.exit(1));

// A dangling promise rejection in user code must not pass silently, nor kill the worker mid-report.
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`migration-gate: unhandled rejection in project code: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
});
