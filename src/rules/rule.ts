import type { BackdatedMigration, Finding, MigrationRecord, OrmInfo, Severity, SourceLocation, UnregisteredMigration } from "../engine/result.js";
import type { DrizzleMigrationFolder } from "../migrations/drizzle-folder.js";
import type { EditedMigration } from "../engine/edited-migrations.js";
import type { RenamedMigration } from "../engine/renamed-migrations.js";
import type { SchemaDiff } from "../schema/diff.js";
import type { DeployOutcome } from "./deploy-outcome.js";
import type { ActualSchema, ExpectedSchema, TableName } from "../schema/model.js";
import type { BlockedConnection, OracleResult, UnguardedSubprocess } from "../worker/protocol.js";

/** Everything a rule may look at. Rules are pure: same context, same findings. */
export interface RuleContext {
  expected: ExpectedSchema;
  actual: ActualSchema;
  /** The structured comparison of the two (schema/diff.ts), computed once for every rule. */
  diff: SchemaDiff;
  migrations: MigrationRecord[];
  migrationsOption: string[];
  blockedConnections: BlockedConnection[];
  /** In the guard isolation: programs that are not Node, started by the project's code. */
  unguardedSubprocesses?: UnguardedSubprocess[];
  /** TypeORM's own schema-builder verdict; absent in unit tests that do not need it, and for Drizzle. */
  oracle?: OracleResult;
  /** Which ORM's vocabulary hints should use; absent means TypeORM. */
  orm?: OrmInfo["name"];
  /** Drizzle: the migrations folder as files, for the journal rules. */
  drizzleFolder?: DrizzleMigrationFolder;
  /** TypeORM with an explicit migrations list: migration files it leaves out (they never run). */
  unregisteredMigrations?: UnregisteredMigration[];
  /** With base-ref, TypeORM: migrations this change adds with a timestamp older than a merged one. */
  backdatedMigrations?: BackdatedMigration[];
  /** With base-ref: migration files merged before and edited since. */
  editedMigrations?: EditedMigration[];
  /** With a base: migrations merged under one name and renamed since (TypeORM, drizzle 1.x). */
  renamedMigrations?: RenamedMigration[];
  /** Epoch ms the run started at, for "in the future" (a parameter, so rules stay pure). */
  now?: number;
  /** With base-ref: the database as deployed ones get it (base chain, then the migrator on the head). */
  upgrade?: UpgradeOutcome;
  /** check-down (TypeORM): the migrations run up, down and up again, and where the migrations table is. */
  downChecks?: { migrations: MigrationRecord[]; tracking: TableName };
  /** simulate-synchronize / simulate-push: the change's migrations run on a baselined database. */
  baselined?: BaselinedUpgrade;
  /** deploy-check / baseline: what the target database holds and what its deploy would do. */
  deploy?: DeployOutcome;
}

export interface BaselinedUpgrade {
  /** How the base's database was built. */
  kind: "synchronize" | "push";
  baseRef: string;
  /** What the head's migrator ran on it. */
  migrations: MigrationRecord[];
}

/** What the upgrade simulation saw (engine/upgrade-simulation.ts). */
export interface UpgradeOutcome {
  baseRef: string;
  /** Migrations new since the base that the ORM's migrator did not run on the upgraded database. */
  skipped: SkippedMigration[];
  /** Findings the upgraded database has and the fresh one does not (rule findings, fingerprinted). */
  divergent: Finding[];
  /** Migrations the base ran that the head no longer has (deleted or renamed since). */
  vanished: string[];
}

export interface SkippedMigration {
  name: string;
  location?: SourceLocation;
  /** Drizzle 0.x: its journal `when`, and the newest one the base had applied. */
  when?: number;
  newestApplied?: { name: string; when: number };
}

export type RuleFinding = Omit<Finding, "ruleId" | "severity" | "fingerprint" | "causedBy"> & {
  /** What makes this finding unique within its rule; hashed into the fingerprint. */
  key: string;
  /** The finding this one follows from, by its rule and key. */
  cause?: FindingRef;
  /** Reported as a notice whatever the rule's severity (a down() that refuses on purpose); "off" still drops it. */
  noticeOnly?: boolean;
};

export interface FindingRef {
  ruleId: string;
  key: string;
}

/** A finding from a rule that ran earlier, as later rules (the oracle cross-check) see it. */
export type EarlierFinding = Pick<Finding, "ruleId" | "object">;

export type RuleSeverity = Severity | "off";

export interface Rule {
  /** Stable kebab-case id: used in config, annotations titles, SARIF and docs anchors. */
  id: string;
  defaultSeverity: RuleSeverity;
  /** One line for docs and SARIF. */
  description: string;
  check(context: RuleContext, earlier: readonly EarlierFinding[]): RuleFinding[];
}

export const RULES_DOCS = "https://github.com/org/migration-gate/blob/main/docs/rules.md";
