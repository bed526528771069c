import type { MigrationRecord } from "../engine/result.js";
import type { ExpectedTable } from "../schema/model.js";
import { qualifiedName } from "../schema/model.js";
import type { FindingRef, RuleContext, RuleFinding } from "./rule.js";

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

/**
 * A predicate for "no migration creates this table": it is not in the database after the
 * chain, and no failed migration created it before failing (it exists once that one is fixed).
 */
export function createdByNoMigration(context: Pick<RuleContext, "actual" | "migrations" | "unregisteredMigrations" | "drizzleFolder">): (table: ExpectedTable) => boolean {
  const { actual, migrations } = context;
  const existing = new Set(actual.tables.map(qualifiedName));
  const createdByFailed = new Set(migrations.filter((m) => m.status === "failed").flatMap((m) => m.createdTables));
  const neverRun = neverRunCreatorOf(context);
  return (table) => !existing.has(qualifiedName(table)) && !createdByFailed.has(qualifiedName(table)) && !neverRun(qualifiedName(table));
}

/**
 * The failed migration that creates a table (`schema.table`) or column (`schema.table.column`):
 * the object is missing because that migration failed, and fixing it is the one fix.
 */
export function failedCreatorOf({ migrations }: Pick<RuleContext, "migrations">): (object: string) => MigrationRecord | undefined {
  const creators = new Map<string, MigrationRecord>();
  for (const migration of migrations.filter((m) => m.status === "failed")) {
    for (const object of [...migration.createdTables, ...(migration.touches?.columns ?? [])]) if (!creators.has(object)) creators.set(object, migration);
  }
  return (object) => creators.get(object);
}

/** A migration that never runs (a TypeORM class the data source leaves out, a .sql file the Drizzle journal does not list). */
export interface NeverRunMigration {
  name: string;
  /** The finding it is reported by, which what it would create follows from. */
  cause: FindingRef;
  /** "the data source's migrations list does not include it" */
  why: string;
  /** What registering it takes, for the hint. */
  fix: string;
}

/** The never-run migration whose SQL creates this table (`schema.table`) or column (`schema.table.column`). */
export function neverRunCreatorOf({ unregisteredMigrations, drizzleFolder }: Pick<RuleContext, "unregisteredMigrations" | "drizzleFolder">): (object: string) => NeverRunMigration | undefined {
  const candidates = [
    ...(unregisteredMigrations ?? []).map((m) => ({
      creates: [...m.createdTables, ...m.touches.columns],
      migration: { name: m.name, cause: { ruleId: "unregistered-migration", key: m.name }, why: "the data source's migrations list does not include it", fix: `Register ${m.name}` },
    })),
    ...(drizzleFolder?.sqlFiles ?? []).flatMap((file) =>
      file.unlisted
        ? [{
            creates: [...file.unlisted.tables, ...file.unlisted.touches.columns],
            migration: { name: `${file.name}.sql`, cause: { ruleId: "unlisted-migration", key: file.name }, why: "meta/_journal.json does not list it", fix: `Put ${file.name}.sql back in the journal` },
          }]
        : [],
    ),
  ];
  return (object) => candidates.find((c) => c.creates.includes(object))?.migration;
}

/** The failed migration that creates an index or unique on these columns of the table. */
export function failedIndexCreatorOf({ migrations }: Pick<RuleContext, "migrations">): (table: ExpectedTable, columns: readonly string[]) => MigrationRecord | undefined {
  const failed = migrations.filter((m) => m.status === "failed" && m.touches);
  return (table, columns) => {
    const key = `${qualifiedName(table)}(${[...columns].sort().join(",")})`;
    return failed.find((m) => m.touches!.indexes.includes(key));
  };
}

/** The hint and cause of a finding whose one fix is another finding's: "Fix X (see its finding)". */
export function fixedWith(fix: string, cause: FindingRef, what: string): Pick<RuleFinding, "hint" | "cause"> {
  return { hint: `${fix} (see its finding); no new migration is needed for ${what}.`, cause };
}

export function fixedWithFailed(migration: MigrationRecord, what: string): Pick<RuleFinding, "hint" | "cause"> {
  return fixedWith(`Fix ${migration.name}`, { ruleId: "migration-failed", key: migration.name }, what);
}

/**
 * A finding about an object a failed migration was to change: it stays (the database is as it
 * says), but it follows from that failure, and fixing the migration is the fix.
 */
export function blamedOnFailure<T extends RuleFinding>(finding: T, migration: MigrationRecord, what: string): T {
  return {
    ...finding,
    message: `${finding.message} ${migration.name}, which fails${migration.failure?.statementLine ? ` at line ${migration.failure.statementLine}` : ""}, ${what}.`,
    ...fixedWithFailed(migration, "this"),
  };
}

/** "Broken1700000000001, which failed at src/migrations/x.ts:12" (the reporter shows the path relative to its reader). */
export function failedAt(migration: MigrationRecord): string {
  const line = migration.failure?.statementLine ?? migration.location?.line;
  return `${migration.name}, which fails${line ? ` at line ${line}` : ""}`;
}

/** Who declares the table: "entity User" (TypeORM) or "pgTable users" (the Drizzle export). */
export function mapper(table: Pick<ExpectedTable, "kind" | "entityName">): string {
  return table.kind === "table" ? `pgTable ${table.entityName}` : `entity ${table.entityName}`;
}

export function describeTable(table: ExpectedTable): string {
  switch (table.kind) {
    case "table":
      return `Table ${qualifiedName(table)} (pgTable ${table.entityName})`;
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
      return `the table of ${mapper(table)}`;
  }
}
