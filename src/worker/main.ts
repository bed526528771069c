/**
 * The worker: a child process, cwd = the user's project, that loads the project's own typeorm
 * and code, runs the migration chain against the throwaway database, and sends back plain
 * JSON. Keeping user code out of the engine's process gives isolation, a hard timeout
 * (the engine can kill it) and clean globals for free.
 */
import "reflect-metadata";
import { register } from "node:module";
import { serializeError } from "../engine/errors.js";
import type { BlockedConnection, WorkerMessage, WorkerRequest, WorkerResult } from "./protocol.js";
import { installCommonJsHooks } from "./register-cjs.js";
import { installNetGuard } from "./net-guard.js";
import { SiteRegistry } from "./site-registry.js";
import { readTsconfig } from "./tsconfig.js";
import { runTypeormProject } from "./typeorm/run-typeorm-project.js";

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, undefined, () => resolve()));
}

async function main(request: WorkerRequest): Promise<WorkerResult> {
  process.setSourceMapsEnabled(true);
  const blockedConnections: BlockedConnection[] = [];
  installNetGuard({
    allowed: { host: request.connection.host, port: request.connection.port },
    onBlocked: (blocked) => blockedConnections.push(blocked),
  });

  const tsconfig = readTsconfig(request.projectDir);
  installCommonJsHooks(tsconfig);
  register(new URL("./esm-hooks.js", import.meta.url), { data: { tsconfig } });
  const sites = new SiteRegistry();
  sites.install();

  const result = await runTypeormProject({
    request,
    sites,
    onPhase: (phase) => void send({ type: "phase", phase }),
    onMigrationStart: (name) => void send({ type: "migration-start", name }),
  });
  return { ...result, blockedConnections };
}

process.once("message", (request: WorkerRequest) => {
  main(request)
    .then((result) => send({ type: "result", result }))
    .catch((error: unknown) => send({ type: "error", error: serializeError(error) }))
    // Exit explicitly: user code may leave handles (timers, pools) open.
    .finally(() => process.exit(0));
});

// A dangling promise rejection in user code must not pass silently, nor kill the worker mid-report.
process.on("unhandledRejection", (reason) => {
  process.stderr.write(`migration-gate: unhandled rejection in project code: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
});
