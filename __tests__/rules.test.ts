import { describe, expect, test } from "@jest/globals";
import type { MigrationRecord } from "../src/engine/result.js";
import { evaluateRules } from "../src/engine/evaluate-rules.js";
import { RULES } from "../src/rules/index.js";
import { tidyStatement } from "../src/rules/migration-failed.js";
import type { RuleContext } from "../src/rules/rule.js";
import { diffSchemas } from "../src/schema/diff.js";
import type { ActualSchema, ActualTable, ExpectedSchema, ExpectedTable } from "../src/schema/model.js";

const expectedTable = (name: string, overrides: Partial<ExpectedTable> = {}): ExpectedTable => ({
  schema: "public",
  name,
  kind: "entity",
  entityName: name[0]!.toUpperCase() + name.slice(1, -1),
  location: { file: `/p/src/${name}.ts`, line: 6 },
  columns: [],
  primaryKey: [],
  uniques: [],
  indexes: [],
  foreignKeys: [],
  checks: [],
  ...overrides,
});
const actualTable = (name: string, overrides: Partial<ActualTable> = {}): ActualTable => ({
  schema: "public", name, kind: "table", columns: [], uniques: [], indexes: [], foreignKeys: [], checks: [], ...overrides,
});
const schemaOf = (tables: ExpectedTable[], more: Partial<ExpectedSchema> = {}): ExpectedSchema => ({
  tables, enums: [], views: [], schemas: [...new Set(tables.map((t) => t.schema))], ownTables: [{ schema: "public", name: "migrations" }], ...more,
});
const catalogOf = (tables: ActualTable[], more: Partial<ActualSchema> = {}): ActualSchema => ({ tables, enums: [], schemas: ["public"], ...more });

const share = expectedTable("shares", { entityName: "Share", location: { file: "/p/src/share.ts", line: 6 } });
const bookTags = expectedTable("book_tags_tag", { kind: "join-table", entityName: "Book", relation: "Book.tags", location: { file: "/p/src/book.ts", line: 16 } });

const migration = (name: string, overrides: Partial<MigrationRecord> = {}): MigrationRecord => ({
  name,
  timestamp: Number(/(\d{13})$/.exec(name)?.[1]),
  status: "applied",
  durationMs: 1,
  createdTables: [],
  ranAfterFailure: false,
  location: { file: `/p/src/migrations/${name}.ts`, line: 3 },
  ...overrides,
});

const relationMissing = (table: string) => ({ code: "42P01", message: `relation "${table}" does not exist`, statement: `CREATE INDEX ON "${table}" ("x")`, statementLine: 9 });

type ContextInput = Partial<Omit<RuleContext, "diff">>;

const context = (overrides: ContextInput): RuleContext => {
  const expected = overrides.expected ?? schemaOf([share]);
  const actual = overrides.actual ?? catalogOf([]);
  return {
    expected,
    actual,
    diff: diffSchemas(expected, actual),
    migrations: [migration("Init1700000000000")],
    migrationsOption: ["src/migrations/*.ts"],
    blockedConnections: [],
    ...overrides,
  };
};

const summary = (ctx: RuleContext) => evaluateRules(ctx).map((f) => `${f.severity} ${f.ruleId} ${f.object}`);

const ACCOUNTS = "/p/src/account.ts";
const col = (name: string, overrides: Partial<ExpectedTable["columns"][number]> = {}) => ({
  name, property: `Account.${name}`, type: "integer", nullable: false, location: { file: ACCOUNTS, line: 20 + name.length }, ...overrides,
});
const actualCol = (name: string, overrides: Partial<ActualTable["columns"][number]> = {}) => ({ name, type: "integer", nullable: false, ...overrides });
const accounts = (overrides: Partial<ExpectedTable> = {}) => expectedTable("accounts", { entityName: "Account", location: { file: ACCOUNTS, line: 5 }, columns: [col("id")], ...overrides });
const accountsRow = (overrides: Partial<ActualTable> = {}) => actualTable("accounts", { columns: [actualCol("id")], ...overrides });

interface RuleCase {
  rule: string;
  /** Must produce exactly one finding of the rule, with this object and location. */
  bad: { expected: ExpectedSchema; actual: ActualSchema; oracle?: RuleContext["oracle"] };
  object: string;
  line: number;
  /** Must produce no finding of the rule. */
  good: { expected: ExpectedSchema; actual: ActualSchema; oracle?: RuleContext["oracle"] };
}

const roleEnum = { schema: "public", name: "accounts_role_enum", values: ["member", "admin"], usedBy: "Account.role", tables: ["public.accounts"], location: { file: ACCOUNTS, line: 30 } };
const roleColumn = col("role", { type: "public.accounts_role_enum", enum: { schema: "public", name: "accounts_role_enum" }, location: { file: ACCOUNTS, line: 30 } });
const fk = { columns: ["owner_id"], referencedTable: { schema: "public", name: "users" }, referencedColumns: ["id"], onDelete: "CASCADE" as const, onUpdate: "NO ACTION" as const, relation: "Account.owner", location: { file: ACCOUNTS, line: 40 } };
const actualFk = (onDelete: "CASCADE" | "NO ACTION") => ({ ...fk, name: "FK_any_name", onDelete });

const RULE_CASES: RuleCase[] = [
  {
    rule: "missing-column",
    bad: { expected: schemaOf([accounts({ columns: [col("id"), col("email")] })]), actual: catalogOf([accountsRow()]) },
    object: "public.accounts.email", line: 25,
    good: { expected: schemaOf([accounts({ columns: [col("id"), col("email")] })]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("email")] })]) },
  },
  {
    rule: "column-type-mismatch",
    bad: { expected: schemaOf([accounts({ columns: [col("id"), col("email", { type: "character varying(320)" })] })]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("email", { type: "character varying(100)" })] })]) },
    object: "public.accounts.email", line: 25,
    good: { expected: schemaOf([accounts({ columns: [col("id"), col("email", { type: "character varying(320)" })] })]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("email", { type: "character varying(320)" })] })]) },
  },
  {
    rule: "nullability-mismatch",
    bad: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow({ columns: [actualCol("id", { nullable: true })] })]) },
    object: "public.accounts.id", line: 22,
    good: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow()]) },
  },
  {
    rule: "default-mismatch",
    bad: { expected: schemaOf([accounts({ columns: [col("id", { default: "true" })] })]), actual: catalogOf([accountsRow({ columns: [actualCol("id", { default: "false" })] })]) },
    object: "public.accounts.id", line: 22,
    // Known noise: both produce a random v4 uuid (typeorm#11571).
    good: { expected: schemaOf([accounts({ columns: [col("id", { default: "uuid_generate_v4()" })] })]), actual: catalogOf([accountsRow({ columns: [actualCol("id", { default: "gen_random_uuid()" })] })]) },
  },
  {
    rule: "missing-primary-key",
    bad: { expected: schemaOf([accounts({ primaryKey: ["id"] })]), actual: catalogOf([accountsRow()]) },
    object: "public.accounts", line: 5,
    good: { expected: schemaOf([accounts({ primaryKey: ["id"] })]), actual: catalogOf([accountsRow({ primaryKey: { name: "pk_whatever", columns: ["id"] } })]) },
  },
  {
    rule: "missing-unique",
    bad: { expected: schemaOf([accounts({ uniques: [{ columns: ["id"], location: { file: ACCOUNTS, line: 8 } }] })]), actual: catalogOf([accountsRow()]) },
    object: "public.accounts(id)", line: 8,
    // A unique index enforces what a unique constraint would: matched by columns, not kind or name.
    good: { expected: schemaOf([accounts({ uniques: [{ columns: ["id"] }] })]), actual: catalogOf([accountsRow({ indexes: [{ name: "any", columns: ["id"], unique: true, primary: false }] })]) },
  },
  {
    rule: "missing-index",
    bad: { expected: schemaOf([accounts({ indexes: [{ columns: ["a", "b"], unique: false, location: { file: ACCOUNTS, line: 7 } }] })]), actual: catalogOf([accountsRow({ indexes: [{ name: "IDX_x", columns: ["b", "a"], unique: false, primary: false }] })]) },
    object: "public.accounts(a, b)", line: 7,
    good: { expected: schemaOf([accounts({ indexes: [{ name: "IDX_generated", columns: ["a", "b"], unique: false }] })]), actual: catalogOf([accountsRow({ indexes: [{ name: "handwritten_name", columns: ["a", "b"], unique: false, primary: false }] })]) },
  },
  {
    rule: "missing-foreign-key",
    bad: { expected: schemaOf([accounts({ foreignKeys: [fk] })]), actual: catalogOf([accountsRow({ foreignKeys: [actualFk("NO ACTION")] })]) },
    object: "public.accounts(owner_id)", line: 40,
    good: { expected: schemaOf([accounts({ foreignKeys: [fk] })]), actual: catalogOf([accountsRow({ foreignKeys: [actualFk("CASCADE")] })]) },
  },
  {
    rule: "missing-check",
    bad: { expected: schemaOf([accounts({ checks: [{ expression: "CHECK ((id > 0))", location: { file: ACCOUNTS, line: 5 } }] })]), actual: catalogOf([accountsRow()]) },
    object: "public.accounts", line: 5,
    good: { expected: schemaOf([accounts({ checks: [{ expression: "CHECK ((id > 0))" }] })]), actual: catalogOf([accountsRow({ checks: [{ name: "any", definition: "CHECK ((id > 0))" }] })]) },
  },
  {
    rule: "missing-enum",
    bad: { expected: schemaOf([accounts({ columns: [col("id"), roleColumn] })], { enums: [roleEnum] }), actual: catalogOf([accountsRow()]) },
    object: "public.accounts_role_enum", line: 30,
    // When the table is missing too, missing-table says it all.
    good: { expected: schemaOf([accounts({ columns: [col("id"), roleColumn] })], { enums: [roleEnum] }), actual: catalogOf([]) },
  },
  {
    rule: "enum-values-mismatch",
    bad: { expected: schemaOf([accounts()], { enums: [roleEnum] }), actual: catalogOf([accountsRow()], { enums: [{ schema: "public", name: "accounts_role_enum", values: ["member"] }] }) },
    object: "public.accounts_role_enum", line: 30,
    good: { expected: schemaOf([accounts()], { enums: [roleEnum] }), actual: catalogOf([accountsRow()], { enums: [{ schema: "public", name: "accounts_role_enum", values: ["member", "admin"] }] }) },
  },
  {
    rule: "missing-view",
    bad: { expected: schemaOf([], { views: [{ schema: "public", name: "stats", materialized: true, entityName: "Stats", location: { file: "/p/src/stats.ts", line: 3 } }], schemas: ["public"] }), actual: catalogOf([actualTable("stats", { kind: "view" })]) },
    object: "public.stats", line: 3,
    good: { expected: schemaOf([], { views: [{ schema: "public", name: "stats", materialized: true, entityName: "Stats" }], schemas: ["public"] }), actual: catalogOf([actualTable("stats", { kind: "materialized-view" })]) },
  },
  {
    rule: "missing-schema",
    bad: { expected: schemaOf([accounts({ schema: "audit" })]), actual: catalogOf([]) },
    object: "audit", line: 5,
    good: { expected: schemaOf([accounts({ schema: "audit" })]), actual: catalogOf([], { schemas: ["public", "audit"] }) },
  },
  {
    rule: "extra-table",
    bad: { expected: schemaOf([]), actual: catalogOf([actualTable("legacy")]) },
    object: "public.legacy", line: 0,
    good: { expected: schemaOf([]), actual: catalogOf([actualTable("migrations")]) },
  },
  {
    rule: "extra-column",
    bad: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("legacy", { nullable: true })] })]) },
    object: "public.accounts.legacy", line: 5,
    // NOT NULL without a default is the harmful kind: extra-required-column's, not this rule's.
    good: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("legacy")] })]) },
  },
  {
    rule: "extra-required-column",
    bad: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("legacy")] })]) },
    object: "public.accounts.legacy", line: 5,
    good: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("legacy", { default: "0" })] })]) },
  },
  {
    rule: "extra-unique",
    // Left behind when the entity dropped unique: true: inserts the entity allows fail.
    bad: { expected: schemaOf([accounts({ columns: [col("id"), col("email")] })]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("email")], uniques: [{ name: "UQ_email", columns: ["email"] }] })]) },
    object: "public.accounts.UQ_email", line: 5,
    good: {
      expected: schemaOf([accounts({ columns: [col("id"), col("email")], uniques: [{ columns: ["email"] }] })]),
      actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("email")], indexes: [{ name: "UQ_email", columns: ["email"], unique: true, primary: false }] })]),
    },
  },
  {
    rule: "extra-check",
    bad: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow({ checks: [{ name: "CHK_id", definition: "CHECK ((id > 0))" }] })]) },
    object: "public.accounts.CHK_id", line: 5,
    good: { expected: schemaOf([accounts({ checks: [{ expression: `"id" > 0` }] })]), actual: catalogOf([accountsRow({ checks: [{ name: "CHK_id", definition: "CHECK ((id > 0))" }] })]) },
  },
  {
    rule: "missing-unused-column",
    // insert, update and select false: only queries naming it notice; never "ADD ... NOT NULL".
    bad: { expected: schemaOf([accounts({ columns: [col("id"), col("rank", { access: { insert: false, update: false, select: false } })] })]), actual: catalogOf([accountsRow()]) },
    object: "public.accounts.rank", line: 24,
    good: { expected: schemaOf([accounts({ columns: [col("id"), col("rank", { access: { insert: false, update: false, select: true } })] })]), actual: catalogOf([accountsRow()]) },
  },
  {
    rule: "unexplained-drift",
    bad: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow()]), oracle: { statements: [`COMMENT ON COLUMN "accounts"."id" IS 'the id'`] } },
    object: "public.accounts", line: 5,
    // TypeORM repeats default changes forever on columns the diff found equal: known noise.
    good: { expected: schemaOf([accounts()]), actual: catalogOf([accountsRow()]), oracle: { statements: [`ALTER TABLE "accounts" ALTER COLUMN "id" SET DEFAULT 1`] } },
  },
];

describe("each rule: a case that must produce it, at its line, and one that must not", () => {
  test("every rule that compares schemas has a case", () => {
    const covered = new Set(RULE_CASES.map((c) => c.rule));
    // Tested end to end where they happen: the journal rules in drizzle.test.ts, edited-migration in edited-migration.test.ts.
    const journal = ["unlisted-migration", "missing-migration-file", "duplicate-migration-number", "migration-out-of-order", "future-migration-timestamp", "snapshot-collision", "edited-migration"];
    // unregistered-migration and backdated-migration: real-project-fidelity.test.ts.
    // reached-outside and unguarded-subprocess: isolation.test.ts.
    // skipped-on-upgrade, upgrade-divergence, not-idempotent: upgrade-simulation.test.ts; unused-suppression: change-scope.test.ts;
    // irreversible-down, down-breaks-up: check-down.test.ts.
    const changeScoped = ["renamed-migration", "skipped-on-upgrade", "upgrade-divergence", "not-idempotent", "irreversible-down", "down-breaks-up", "unused-suppression"];
    // The deploy-check rules read a target database: deploy-check-drizzle/typeorm/safety.test.ts.
    const deploy = ["untracked-database", "unknown-applied-migration", "skipped-on-deploy", "edited-after-apply", "pending-migration-fails", "pending-migration-fails-on-data", "data-probe-skipped", "target-drift", "pending-migration"];
    const elsewhere = [...deploy, "migration-failed", "missing-table", "no-migrations", "blocked-connection", "reached-outside", "unguarded-subprocess", "unused-ignore", "unregistered-migration", "backdated-migration", ...journal, ...changeScoped];
    expect(RULES.map((rule) => rule.id).filter((id) => !covered.has(id) && !elsewhere.includes(id))).toEqual([]);
  });

  test.each(RULE_CASES)("$rule", ({ rule, bad, object, line, good }) => {
    const produced = evaluateRules(context(bad)).filter((f) => f.ruleId === rule);
    expect(produced.map((f) => ({ object: f.object, line: f.location?.line ?? 0 }))).toEqual([{ object, line }]);
    expect(produced[0]!.message.length).toBeGreaterThan(20);
    expect(produced[0]!.hint).toBeTruthy();
    expect(evaluateRules(context(good)).filter((f) => f.ruleId === rule)).toEqual([]);
  });
});

describe("rules", () => {
  test.each<[string, ContextInput, string[]]>([
    ["a table that exists is not missing", { actual: catalogOf([actualTable("shares")]) }, []],
    ["a table in another schema does not count", { actual: catalogOf([actualTable("shares", { schema: "archive" })], { schemas: ["public", "archive"] }) }, ["error missing-table public.shares", "notice extra-table archive.shares"]],
    ["a table no migration creates is missing", {}, ["error missing-table public.shares"]],
    [
      "a unique constraint the entity dropped is extra-unique; TypeORM's DROP CONSTRAINT for it is explained by that finding, not by another finding on the table",
      {
        expected: schemaOf([accounts({ columns: [col("id"), col("email"), col("nick")] })]),
        actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("email")], uniques: [{ name: "UQ_email", columns: ["email"] }] })]),
        oracle: { statements: [`ALTER TABLE "accounts" ADD "nick" integer NOT NULL`, `ALTER TABLE "accounts" DROP CONSTRAINT "UQ_email"`] },
      },
      ["error missing-column public.accounts.nick", "error extra-unique public.accounts.UQ_email"],
    ],
    [
      "TypeORM's CREATE SEQUENCE ... OWNED BY and DROP SEQUENCE belong to the column's default-mismatch",
      {
        expected: schemaOf([accounts({ columns: [col("id", { serial: true }), col("code")] })]),
        actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("code", { default: "nextval('accounts_code_seq'::regclass)" })] })]),
        oracle: {
          statements: [
            `CREATE SEQUENCE IF NOT EXISTS "public"."accounts_id_seq" OWNED BY "public"."accounts"."id"`,
            `ALTER TABLE "accounts" ALTER COLUMN "id" SET DEFAULT nextval('"public"."accounts_id_seq"')`,
            `ALTER TABLE "accounts" ALTER COLUMN "code" DROP DEFAULT`,
            `DROP SEQUENCE "public"."accounts_code_seq"`,
          ],
        },
      },
      ["error default-mismatch public.accounts.id", "error default-mismatch public.accounts.code"],
    ],
    [
      "a column the migrations name in snake_case is reported once, with the naming strategy as the likely cause",
      { expected: schemaOf([accounts({ columns: [col("id"), col("createdAt")] })]), actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("created_at")] })]) },
      ["error missing-column public.accounts.createdAt", "error extra-required-column public.accounts.created_at"],
    ],
    [
      "a table created by a migration that failed is blamed on that migration (grouped under it), not on 'no migration'",
      { migrations: [migration("Shares1700000000001", { status: "failed", createdTables: ["public.shares"], failure: { code: "42703", message: 'column "x" does not exist' } })] },
      ["error migration-failed Shares1700000000001", "error missing-table public.shares"],
    ],
    ["no migrations at all: every table missing, plus a warning", { migrations: [] }, ["error missing-table public.shares", "warning no-migrations undefined"]],
    ["a blocked connection is a warning", { actual: catalogOf([actualTable("shares")]), blockedConnections: [{ target: "db:5432", origin: "/p/src/ds.ts:4" }, { target: "db:5432" }] }, ["warning blocked-connection db:5432"]],
  ])("%s", (_name, overrides, expected) => {
    expect(summary(context(overrides))).toEqual(expected);
  });

  test("a cross-check that could not finish is a warning, never a silent pass", () => {
    const findings = evaluateRules(context({ actual: catalogOf([actualTable("shares")]), oracle: { error: "The run did not finish within 600 s" } }));
    expect(findings.map((f) => [f.severity, f.ruleId, f.message])).toEqual([["warning", "unexplained-drift", "TypeORM's schema builder could not run as a cross-check: The run did not finish within 600 s"]]);
  });

  test("join tables are named by their owning relation and located at it", () => {
    const [finding] = evaluateRules(context({ expected: schemaOf([bookTags]) }));
    expect(finding).toMatchObject({
      ruleId: "missing-table",
      message: "Join table public.book_tags_tag of Book.tags (many-to-many) has no CREATE TABLE migration.",
      location: { file: "/p/src/book.ts", line: 16 },
    });
  });

  test("a migration failing on a table nobody creates says which timestamp the fix needs", () => {
    const findings = evaluateRules(context({ migrations: [migration("Init1700000000000"), migration("Idx1740300000000", { status: "failed", failure: relationMissing("shares") })] }));
    const failed = findings.find((f) => f.ruleId === "migration-failed")!;
    expect(failed.location).toEqual({ file: "/p/src/migrations/Idx1740300000000.ts", line: 9 });
    expect(failed.hint).toBe("No migration creates public.shares, the table of entity Share (share.ts:6): only synchronize ever did. Add a CREATE TABLE migration with a timestamp earlier than 1740300000000.");
    const missing = findings.find((f) => f.ruleId === "missing-table")!;
    expect(missing.hint).toContain("with a timestamp before 1740300000000 (Idx1740300000000 already uses the table), e.g. 1740299999999-CreateShares");
  });

  test("a migration failing on a table created too late gets the ordering hint, not the missing-table one", () => {
    const findings = evaluateRules(
      context({
        actual: catalogOf([actualTable("shares")]),
        migrations: [migration("Idx1740300000000", { status: "failed", failure: relationMissing("shares") }), migration("Shares1740400000000", { createdTables: ["public.shares"], ranAfterFailure: true })],
      }),
    );
    expect(findings.map((f) => f.ruleId)).toEqual(["migration-failed"]);
    expect(findings[0]!.hint).toBe("The table does not exist when this migration runs: a migration with an earlier timestamp must create it.");
  });

  test("fingerprints are stable and differ per object", () => {
    const a = evaluateRules(context({}));
    const b = evaluateRules(context({}));
    const c = evaluateRules(context({ expected: schemaOf([bookTags]) }));
    expect(a[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(a[0]!.fingerprint).toBe(b[0]!.fingerprint);
    expect(c[0]!.fingerprint).not.toBe(a[0]!.fingerprint);
  });

  test("statements from template literals lose their blank lines and common indent", () => {
    expect(tidyStatement('\n        ALTER TABLE "t"\n          ADD CONSTRAINT "fk"\n      ')).toBe('ALTER TABLE "t"\n  ADD CONSTRAINT "fk"');
  });
});

describe("hints that name the real cause", () => {
  test("a missing-column storm from an unset naming strategy says so, per column", () => {
    const findings = evaluateRules(context({
      expected: schemaOf([accounts({ columns: [col("id"), col("createdAt"), col("fullName")] })]),
      actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("created_at"), actualCol("full_name")] })]),
    })).filter((f) => f.ruleId === "missing-column");
    expect(findings.map((f) => f.message).sort()).toEqual([
      expect.stringContaining('but the table has "created_at"'),
      expect.stringContaining('but the table has "full_name"'),
    ]);
    for (const f of findings) expect(f.hint).toContain("naming-strategy");
    // The unmapped twins follow from them.
    const all = evaluateRules(context({
      expected: schemaOf([accounts({ columns: [col("id"), col("createdAt")] })]),
      actual: catalogOf([accountsRow({ columns: [actualCol("id"), actualCol("created_at")] })]),
    }));
    expect(all.find((f) => f.ruleId === "extra-required-column")!.causedBy).toBe(all.find((f) => f.ruleId === "missing-column")!.fingerprint);
  });

  test("a column that is simply new gets the ADD COLUMN, not the naming story", () => {
    const [finding] = evaluateRules(context({ expected: schemaOf([accounts({ columns: [col("id"), col("email")] })]), actual: catalogOf([accountsRow()]) })).filter((f) => f.ruleId === "missing-column");
    expect(finding!.hint).toContain('ALTER TABLE "accounts" ADD "email" integer NOT NULL');
    expect(finding!.hint).not.toContain("naming");
  });
});

describe("real-project bugs (docs/real-projects.md), as rule cases", () => {
  const resume = expectedTable("resume", {
    entityName: "Resume",
    columns: [col("id"), col("name", { type: "character varying(256)", property: "Resume.name" }), col("userId", { nullable: true, property: "Resume.user" })],
    foreignKeys: [{ columns: ["userId"], referencedTable: { schema: "public", name: "user" }, referencedColumns: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" }],
  });
  const user = expectedTable("user", { entityName: "User", columns: [col("id")] });
  const failedTouching = migration("Notifications2000000000000", {
    status: "failed",
    failure: { code: "42P01", message: 'relation "user" does not exist', statementLine: 6 },
    touches: { columns: ["public.resume.userId"], alteredColumns: ["public.resume.name"], indexes: [], foreignKeys: ["public.resume(userId)"], names: ["FK_r_u"], dropped: [] },
  });

  test("findings about what a failed migration was changing follow from it (type it alters, foreign key it adds); an independent later failure does not", () => {
    const findings = evaluateRules(context({
      expected: schemaOf([resume, user]),
      actual: catalogOf([actualTable("resume", { columns: [actualCol("id"), actualCol("name", { type: "text" })] })]),
      migrations: [
        migration("Init1000000000000"),
        failedTouching,
        migration("Events3000000000000", { status: "failed", ranAfterFailure: true, failure: { code: "42P01", message: 'relation "repository_event" does not exist', statementLine: 4 } }),
      ],
    }));
    const root = findings.find((f) => f.object === "Notifications2000000000000")!;
    const by = (object: string) => findings.find((f) => f.object === object);
    expect(by("public.resume.name")).toMatchObject({ ruleId: "column-type-mismatch", causedBy: root.fingerprint });
    expect(by("public.resume(userId)")).toMatchObject({ ruleId: "missing-foreign-key", causedBy: root.fingerprint });
    expect(by("public.resume.name")!.hint).toContain("Fix Notifications2000000000000");
    expect(by("public.resume.userId")).toMatchObject({ ruleId: "missing-column", causedBy: root.fingerprint });
    // Nothing says repository_event comes from the earlier failure: its own root.
    expect(by("Events3000000000000")!.causedBy).toBeUndefined();
    expect(by("Events3000000000000")!.hint).toContain("It ran after an earlier failure");
  });

  test("a later failure on an index only an earlier failed migration creates goes under that one, not the first failure", () => {
    const findings = evaluateRules(context({
      expected: schemaOf([]),
      actual: catalogOf([]),
      migrations: [
        migration("First1000000000000", { status: "failed", failure: { code: "42601", message: "syntax error" }, touches: { columns: [], alteredColumns: [], indexes: [], foreignKeys: [], names: [], dropped: [] } }),
        migration("Notifications2000000000000", { status: "failed", ranAfterFailure: true, failure: { code: "42P07", message: "already exists" }, touches: { columns: [], alteredColumns: [], indexes: [], foreignKeys: [], names: ["IDX_notif_user"], dropped: [] } }),
        migration("LoginState3000000000000", { status: "failed", ranAfterFailure: true, failure: { code: "42704", message: 'index "IDX_notif_user" does not exist' } }),
      ],
    }));
    const parent = (name: string) => findings.find((f) => f.fingerprint === findings.find((g) => g.object === name)!.causedBy)?.object;
    expect(parent("LoginState3000000000000")).toBe("Notifications2000000000000");
    expect(parent("Notifications2000000000000")).toBeUndefined();
  });

  test("an extension the server lacks, or a PostGIS type, points at postgres-image or database-url", () => {
    const hint = (message: string, code: string) =>
      evaluateRules(context({ migrations: [migration("Geo1700000000000", { status: "failed", failure: { code, message } })] })).find((f) => f.ruleId === "migration-failed")!.hint!;
    expect(hint('extension "h3" is not available', "0A000")).toMatch(/no h3 extension.*postgres-image.*database-url/);
    expect(hint('type "geometry" does not exist', "42704")).toMatch(/postgis.*CREATE EXTENSION.*postgis\/postgis:17-3\.5/);
  });

  test("extra-unique's hint names properties, not columns", () => {
    const messages = expectedTable("message", { entityName: "Message", columns: [col("id"), col("message_hash", { property: "Message.messageHash" })] });
    const [finding] = evaluateRules(context({
      expected: schemaOf([messages]),
      actual: catalogOf([actualTable("message", { columns: [actualCol("id"), actualCol("message_hash")], uniques: [{ name: "UQ_hash", columns: ["message_hash"] }] })]),
    })).filter((f) => f.ruleId === "extra-unique");
    expect(finding!.hint).toContain('@Unique(["messageHash"])');
  });

  test("a DROP TYPE for an enum only a mismatching column uses is explained by that column's finding", () => {
    const job = expectedTable("job", { entityName: "Job", columns: [col("id"), col("status", { type: "character varying" })] });
    const findings = evaluateRules(context({
      expected: schemaOf([job]),
      actual: catalogOf([actualTable("job", { columns: [actualCol("id"), actualCol("status", { type: "public.statusEnum", enum: { schema: "public", name: "statusEnum" } })] })], { enums: [{ schema: "public", name: "statusEnum", values: ["A", "B"] }] }),
      oracle: { statements: [`ALTER TABLE "job" ALTER COLUMN "status" TYPE character varying`, `DROP TYPE "public"."statusEnum"`] },
    }));
    expect(findings.map((f) => f.ruleId)).toEqual(["column-type-mismatch"]);
  });

  test("a partial unique index where the entity declares a total one is one finding with both fixes, not also extra-unique", () => {
    const policy = expectedTable("policy", {
      entityName: "Policy",
      columns: [col("id"), col("phone")],
      indexes: [{ name: "IDX_POLICY_PHONE_UNIQUE", columns: ["phone"], unique: true, location: { file: ACCOUNTS, line: 9 } }],
    });
    const findings = evaluateRules(context({
      expected: schemaOf([policy]),
      actual: catalogOf([actualTable("policy", { columns: [actualCol("id"), actualCol("phone")], indexes: [{ name: "IDX_POLICY_PHONE_UNIQUE", columns: ["phone"], unique: true, primary: false, where: '("deletedAt" IS NULL)' }] })]),
    }));
    expect(findings.map((f) => f.ruleId)).toEqual(["missing-unique"]);
    expect(findings[0]!.message).toContain('where ("deletedAt" IS NULL)');
    expect(findings[0]!.hint).toMatch(/If the database is right, declare the same in the entity: @Index\("IDX_POLICY_PHONE_UNIQUE", \[\.\.\.\], \{ unique: true, where: .*If the code is right/);
  });

  test("Drizzle findings speak Drizzle", () => {
    const users = expectedTable("users", { kind: "table", entityName: "users", columns: [col("id"), col("bio", { nullable: true }), col("level", { default: "1" })] });
    const findings = evaluateRules(context({
      orm: "drizzle",
      expected: schemaOf([users]),
      actual: catalogOf([actualTable("users", { columns: [actualCol("id"), actualCol("bio"), actualCol("level", { default: "2" }), actualCol("legacy")] })]),
    }));
    const text = findings.map((f) => `${f.message} ${f.hint}`).join("\n");
    expect(text).not.toMatch(/entity|property|saving/i);
    expect(text).toContain(".notNull()");
    expect(text).toContain(".default()");
  });
});

describe("Drizzle failures", () => {
  test("a DROP TABLE on a table a failed migration creates follows from it, and a view it creates is blamed on it, in Drizzle words", () => {
    const report = expectedTable("report", { kind: "table", entityName: "report", columns: [col("id")] });
    const findings = evaluateRules(context({
      orm: "drizzle",
      expected: schemaOf([report], { views: [{ schema: "public", name: "v", materialized: false, entityName: "v", location: { file: ACCOUNTS, line: 30 } }] }),
      actual: catalogOf([]),
      migrations: [
        migration("0000_init", { status: "failed", failure: { code: "0A000", message: 'extension "vector" is not available' }, createdTables: ["public.a", "public.report"], touches: { columns: [], alteredColumns: [], indexes: [], foreignKeys: [], names: ["v"], dropped: [] } }),
        migration("0001_drop_a", { status: "failed", ranAfterFailure: true, failure: { code: "42P01", message: 'table "a" does not exist' } }),
        migration("0002_other", { status: "failed", ranAfterFailure: true, failure: { code: "42P01", message: 'relation "nowhere" does not exist' } }),
      ],
    }));
    const root = findings.find((f) => f.object === "0000_init")!;
    expect(findings.filter((f) => f.causedBy === root.fingerprint).map((f) => [f.ruleId, f.object]).sort()).toEqual([
      ["migration-failed", "0001_drop_a"],
      ["missing-table", "public.report"],
      ["missing-view", "public.v"],
    ]);
    expect(findings.find((f) => f.object === "0002_other")!.hint).toContain("an earlier migration must create it");
    expect(findings.find((f) => f.object === "0002_other")!.hint).not.toContain("timestamp");
  });
});

test("with no migration at all, every missing table follows from no-migrations (one cause, one fix)", () => {
  const findings = evaluateRules(context({ migrations: [] }));
  const root = findings.find((f) => f.ruleId === "no-migrations")!;
  expect(findings.find((f) => f.ruleId === "missing-table")!.causedBy).toBe(root.fingerprint);
});
