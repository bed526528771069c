import { describe, expect, test } from "@jest/globals";
import type { MigrationRecord } from "../src/engine/result.js";
import { evaluateRules } from "../src/engine/evaluate-rules.js";
import { tidyStatement } from "../src/rules/migration-failed.js";
import type { RuleContext } from "../src/rules/rule.js";
import type { ExpectedTable } from "../src/schema/model.js";

const share: ExpectedTable = { schema: "public", name: "shares", kind: "entity", entityName: "Share", location: { file: "/p/src/share.ts", line: 6 } };
const bookTags: ExpectedTable = { schema: "public", name: "book_tags_tag", kind: "join-table", entityName: "Book", relation: "Book.tags", location: { file: "/p/src/book.ts", line: 16 } };

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

const context = (overrides: Partial<RuleContext>): RuleContext => ({
  expected: { tables: [share] },
  actual: { tables: [] },
  migrations: [migration("Init1700000000000")],
  migrationsOption: ["src/migrations/*.ts"],
  blockedConnections: [],
  ...overrides,
});

const summary = (ctx: RuleContext) => evaluateRules(ctx).map((f) => `${f.severity} ${f.ruleId} ${f.object}`);

describe("rules", () => {
  test.each<[string, Partial<RuleContext>, string[]]>([
    ["a table that exists is not missing", { actual: { tables: [{ schema: "public", name: "shares", kind: "table" }] } }, []],
    ["a table in another schema does not count", { actual: { tables: [{ schema: "archive", name: "shares", kind: "table" }] } }, ["error missing-table public.shares"]],
    ["a table no migration creates is missing", {}, ["error missing-table public.shares"]],
    [
      "a table created by a migration that failed later is not missing: the failure is the finding",
      { migrations: [migration("Shares1700000000001", { status: "failed", createdTables: ["public.shares"], failure: { code: "42703", message: 'column "x" does not exist' } })] },
      ["error migration-failed Shares1700000000001"],
    ],
    ["no migrations at all: every table missing, plus a warning", { migrations: [] }, ["error missing-table public.shares", "warning no-migrations undefined"]],
    ["a blocked connection is a warning", { actual: { tables: [{ schema: "public", name: "shares", kind: "table" }] }, blockedConnections: [{ target: "db:5432", origin: "/p/src/ds.ts:4" }, { target: "db:5432" }] }, ["warning blocked-connection db:5432"]],
  ])("%s", (_name, overrides, expected) => {
    expect(summary(context(overrides))).toEqual(expected);
  });

  test("join tables are named by their owning relation and located at it", () => {
    const [finding] = evaluateRules(context({ expected: { tables: [bookTags] } }));
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
        actual: { tables: [{ schema: "public", name: "shares", kind: "table" }] },
        migrations: [migration("Idx1740300000000", { status: "failed", failure: relationMissing("shares") }), migration("Shares1740400000000", { createdTables: ["public.shares"], ranAfterFailure: true })],
      }),
    );
    expect(findings.map((f) => f.ruleId)).toEqual(["migration-failed"]);
    expect(findings[0]!.hint).toBe("The table does not exist when this migration runs: a migration with an earlier timestamp must create it.");
  });

  test("fingerprints are stable and differ per object", () => {
    const a = evaluateRules(context({}));
    const b = evaluateRules(context({}));
    const c = evaluateRules(context({ expected: { tables: [bookTags] } }));
    expect(a[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(a[0]!.fingerprint).toBe(b[0]!.fingerprint);
    expect(c[0]!.fingerprint).not.toBe(a[0]!.fingerprint);
  });

  test("statements from template literals lose their blank lines and common indent", () => {
    expect(tidyStatement('\n        ALTER TABLE "t"\n          ADD CONSTRAINT "fk"\n      ')).toBe('ALTER TABLE "t"\n  ADD CONSTRAINT "fk"');
  });
});
