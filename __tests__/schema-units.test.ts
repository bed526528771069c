/** The pure pieces of the comparison: DDL statement targets and expression normalization. */
import { describe, expect, test } from "@jest/globals";
import { ddlTarget } from "../src/rules/ddl-target.js";
import { normalizeDefault, sameExpression } from "../src/schema/normalize.js";
import { isConstant } from "../src/schema/equal-defaults.js";
import { addedColumnsIn, createdIndexesIn } from "../src/worker/created-tables.js";
import { capStatement } from "../src/rules/migration-failed.js";

describe("what a TypeORM schema-builder statement is about", () => {
  test.each<[string, ReturnType<typeof ddlTarget>]>([
    [`CREATE TABLE "catalog"."tags" ("id" SERIAL NOT NULL)`, { kind: "table", table: "catalog.tags" }],
    [`ALTER TABLE "accounts" ADD "email" character varying NOT NULL`, { kind: "column", table: "public.accounts", column: "email", action: "add" }],
    [`ALTER TABLE "audit"."type_zoo" DROP COLUMN "doubled"`, { kind: "column", table: "audit.type_zoo", column: "doubled", action: "drop" }],
    [`ALTER TABLE "accounts" ALTER COLUMN "level" SET DEFAULT 1`, { kind: "column", table: "public.accounts", column: "level", action: "alter" }],
    [`COMMENT ON COLUMN "posts"."title" IS NULL`, { kind: "column", table: "public.posts", column: "title", action: "comment" }],
    [
      `ALTER TABLE "posts" ADD CONSTRAINT "FK_1" FOREIGN KEY ("author_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      { kind: "add-constraint", table: "public.posts", name: "FK_1", type: "FOREIGN KEY", columns: ["author_id"], referenced: "public.accounts" },
    ],
    [`ALTER TABLE "accounts" ADD CONSTRAINT "UQ_1" UNIQUE ("handle", "team")`, { kind: "add-constraint", table: "public.accounts", name: "UQ_1", type: "UNIQUE", columns: ["handle", "team"] }],
    [`ALTER TABLE "accounts" DROP CONSTRAINT "UQ_1"`, { kind: "drop-constraint", table: "public.accounts", name: "UQ_1" }],
    [`CREATE UNIQUE INDEX "IDX_1" ON "catalog"."tags" ("name") `, { kind: "create-index", table: "catalog.tags", name: "IDX_1", unique: true, columns: ["name"] }],
    [`CREATE INDEX "IDX_2" ON "posts"  ("author_id", "publishedAt") WHERE "archived" = false`, { kind: "create-index", table: "public.posts", name: "IDX_2", unique: false, columns: ["author_id", "publishedAt"] }],
    [`DROP INDEX "public"."IDX_2"`, { kind: "drop-index", schema: "public", name: "IDX_2" }],
    [`ALTER TYPE "public"."accounts_status_enum" RENAME TO "accounts_status_enum_old"`, { kind: "enum", name: "public.accounts_status_enum" }],
    [`DROP TYPE "public"."accounts_status_enum_old"`, { kind: "enum", name: "public.accounts_status_enum" }],
    [`CREATE MATERIALIZED VIEW "catalog"."tag_usage" AS SELECT 1`, { kind: "view", name: "catalog.tag_usage" }],
    [`CREATE SCHEMA IF NOT EXISTS "audit"`, { kind: "schema", name: "audit" }],
    [`INSERT INTO "typeorm_metadata"("database") VALUES ($1)`, { kind: "bookkeeping" }],
    [
      `CREATE SEQUENCE IF NOT EXISTS "public"."accounts_id_seq" OWNED BY "public"."accounts"."id"`,
      { kind: "sequence", schema: "public", name: "accounts_id_seq", owner: { table: "public.accounts", column: "id" } },
    ],
    [`DROP SEQUENCE "public"."accounts_id_seq"`, { kind: "sequence", schema: "public", name: "accounts_id_seq" }],
    [`GRANT SELECT ON "posts" TO reporting`, { kind: "unknown" }],
  ])("%s", (statement, target) => {
    expect(ddlTarget(statement)).toEqual(target);
  });
});

describe("default expressions that mean the same", () => {
  test.each<[string, string]>([
    ["uuid_generate_v4()", "gen_random_uuid()"],
    ["CURRENT_TIMESTAMP", "now()"],
    ["('now'::text)::timestamp(3) with time zone", "CURRENT_TIMESTAMP(3)"],
    ["(now() AT TIME ZONE 'utc'::text)", "timezone('utc'::text, now())"],
    ["nextval('accounts_id_seq'::regclass)", "nextval('\"Accounts_ID_seq\"'::regclass)"],
    ["((1))", "1"],
  ])("%s = %s", (a, b) => {
    expect(normalizeDefault(a)).toBe(normalizeDefault(b));
  });

  test.each<[string, string]>([
    ["true", "false"],
    ["'a'::text", "'b'::text"],
    ["(1) + (2)", "1 + 3"],
    ["now()", "CURRENT_TIMESTAMP(3)"],
  ])("%s differs from %s", (a, b) => {
    expect(normalizeDefault(a)).not.toBe(normalizeDefault(b));
  });

  test("expressions compare without needless quotes, parentheses or spacing", () => {
    expect(sameExpression(`CHECK (("wordCount" >= 0))`, `CHECK ((wordCount >= 0))`)).toBe(false); // camelCase needs its quotes
    expect(sameExpression(`("archived" = false)`, `archived = false`)).toBe(true);
    expect(sameExpression(`(a = 1)`, `(a = 2)`)).toBe(false);
  });
});

describe("defaults compared by value: only constants are evaluated", () => {
  test.each<[string, boolean]>([
    ["'0'::double precision", true],
    ["0", true],
    ["'{}'::integer[]", true],
    ["ARRAY[]::integer[]", true],
    ["'EVM'::character varying", true],
    ["'2020-01-01 00:00:00'::timestamp(3) without time zone", true],
    ["(-1)", true],
    ["now()", false],
    ["gen_random_uuid()", false],
    ["nextval('x_seq'::regclass)", false],
    ["'a'::text || current_user", false],
    ["0; DROP TABLE x", false],
  ])("%s: %s", (expression, constant) => {
    expect(isConstant(expression)).toBe(constant);
  });
});

describe("what a migration's SQL adds, for blaming a failed or unregistered migration", () => {
  test("columns added by ALTER TABLE ... ADD, several per statement, never constraints", () => {
    expect(addedColumnsIn(`ALTER TABLE "post" ADD "title" varchar NOT NULL, ADD COLUMN IF NOT EXISTS body text`)).toEqual(["public.post.title", "public.post.body"]);
    expect(addedColumnsIn(`ALTER TABLE "s"."post" ADD CONSTRAINT "FK_x" FOREIGN KEY ("a") REFERENCES "b"("id")`)).toEqual([]);
    expect(addedColumnsIn(`ALTER TABLE Post ADD Slug text`)).toEqual(["public.post.slug"]);
  });

  test("indexes and uniques, by table and sorted columns", () => {
    expect(createdIndexesIn(`CREATE UNIQUE INDEX "UQ_x" ON "shares" ("user_id", "document_id")`)).toEqual(["public.shares(document_id,user_id)"]);
    expect(createdIndexesIn(`ALTER TABLE "app"."t" ADD CONSTRAINT "UQ" UNIQUE ("a")`)).toEqual(["app.t(a)"]);
  });

  test("a 1,387-placeholder statement is shown by its start", () => {
    const long = `INSERT INTO "x" VALUES ${Array.from({ length: 1387 }, (_, i) => `($${i + 1})`).join(", ")}`;
    const capped = capStatement(long);
    expect(capped.length).toBeLessThan(1300);
    expect(capped).toMatch(/^INSERT INTO "x" VALUES \(\$1\)/);
    expect(capped).toMatch(/more characters\)$/);
    expect(capStatement("SELECT 1")).toBe("SELECT 1");
  });
});
