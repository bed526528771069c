import type { ActualSchema } from "../schema/model.js";
/** What the engine hands to reporters. Plain data: reporters are pure functions of it. */

export type Severity = "error" | "warning" | "notice";

export interface SourceLocation {
  /** Absolute path. Reporters make it relative to what their reader sees. */
  file: string;
  line: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence: what is wrong, naming the object. */
  message: string;
  /** The next step, in plain words. */
  hint?: string;
  /** Supporting text shown verbatim, e.g. the failing SQL statement. */
  detail?: string;
  /** The schema object concerned, e.g. `public.shares`. */
  object?: string;
  location?: SourceLocation;
  /** Stable across runs for the same problem: used to match ignores and PR comments. */
  fingerprint: string;
  /**
   * The fingerprint of the finding this one follows from (a failed migration that would create
   * the missing table): reporters show it under its cause, and the cause's fix is the one fix.
   */
  causedBy?: string;
  /**
   * Change-scoped runs only (base-ref, or a suppressions file): true when the base revision does
   * not have this finding, false when it does (or the suppressions file lists it). Under
   * fail-on: new only introduced errors fail the run.
   */
  introduced?: boolean;
  /** Listed in the suppressions file (counted as not introduced). */
  suppressed?: boolean;
}

/**
 * What a migration's SQL does to the schema, for tying the findings a failed (or never run)
 * migration leaves behind to it: `schema.table.column` for columns it adds or alters,
 * `schema.table(a,b)` (columns sorted) for indexes, uniques and foreign keys it creates, the
 * names of the indexes, constraints, types and sequences it creates and of those it drops.
 */
export interface MigrationTouches {
  columns: string[];
  alteredColumns: string[];
  indexes: string[];
  foreignKeys: string[];
  names: string[];
  dropped: string[];
}

export type MigrationStatus = "applied" | "failed";

export interface MigrationFailure {
  /** Postgres SQLSTATE, e.g. 42P01. */
  code?: string;
  message: string;
  statement?: string;
  /** Line of the failing statement in the migration file, when it could be found. */
  statementLine?: number;
}

/**
 * check-down: one migration's up, down and up again, on a database the chain before it built.
 * The catalogs are compared in the engine (rules/irreversible-down.ts).
 */
export interface DownCheck {
  /** The catalog before up() ran. */
  before: ActualSchema;
  /** The catalog after up() then down(); absent when down() failed. */
  afterDown?: ActualSchema;
  /** down() threw: its message, the statement and its line in the file when known. */
  downFailure?: MigrationFailure;
  /** up() failed when run again after down(). */
  upAgainFailure?: MigrationFailure;
  /** The line of `down(` in the migration's file. */
  downLine?: number;
}

export interface MigrationRecord {
  name: string;
  timestamp?: number;
  location?: SourceLocation;
  status: MigrationStatus;
  durationMs: number;
  /**
   * Tables the migration's statements created (`schema.table`), even if it later failed; for a
   * failed one, also those its source creates after the failing statement.
   */
  createdTables: string[];
  /** A failed migration only: what its SQL adds, alters, creates and drops, run or not. */
  touches?: MigrationTouches;
  /** True when an earlier migration had failed: the real chain would have stopped before this one. */
  ranAfterFailure: boolean;
  /** check-down reruns only. */
  downCheck?: DownCheck;
  /** Reruns only (the upgrade, deploy-check's dry run): the statements it sent, in order, up to a failing one. */
  statements?: string[];
  failure?: MigrationFailure;
}

/** A migration class in the migrations folder that the data source's explicit list leaves out: it never runs. */
export interface UnregisteredMigration {
  name: string;
  location: SourceLocation;
  /** What its source creates (`schema.table`) and does. */
  createdTables: string[];
  touches: MigrationTouches;
}

/** With base-ref: a migration this change adds with a timestamp older than one already merged (TypeORM). */
export interface BackdatedMigration {
  name: string;
  location: SourceLocation;
  timestamp: number;
  /** The newest migration that exists at the base revision. */
  newestMerged: string;
  newestTimestamp: number;
  baseRef: string;
}

export interface PhaseTimings {
  provision: number;
  load: number;
  migrate: number;
  introspect: number;
  diff: number;
  /** TypeORM's schema builder as a cross-check (overlaps introspect): from the chain's end to its verdict. */
  crossCheck?: number;
  /** With base-ref: the base revision's evaluation, from its worker's start to its verdict (overlaps the rest). */
  base?: number;
  total: number;
}

export interface OrmInfo {
  name: "typeorm" | "drizzle";
  version: string;
}

/** What the verdict was judged against, when it is about the change. */
export interface ChangeScope {
  /** What fails the run: only errors the change introduces, or every error. */
  failOn: "new" | "all";
  /** The base revision, when base-ref is set. */
  base?: { ref: string; commit: string };
  /** Why the base could not be evaluated (every finding then counts as introduced). */
  baseUnavailable?: string;
  /** The suppressions file read, relative paths in reporters; undefined: none. */
  suppressionsFile?: string;
}

/** deploy-check and baseline: the database judged, and what its migrations table says. */
export interface TargetSummary {
  command: "deploy-check" | "baseline";
  /** host:port/database. */
  label: string;
  serverVersion: string;
  /** `drizzle.__drizzle_migrations`. */
  trackingTable: string;
  /** Rows in it; migrations of the project they match. */
  recorded: number;
  applied: number;
  /** What the dry run ran (undefined: not run, e.g. an untracked database). */
  pending?: number;
  untracked: boolean;
}

/** baseline: the rows it writes (or would write) into the target's migrations table. */
export interface BaselinePlan {
  /** DDL first when the table is missing (as the ORM creates it). */
  statements: string[];
  /** The migrations recorded, in order. */
  migrations: string[];
  written: boolean;
  /** Why nothing was written (drift, rows already there, no --yes). */
  refused?: string;
}

export interface GateResult {
  status: "passed" | "failed";
  /** deploy-check / baseline only. */
  target?: TargetSummary;
  baseline?: BaselinePlan;
  projectDir: string;
  /** The repository the project is in (its git top level), else the project: paths in messages are under it. */
  rootDir?: string;
  orm: OrmInfo;
  postgres: { provider: string; version: string };
  /** How the project's code was kept from other databases: a network namespace, or the guard alone. */
  isolation: "namespace" | "guard";
  entityCount: number;
  tableCount: number;
  migrations: MigrationRecord[];
  findings: Finding[];
  /** With base-ref: findings the base revision has and this one no longer does. */
  fixed?: Finding[];
  change?: ChangeScope;
  timings: PhaseTimings;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The findings that decide the verdict: every error, or under fail-on: new those the change introduces. */
export function failingFindings(result: Pick<GateResult, "findings" | "change">): Finding[] {
  return result.findings.filter((f) => f.severity === "error" && (result.change?.failOn !== "new" || f.introduced !== false));
}
