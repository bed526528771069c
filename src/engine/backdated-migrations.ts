import path from "node:path";
import type { BackdatedMigration, MigrationRecord } from "./result.js";
import type { BaseRevision } from "./edited-migrations.js";
import { git } from "./git.js";

/**
 * TypeORM's migration:run (0.3 and 1.x alike, verified in MigrationExecutor) runs every
 * migration whose name is not in the migrations table, in timestamp order. A migration added
 * by this change with a timestamp older than one already merged therefore runs *before* it on
 * a fresh database (this gate's replay) and *after* it on every existing one (staging,
 * production): two different orders, and the gate has only proven the first. Found with git
 * alone: the migration files that do not exist at the base revision.
 */
export async function findBackdatedMigrations(base: BaseRevision, migrations: readonly MigrationRecord[]): Promise<BackdatedMigration[]> {
  const located = migrations.filter((m) => m.location && m.timestamp !== undefined);
  if (located.length === 0) return [];
  const relative = [...new Set(located.map((m) => path.relative(base.root, m.location!.file)))];
  const stdout = await git(base.root, ["ls-tree", "-r", "--name-only", base.commit, "--", ...relative]);
  const atBase = new Set(stdout.split("\n").filter(Boolean).map((file) => path.join(base.root, file)));
  const merged = located.filter((m) => atBase.has(m.location!.file));
  const newest = merged.reduce<MigrationRecord | undefined>((best, m) => (!best || m.timestamp! > best.timestamp! ? m : best), undefined);
  if (!newest) return [];
  return located
    .filter((m) => !atBase.has(m.location!.file) && m.timestamp! < newest.timestamp!)
    .map((m) => ({ name: m.name, location: m.location!, timestamp: m.timestamp!, newestMerged: newest.name, newestTimestamp: newest.timestamp!, baseRef: base.ref }));
}
