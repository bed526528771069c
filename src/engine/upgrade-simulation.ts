import type { Finding, MigrationRecord } from "./result.js";
import type { SkippedMigration, UpgradeOutcome } from "../rules/rule.js";
import type { WorkerResult } from "../worker/protocol.js";

export interface UpgradeInput {
  baseRef: string;
  /** The base revision's fresh replay: what a deployed database has applied before the change. */
  base: WorkerResult;
  /** The head's fresh replay. */
  fresh: WorkerResult;
  /** The head's migrator on the database the base chain built: only what it ran. */
  upgraded: WorkerResult;
  /** Rule findings (before ignores) of the fresh and of the upgraded database. */
  freshFindings: readonly Finding[];
  upgradedFindings: readonly Finding[];
}

/**
 * Upgrade simulation: compares the database every deployed environment will have (the base's
 * chain, then the head's migrations as the ORM's own migrator picks them: TypeORM by name,
 * drizzle-orm 0.x by `when` against the newest applied, 1.x by name) with the fresh one. A
 * migration new since the base that the migrator never ran is skipped on upgrade; a finding
 * only the upgraded database has is a divergence. Rules that do not look at the database
 * (journal, files, history) give both the same fingerprints, so they cancel out.
 */
export function upgradeOutcome(input: UpgradeInput): UpgradeOutcome {
  const atBase = new Set(input.base.migrations.map((m) => m.name));
  const ranOnUpgrade = new Set(input.upgraded.migrations.map((m) => m.name));
  const baseJournal = input.base.drizzleFolder?.format === "journal" ? input.base.drizzleFolder.journal : [];
  const newest = baseJournal.reduce<{ name: string; when: number } | undefined>((best, e) => (!best || e.when > best.when ? { name: e.tag, when: e.when } : best), undefined);
  const skipped = input.fresh.migrations.filter((m) => !atBase.has(m.name) && !ranOnUpgrade.has(m.name)).map((m) => describeSkip(m, input, newest));
  const fresh = new Set(input.freshFindings.map((f) => f.fingerprint));
  // The migrations the upgrade ran are not the fresh run's: a rule about "the migration that never ran" is not a schema difference.
  const divergent = input.upgradedFindings.filter((f) => !fresh.has(f.fingerprint) && !NOT_ABOUT_THE_DATABASE.has(f.ruleId));
  const atHead = new Set(input.fresh.migrations.map((m) => m.name));
  const vanished = input.base.migrations.filter((m) => m.status === "applied" && !atHead.has(m.name)).map((m) => m.name);
  return { baseRef: input.baseRef, skipped, divergent, vanished };
}

/** Rules whose findings on the upgraded database say nothing about how it differs. */
const NOT_ABOUT_THE_DATABASE = new Set(["no-migrations", "unexplained-drift", "unused-ignore", "unused-suppression"]);

/** Drizzle 0.x: its `when`, and the base's newest one, when that is why the migrator passed it over. */
function describeSkip(m: MigrationRecord, input: UpgradeInput, newest: { name: string; when: number } | undefined): SkippedMigration {
  const journal = input.fresh.drizzleFolder?.format === "journal" ? input.fresh.drizzleFolder.journal : undefined;
  const when = journal?.find((e) => e.tag === m.name)?.when;
  return { name: m.name, ...(m.location && { location: m.location }), ...(when !== undefined && newest && when <= newest.when && { when, newestApplied: newest }) };
}
