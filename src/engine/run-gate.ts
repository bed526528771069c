import { onCleanup } from "./cleanup.js";
import { evaluateRules } from "./evaluate-rules.js";
import type { GateOptions } from "./parse-options.js";
import { countBySeverity, type GateResult } from "./result.js";
import { runWorker } from "./run-worker.js";
import { createDatabaseOnServer } from "../postgres/from-url.js";
import { startEmbeddedPostgres } from "../postgres/embedded.js";
import type { ProvisionedDatabase } from "../postgres/provider.js";
import { introspect } from "../schema/introspect.js";

export interface RunGateHooks {
  /** Progress lines for a human watching (stderr in the CLI, the log in the action). */
  log?: (line: string) => void;
}

/**
 * The engine, shared by the CLI and the action: provision a throwaway Postgres, run the
 * project's migration chain in a worker, read the catalog, apply the rules. Throws GateError
 * when no verdict is possible; findings are never thrown. Whatever happens, the database
 * is disposed of before this returns.
 */
export async function runGate(options: GateOptions, hooks: RunGateHooks = {}): Promise<GateResult> {
  const log = hooks.log ?? (() => undefined);
  const started = Date.now();

  const db = await provision(options, log);
  const removeCleanup = onCleanup(db.dispose);
  try {
    const provisioned = Date.now();
    log(`Postgres ${db.serverVersion} ready (${db.provider}) in ${seconds(provisioned - started)}`);

    const worker = await runWorker(
      { projectDir: options.projectDir, project: options.project, connection: db.connection },
      {
        timeoutMs: Math.max(1, options.timeoutMs - (provisioned - started)),
        configuredTimeoutMs: options.timeoutMs,
        onPhase: (phase) => log(phase === "load" ? "Loading the project's entities and migrations" : "Running every migration, synchronize off"),
        onMigrationStart: (name) => log(`  ${name}`),
      },
    );

    const introspectStarted = Date.now();
    const actual = await introspect(db.connection);
    const diffStarted = Date.now();
    const findings = evaluateRules({
      expected: { tables: worker.expectedTables },
      actual,
      migrations: worker.migrations,
      migrationsOption: worker.migrationsOption,
      blockedConnections: worker.blockedConnections,
    });
    const finished = Date.now();

    return {
      status: countBySeverity(findings).error > 0 ? "failed" : "passed",
      projectDir: options.projectDir,
      orm: { name: "typeorm", version: worker.typeormVersion },
      postgres: { provider: db.provider, version: db.serverVersion },
      entityCount: worker.entityCount,
      tableCount: worker.expectedTables.length,
      migrations: worker.migrations,
      findings,
      timings: {
        provision: provisioned - started,
        load: worker.timings.load,
        migrate: worker.timings.migrate,
        introspect: diffStarted - introspectStarted,
        diff: finished - diffStarted,
        total: finished - started,
      },
    };
  } finally {
    removeCleanup();
    await db.dispose();
  }
}

function provision(options: GateOptions, log: (line: string) => void): Promise<ProvisionedDatabase> {
  return options.databaseUrl ? createDatabaseOnServer(options.databaseUrl, log) : startEmbeddedPostgres({ log });
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
