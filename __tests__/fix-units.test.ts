/**
 * The pure parts of fix: the project's file-name style, idempotent DDL and its inverse, the
 * timestamp slot between what a fix needs and what needs it, and a patch git apply takes.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { makeIdempotent } from "../src/engine/fix/idempotent-ddl.js";
import { chooseTimestamps } from "../src/engine/fix/fix-timestamps.js";
import { readMigrationStyle } from "../src/engine/fix/typeorm-migration-file.js";
import type { FixGroup } from "../src/engine/fix/fix-plan.js";
import type { MigrationRecord } from "../src/engine/result.js";
import { formatFixPatch } from "../src/report/fix-patch.js";

const EMPTY = { tables: [], enums: [], schemas: [] };
const record = (name: string, file?: string): MigrationRecord => ({ name, timestamp: Number(name.slice(-13)), status: "applied", durationMs: 0, createdTables: [], ranAfterFailure: false, ...(file && { location: { file, line: 1 } }) });

describe("the project's file names", () => {
  test.each([
    ["1773939767393-queryOrder.ts", "1800000000000-addUsersColumns.ts"],
    ["1773939767393-QueryOrder.ts", "1800000000000-AddUsersColumns.ts"],
    ["1773939767393-query-order.ts", "1800000000000-add-users-columns.ts"],
    ["1773939767393_query_order.ts", "1800000000000_add_users_columns.ts"],
    ["QueryOrder1773939767393.ts", "AddUsersColumns1800000000000.ts"],
  ])("%s → %s", (existing, expected) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-style-"));
    try {
      fs.writeFileSync(path.join(dir, existing), `import { MigrationInterface, QueryRunner } from "typeorm";\nexport class QueryOrder1773939767393 implements MigrationInterface {\n  async up(q: QueryRunner) {}\n}\n`);
      const style = readMigrationStyle([record("QueryOrder1773939767393", path.join(dir, existing))], dir);
      expect(`${style.fileName(1800000000000, "AddUsersColumns")}${style.extension}`).toBe(expected);
      expect(style.runner).toBe("q");
      expect(style.nameProperty).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("idempotent DDL", () => {
  test.each([
    [`CREATE TABLE "shares" ("id" uuid NOT NULL)`, `CREATE TABLE IF NOT EXISTS "shares" ("id" uuid NOT NULL)`, `DROP TABLE IF EXISTS "shares"`],
    [`CREATE UNIQUE INDEX "IDX_a" ON "billing"."invoices" ("n")`, `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_a" ON "billing"."invoices" ("n")`, `DROP INDEX IF EXISTS "billing"."IDX_a"`],
    [`ALTER TABLE "users" ADD "nickname" character varying(40) NOT NULL DEFAULT 'anon'`, `ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "nickname" character varying(40) NOT NULL DEFAULT 'anon'`, `ALTER TABLE "users" DROP COLUMN IF EXISTS "nickname"`],
    [`ALTER TABLE "users" ALTER COLUMN "bio" SET NOT NULL`, `ALTER TABLE "users" ALTER COLUMN "bio" SET NOT NULL`, `ALTER TABLE "users" ALTER COLUMN "bio" DROP NOT NULL`],
    [`ALTER TABLE "users" ALTER COLUMN "bio" SET DEFAULT ''`, `ALTER TABLE "users" ALTER COLUMN "bio" SET DEFAULT ''`, `ALTER TABLE "users" ALTER COLUMN "bio" DROP DEFAULT`],
    [`CREATE SCHEMA "billing"`, `CREATE SCHEMA IF NOT EXISTS "billing"`, `DROP SCHEMA IF EXISTS "billing"`],
  ])("%s", (given, up, down) => {
    expect(makeIdempotent(given, EMPTY)).toEqual({ up, down });
  });

  test("constraints and types are looked up first, in a DO block", () => {
    const fk = makeIdempotent(`ALTER TABLE "posts" ADD CONSTRAINT "FK_x" FOREIGN KEY ("a") REFERENCES "users"("id")`, EMPTY)!;
    expect(fk.up).toBe(`DO $migration_gate$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'FK_x' AND conrelid = to_regclass('"posts"')) THEN ALTER TABLE "posts" ADD CONSTRAINT "FK_x" FOREIGN KEY ("a") REFERENCES "users"("id"); END IF; END $migration_gate$`);
    expect(fk.down).toBe(`ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "FK_x"`);
    const type = makeIdempotent(`CREATE TYPE "public"."role" AS ENUM('a', 'b')`, EMPTY)!;
    expect(type.up).toContain(`IF NOT EXISTS (SELECT 1 FROM pg_type WHERE oid = to_regtype('"public"."role"'))`);
    expect(type.down).toBe(`DROP TYPE IF EXISTS "public"."role"`);
  });

  test("a shape it does not know is refused, never passed through unguarded", () => {
    expect(makeIdempotent(`ALTER TABLE "users" RENAME COLUMN "a" TO "b"`, EMPTY)).toBeUndefined();
    expect(makeIdempotent(`ALTER TABLE "users" DROP COLUMN "a"`, EMPTY)).toBeUndefined();
  });
});

describe("timestamps", () => {
  const group = (over: Partial<FixGroup>): FixGroup => ({ title: "X", tables: [], up: [], down: [], closes: [], timestamp: 0, ...over });
  test("before the migration that needs it, after the one it needs; skipping taken slots", () => {
    const migrations = [record("Init1700000000000"), record("Uses1700000100000"), record("Taken1700000099999")];
    const g = group({ after: migrations[0], before: migrations[1] });
    chooseTimestamps([g], { migrations, now: 1800000000000 });
    expect(g.timestamp).toBe(1700000099998);
    expect(g.orderProblem).toBeUndefined();
  });
  test("no slot between them: it goes last and says why", () => {
    const migrations = [record("Init1700000000000"), record("Uses1700000000001")];
    const g = group({ after: migrations[0], before: migrations[1] });
    chooseTimestamps([g], { migrations, now: 1800000000000 });
    expect(g.timestamp).toBe(1800000000000);
    expect(g.orderProblem).toContain("cannot sort before Uses1700000000001");
  });
  test("nothing needs it: the clock's time, or after a migration from the future", () => {
    const g = group({});
    chooseTimestamps([g], { migrations: [record("Future1900000000000")], now: 1800000000000 });
    expect(g.timestamp).toBe(1900000000001);
  });
});

test("the patch applies with git apply, new files and a changed one", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mg-patch-"));
  try {
    execFileSync("git", ["init", "-q"], { cwd: dir });
    fs.mkdirSync(path.join(dir, "drizzle", "meta"), { recursive: true });
    fs.writeFileSync(path.join(dir, "drizzle/meta/_journal.json"), '{\n  "entries": []\n}\n');
    const patch = formatFixPatch(
      [
        { path: path.join(dir, "drizzle/0001_fix.sql"), content: 'CREATE TABLE IF NOT EXISTS "a" ("id" int);\n' },
        { path: path.join(dir, "drizzle/meta/_journal.json"), content: '{\n  "entries": [1]\n}\n', before: '{\n  "entries": []\n}\n' },
      ],
      dir,
    );
    execFileSync("git", ["apply", "-"], { cwd: dir, input: patch });
    expect(fs.readFileSync(path.join(dir, "drizzle/0001_fix.sql"), "utf8")).toBe('CREATE TABLE IF NOT EXISTS "a" ("id" int);\n');
    expect(fs.readFileSync(path.join(dir, "drizzle/meta/_journal.json"), "utf8")).toBe('{\n  "entries": [1]\n}\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
