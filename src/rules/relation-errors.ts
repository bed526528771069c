import type { MigrationRecord } from "../engine/result.js";
import type { ExpectedTable } from "../schema/model.js";
import { qualifiedName } from "../schema/model.js";

/** The table a "relation X does not exist" (42P01) failure names, matched to an expected table. */
export function missingRelationOf(migration: MigrationRecord, expected: readonly ExpectedTable[]): ExpectedTable | undefined {
  const failure = migration.failure;
  if (failure?.code !== "42P01") return undefined;
  const match = /relation "([^"]+)" does not exist/.exec(failure.message);
  if (!match) return undefined;
  const [schema, name] = match[1]!.includes(".") ? match[1]!.split(".", 2) : [undefined, match[1]!];
  const candidates = expected.filter((t) => t.name === name && (schema ? t.schema === schema : true));
  return candidates.find((t) => t.schema === "public") ?? candidates[0];
}

/** Tables some failed migration created before failing: they exist once that migration is fixed. */
export function tablesCreatedByFailedMigrations(migrations: readonly MigrationRecord[]): Set<string> {
  return new Set(migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables));
}

/** True when no migration, applied or failed, creates the table and it is not in the database. */
export function isCreatedByNoMigration(table: ExpectedTable, existing: ReadonlySet<string>, createdByFailed: ReadonlySet<string>): boolean {
  const name = qualifiedName(table);
  return !existing.has(name) && !createdByFailed.has(name);
}

export function describeTable(table: ExpectedTable): string {
  switch (table.kind) {
    case "join-table":
      return `Join table ${qualifiedName(table)}${table.relation ? ` of ${table.relation} (many-to-many)` : ""}`;
    case "closure-table":
      return `Closure table ${qualifiedName(table)} of tree entity ${table.entityName}`;
    default:
      return `Entity ${table.entityName} (table ${qualifiedName(table)})`;
  }
}

/** "the table of entity User", for sentences that already name the table. */
export function tableOwner(table: ExpectedTable): string {
  switch (table.kind) {
    case "join-table":
      return `the join table of ${table.relation ?? table.entityName}`;
    case "closure-table":
      return `the closure table of tree entity ${table.entityName}`;
    default:
      return `the table of entity ${table.entityName}`;
  }
}
