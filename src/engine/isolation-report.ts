import type { RefusedConnection } from "./db-door.js";
import type { GuardEvent } from "../worker/guard-events.js";
import type { BlockedConnection, UnguardedSubprocess } from "../worker/protocol.js";
import type { MigrationRecord } from "./result.js";
import { trapLabel, type GuardConfig } from "../worker/guard-config.js";

export interface IsolationReportInput {
  events: GuardEvent[];
  refused: RefusedConnection[];
  /** The traps the worker's environment was given, for naming them. */
  traps: GuardConfig["traps"];
  /** When each migration started (engine clock), for refusals no subprocess explains. */
  migrationStarts: Array<{ name: string; at: number }>;
  migrations: MigrationRecord[];
  /** In the guard mode, programs that are not Node run unwatched: they are reported. */
  reportUnguarded: boolean;
}

/**
 * What the guard and the door saw, as the rules read it: every blocked attempt at the user's
 * line. A refusal at the door has no stack (psql, a shell script, libpq): it is traced to the
 * subprocess that was running at that moment, started at a user line, or else to the migration
 * that was running.
 */
export function isolationReport(input: IsolationReportInput): { blockedConnections: BlockedConnection[]; unguardedSubprocesses: UnguardedSubprocess[] } {
  const blockedConnections: BlockedConnection[] = [];
  for (const event of input.events) {
    if (event.type !== "blocked") continue;
    blockedConnections.push({
      target: event.target,
      origin: event.origin ?? event.spawnedAt,
      ...(event.via !== "worker" && { via: { kind: event.via, command: event.command, spawnedAt: event.spawnedAt } }),
    });
  }
  const spawns = spawnWindows(input.events);
  for (const refusal of input.refused) {
    const target = refusal.why === "replication" ? "a replication connection" : (trapLabel(refusal.database, input.traps) ?? `database "${refusal.database}"`);
    // The innermost (latest started) program that was running: a shell's psql, not the shell's caller.
    const spawn = spawns.filter((s) => s.at <= refusal.at && refusal.at <= s.end).sort((a, b) => b.at - a.at)[0];
    if (spawn) {
      blockedConnections.push({ target, origin: spawn.origin, via: { kind: "subprocess", command: spawn.command, spawnedAt: spawn.origin } });
      continue;
    }
    const migration = [...input.migrationStarts].reverse().find((m) => m.at <= refusal.at);
    const location = migration && input.migrations.find((m) => m.name === migration.name)?.location;
    blockedConnections.push({ target, origin: location && `${location.file}:${location.line}`, via: { kind: "unknown", command: migration && `during migration ${migration.name}` } });
  }
  const seen = new Set<string>();
  const unguardedSubprocesses = input.reportUnguarded
    ? spawns.filter((s) => !s.node && s.origin && !seen.has(`${s.origin} ${s.command}`) && seen.add(`${s.origin} ${s.command}`)).map((s) => ({ command: s.command, origin: s.origin! }))
    : [];
  return { blockedConnections, unguardedSubprocesses };
}

function spawnWindows(events: GuardEvent[]) {
  const exits = new Map(events.flatMap((e) => (e.type === "exit" ? [[e.id, e.at] as const] : [])));
  return events.flatMap((e) => (e.type === "spawn" ? [{ ...e, end: e.endedAt ?? exits.get(e.id) ?? Infinity }] : []));
}
