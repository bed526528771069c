/**
 * The rows of an ORM's migrations table (TypeORM's `migrations`, Drizzle's
 * `drizzle.__drizzle_migrations`) matched to the project's migrations, the way each migrator
 * decides what is applied. Pure: the worker uses it to replay a chain up to a target
 * database's applied point, the engine to report what the target holds that the repository
 * does not (deploy-check).
 */
import type { SourceLocation } from "../engine/result.js";

/**
 * How applied migrations are recorded:
 * - typeorm: rows (id, timestamp, name), matched by name;
 * - drizzle-journal (0.x): rows (id, hash, created_at); created_at is the journal `when`;
 * - drizzle-folders (1.x): rows (id, hash, created_at, name, applied_at), matched by name.
 */
export type TrackingFormat = "typeorm" | "drizzle-journal" | "drizzle-folders";

export interface TrackingTable {
  schema: string;
  name: string;
  format: TrackingFormat;
}

/** One row of the migrations table, in id order; fields the table lacks are absent. */
export interface TrackingRow {
  id?: number;
  name?: string;
  hash?: string;
  /** Drizzle created_at, TypeORM timestamp (epoch ms). */
  createdAt?: number;
}

/** A migration of the project, as its migrator lists it. */
export interface AvailableMigration {
  name: string;
  location?: SourceLocation;
  /** Drizzle: sha256 of the file, as the migrator stores it. */
  hash?: string;
  /** Drizzle: the journal `when` (0.x) or the folder's timestamp (1.x); TypeORM: the class name's timestamp. */
  when?: number;
}

export interface TrackingMatch {
  /** Index into the rows for each available migration, or -1 when none records it. */
  rowOf: number[];
  /** Rows no migration of the project matches (deleted, renamed, or from another branch). */
  unknownRows: number[];
}

/**
 * Matches rows to migrations. By name where the migrator goes by name (TypeORM, drizzle 1.x);
 * for drizzle 0.x by created_at = when, several migrations with one when told apart by hash,
 * else by hash alone: the rule drizzle-orm 1.x uses when it upgrades a 0.x table.
 */
export function matchTrackingRows(format: TrackingFormat, available: readonly AvailableMigration[], rows: readonly TrackingRow[]): TrackingMatch {
  const rowOf = available.map(() => -1);
  const taken = new Set<number>();
  const claim = (migration: number, row: number) => {
    if (rowOf[migration] !== -1 || taken.has(row)) return;
    rowOf[migration] = row;
    taken.add(row);
  };
  if (format !== "drizzle-journal") {
    const byName = new Map<string, number>();
    available.forEach((m, i) => byName.set(m.name, i));
    rows.forEach((row, r) => {
      const i = row.name !== undefined ? byName.get(row.name) : undefined;
      if (i !== undefined) claim(i, r);
    });
  } else {
    rows.forEach((row, r) => {
      const sameWhen = available.map((m, i) => ({ m, i })).filter(({ m }) => m.when !== undefined && m.when === row.createdAt);
      const pick = sameWhen.length === 1 ? sameWhen[0] : sameWhen.length > 1 ? sameWhen.find(({ m }) => m.hash === row.hash) : available.map((m, i) => ({ m, i })).find(({ m }) => m.hash !== undefined && m.hash === row.hash);
      if (pick) claim(pick.i, r);
    });
  }
  return { rowOf, unknownRows: rows.map((_, r) => r).filter((r) => !taken.has(r)) };
}

/** The names of the migrations the rows record: what a replay up to the target's point runs. */
export function appliedNames(format: TrackingFormat, available: readonly AvailableMigration[], rows: readonly TrackingRow[]): Set<string> {
  const { rowOf } = matchTrackingRows(format, available, rows);
  return new Set(available.filter((_, i) => rowOf[i] !== -1).map((m) => m.name));
}
