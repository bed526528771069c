import { qualifiedName, type ExpectedTable } from "../schema/model.js";
import { createdByNoMigration, describeTable, failedAt, failedCreatorOf, fixedWith, fixedWithFailed, missingRelationOf, neverRunCreatorOf } from "./relation-errors.js";
import type { Rule, RuleContext, RuleFinding } from "./rule.js";

/** An entity (or join/closure) table that no migration creates: synchronize was hiding it. */
export const missingTable: Rule = {
  id: "missing-table",
  defaultSeverity: "error",
  description: "An entity's table is not created by any migration.",
  check(context) {
    const { expected, migrations } = context;
    // With no migration at all, every table is missing for one reason: no-migrations says which.
    const missing = missingTableFinding(context);
    return [...createdByBrokenMigration(context), ...expected.tables
      .filter(createdByNoMigration(context))
      .map((table): RuleFinding => ({ ...missing(table), ...(migrations.length === 0 && { cause: { ruleId: "no-migrations", key: "no-migrations" } }) }))];
  },
};

function missingTableFinding({ migrations, orm }: RuleContext): (table: ExpectedTable) => RuleFinding {
  return (table) => {
        const firstUser = migrations.find((m) => missingRelationOf(m, [table]) === table);
        const ifNotExists = `use CREATE TABLE IF NOT EXISTS, since databases built with ${orm === "drizzle" ? "drizzle-kit push" : "synchronize"} already have it`;
        if (orm === "drizzle") {
          return {
            key: qualifiedName(table),
            object: qualifiedName(table),
            location: table.location,
            message: `${describeTable(table)} has no CREATE TABLE migration.`,
            hint: firstUser
              ? `Add a migration that creates it, ordered before ${firstUser.name} (which already uses the table); ${ifNotExists}.`
              : `Run npx drizzle-kit generate to write the migration that creates it, and commit it; if a database was built with drizzle-kit push, ${ifNotExists}.`,
          };
        }
        return {
          key: qualifiedName(table),
          object: qualifiedName(table),
          location: table.location,
          message: `${describeTable(table)} has no CREATE TABLE migration.`,
          hint:
            firstUser?.timestamp !== undefined
              ? `Add a migration that creates it, with a timestamp before ${firstUser.timestamp} (${firstUser.name} already uses the table), e.g. ${firstUser.timestamp - 1}-Create${pascal(table.name)}; ${ifNotExists}.`
              : `Add a migration that creates it (npx typeorm migration:generate against a database built only from migrations shows the SQL); ${ifNotExists}.`,
        };
  };
}

/** Tables a migration creates that fails or never runs (not registered, not in the journal): fixed by fixing that one. */
function createdByBrokenMigration(context: RuleContext): RuleFinding[] {
  const existing = new Set(context.actual.tables.map(qualifiedName));
  const creator = failedCreatorOf(context);
  const neverRun = neverRunCreatorOf(context);
  return context.expected.tables.flatMap((table): RuleFinding[] => {
    if (existing.has(qualifiedName(table))) return [];
    const never = neverRun(qualifiedName(table));
    if (never) {
      return [{
        key: qualifiedName(table),
        object: qualifiedName(table),
        location: table.location,
        message: `${describeTable(table)} is missing after the migrations: ${never.name} creates it, but ${never.why}, so it never runs.`,
        ...fixedWith(never.fix, never.cause, "this table"),
      }];
    }
    const migration = creator(qualifiedName(table));
    if (!migration) return [];
    return [{
      key: qualifiedName(table),
      object: qualifiedName(table),
      location: table.location,
      message: `${describeTable(table)} is missing after the migrations: it is created by ${failedAt(migration)}.`,
      ...fixedWithFailed(migration, "this table"),
    }];
  });
}

function pascal(name: string): string {
  return name.replace(/(^|[_\-\s.]+)(\w)/g, (_, __, c: string) => c.toUpperCase());
}
