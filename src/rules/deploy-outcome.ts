/**
 * What deploy-check learned about the target database (engine/deploy-check.ts), as the deploy
 * rules read it. Plain data: the rules stay pure.
 */
import type { DataProbe } from "../engine/data-probes.js";
import type { MigrationRecord } from "../engine/result.js";
import type { Collision } from "../engine/target-collisions.js";
import type { DriftItem } from "../engine/target-drift.js";
import type { AvailableMigration, TrackingMatch, TrackingRow, TrackingTable } from "../migrations/tracking-rows.js";
import type { ProbeOutcome } from "../postgres/target-database.js";

export interface DeployOutcome {
  /** host:port/database. */
  target: string;
  tracking: TrackingTable;
  trackingExists: boolean;
  /** The target's tables other than the migrations table. */
  appTables: number;
  rows: TrackingRow[];
  /** Every migration of the project, as its migrator lists them. */
  available: AvailableMigration[];
  match: TrackingMatch;
  /** Application tables, but no rows: built by push or synchronize. */
  untracked: boolean;
  /** The dry run: what the migrator ran on the rebuilt copy, in its order (undefined: not run). */
  pending?: MigrationRecord[];
  /** Untracked: the deploy's migrate on a copy, every migration run again (undefined: not run, as in baseline). */
  rerunAll?: MigrationRecord[];
  /** Pending statements that create a name the target already uses (made by hand): the dry run cannot see them fail. */
  collisions: Collision[];
  /** The target against the chain up to its applied point (the whole chain when untracked). */
  drift: DriftItem[];
  /** Migrations of that replay that failed: the comparison is only as good as the replay. */
  replayFailures: MigrationRecord[];
  probes: Array<DataProbe & { outcome?: ProbeOutcome }>;
}

/** `drizzle.__drizzle_migrations`. */
export function trackingName(outcome: Pick<DeployOutcome, "tracking">): string {
  return `${outcome.tracking.schema}.${outcome.tracking.name}`;
}
