/**
 * The guard's settings, shared by every Node process and thread below the worker through one
 * environment variable (GUARD_CONFIG_VARIABLE): which endpoint is the door, which database name
 * it opens, where to record what was refused, and what each trapped variable pointed at.
 */
export interface GuardConfig {
  /** The door's socket file, or its loopback host and port on Windows. */
  door: { path?: string; host: string; port: number };
  /** The only database name the door opens (it maps it onto the throwaway database). */
  database: string;
  /** JSON-lines file every guarded process appends its events to (guard-events.ts). */
  eventLog: string;
  /** Trap database name -> the variable and where it pointed (`host:port/db`), for messages. */
  traps: Record<string, { variable: string; target: string }>;
  /** The folder of migration-gate's own files, whose frames are never the user's call site. */
  ownDir: string;
}

export const GUARD_CONFIG_VARIABLE = "MIGRATION_GATE_GUARD";
/** Set by the engine on the worker alone (the guard removes it), so the guard knows where it runs. */
export const WORKER_MARK_VARIABLE = "MIGRATION_GATE_WORKER";
/** Set by the subprocess watch on each child: the user line that started it. */
export const SPAWNED_AT_VARIABLE = "MIGRATION_GATE_SPAWNED_AT";

export function readGuardConfig(env: NodeJS.ProcessEnv = process.env): GuardConfig | undefined {
  const text = env[GUARD_CONFIG_VARIABLE];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as GuardConfig;
  } catch {
    return undefined;
  }
}

/** Trap databases (what a scrubbed variable points at) are named for the variable they replaced. */
export const TRAP_PREFIX = "migration-gate-blocked.";
export const trapDatabase = (variable: string): string => TRAP_PREFIX + variable;

/**
 * How messages name a trap database: `$DATABASE_URL (db.example:5432/app)`, or `$VAR` for a
 * trap set in a child's own environment; undefined when `database` is no trap.
 */
export function trapLabel(database: string, traps: GuardConfig["traps"]): string | undefined {
  if (!database.startsWith(TRAP_PREFIX)) return undefined;
  const trap = traps[database];
  return trap ? `$${trap.variable} (${trap.target})` : `$${database.slice(TRAP_PREFIX.length)}`;
}

/**
 * The database name the project's code is given. The door maps it onto the real throwaway
 * database, whose name (random on a database-url server) is not known when the worker starts.
 */
export const DOOR_DATABASE = "migration_gate";
