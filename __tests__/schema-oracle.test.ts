/**
 * The cross-check's shortcuts (catalog-snapshot.ts, table-path-memo.ts) must leave TypeORM's
 * verdict exactly as it is: for typeorm 0.2, 0.3 and 1.x, on a database built to exercise
 * what they touch (enums in two schemas, an enum whose labels were added out of order, enum
 * and text arrays, a table with drifted enum labels, a missing table), runSchemaOracle must
 * return the same SQL as TypeORM's own schema builder while sending fewer queries, and the
 * same SQL the slow way when the snapshot cannot be read.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { runSchemaOracle } from "../src/worker/typeorm/schema-oracle.js";
import type { DataSourceLike } from "../src/worker/typeorm/typeorm-types.js";
import type { ProvisionedDatabase } from "../src/postgres/provider.js";
import { FIXTURES, REPO } from "./helpers/paths.js";
import { startTestPostgres, withTestClient } from "./helpers/postgres.js";

const TYPEORMS = [
  ["0.3", path.join(REPO, "node_modules/typeorm")],
  ["0.2", path.join(FIXTURES, "typeorm02-cjs/node_modules/typeorm")],
  ["1.x", path.join(FIXTURES, "typeorm1-esm/node_modules/typeorm")],
] as const;

const SETUP = `
  CREATE SCHEMA billing;
  CREATE TYPE "public"."order_status" AS ENUM ('new', 'paid');
  ALTER TYPE "public"."order_status" ADD VALUE 'draft' BEFORE 'new';
  CREATE TYPE "billing"."invoice_kind" AS ENUM ('one_off', 'monthly', 'yearly');
  CREATE TYPE "public"."ticket_level_enum" AS ENUM ('low', 'high');
  CREATE TABLE "order" ("id" SERIAL PRIMARY KEY, "status" "public"."order_status" NOT NULL DEFAULT 'new', "history" "public"."order_status"[] NOT NULL DEFAULT '{}', "tags" text[] NOT NULL DEFAULT '{}');
  CREATE TABLE "billing"."invoice" ("id" SERIAL PRIMARY KEY, "kind" "billing"."invoice_kind" NOT NULL, "codes" integer[]);
  CREATE TABLE "ticket" ("id" SERIAL PRIMARY KEY, "level" "public"."ticket_level_enum" NOT NULL);
`;

function entities(typeorm: { EntitySchema: new (options: object) => unknown }): unknown[] {
  return [
    new typeorm.EntitySchema({
      name: "Order",
      tableName: "order",
      columns: {
        id: { type: Number, primary: true, generated: "increment" },
        status: { type: "enum", enum: ["draft", "new", "paid"], enumName: "order_status", default: "new" },
        history: { type: "enum", enum: ["draft", "new", "paid"], enumName: "order_status", array: true, default: () => "'{}'" },
        tags: { type: "text", array: true, default: () => "'{}'" },
      },
    }),
    new typeorm.EntitySchema({
      name: "Invoice",
      tableName: "invoice",
      schema: "billing",
      columns: {
        id: { type: Number, primary: true, generated: "increment" },
        kind: { type: "enum", enum: ["one_off", "monthly", "yearly"], enumName: "invoice_kind" },
        codes: { type: "int", array: true, nullable: true },
      },
    }),
    // Drifted: the database has low/high, the entity adds "urgent".
    new typeorm.EntitySchema({
      name: "Ticket",
      tableName: "ticket",
      columns: { id: { type: Number, primary: true, generated: "increment" }, level: { type: "enum", enum: ["low", "high", "urgent"] } },
    }),
    // Missing: no table at all.
    new typeorm.EntitySchema({
      name: "Share",
      tableName: "share",
      columns: { id: { type: Number, primary: true, generated: "increment" }, role: { type: "enum", enum: ["viewer", "editor"] }, labels: { type: "varchar", array: true } },
    }),
  ];
}

let server: ProvisionedDatabase;
beforeAll(async () => {
  server = await startTestPostgres();
  await withTestClient(server, { database: "postgres", applicationName: "schema-oracle-test" }, (client) => client.query(SETUP));
}, 120_000);
afterAll(async () => {
  await server?.dispose();
});

describe.each(TYPEORMS)("the cross-check on typeorm %s", (_label, dir) => {
  test("gives TypeORM's own SQL, with far fewer queries", async () => {
    const typeorm = createRequire(path.join(dir, "package.json"))("./index.js") as {
      DataSource?: new (options: object) => DataSourceLike;
      Connection: new (options: object) => DataSourceLike & { connect(): Promise<unknown>; close(): Promise<void> };
      EntitySchema: new (options: object) => unknown;
    };
    // 0.2 has Connection (connect, close) where later ones have DataSource (initialize, destroy).
    const DataSource = typeorm.DataSource ?? typeorm.Connection;
    let queries = 0;
    const logger = { logQuery: () => void queries++, logQueryError: () => undefined, logQuerySlow: () => undefined, logSchemaBuild: () => undefined, logMigration: () => undefined, log: () => undefined };
    const { host, port, user, password } = server.connection;
    const dataSource = new DataSource({ type: "postgres", host, port, username: user, password, database: "postgres", entities: entities(typeorm), logging: true, logger });
    const legacy = dataSource as unknown as { connect?: () => Promise<unknown>; close?: () => Promise<void> };
    await (typeorm.DataSource ? dataSource.initialize() : legacy.connect!());
    try {
      queries = 0;
      const own = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
      const ownQueries = queries;
      queries = 0;
      const oracle = await runSchemaOracle(dataSource);
      expect(oracle).toEqual({ statements: own });
      // It saw the drift and the missing table, so the comparison means something.
      expect(own.some((sql) => sql.includes('CREATE TABLE "share"'))).toBe(true);
      expect(own.some((sql) => sql.includes("urgent"))).toBe(true);
      // Two queries per enum or array column (six on the existing tables) answered from two snapshot reads.
      expect(queries).toBe(ownQueries - 2 * 6 + 2);

      // When the snapshot cannot be read, every query goes to Postgres as before: the same SQL.
      const source = dataSource as unknown as { createQueryRunner: (...args: unknown[]) => { query: (sql: string, ...rest: unknown[]) => Promise<unknown> } };
      const create = source.createQueryRunner;
      source.createQueryRunner = function (this: unknown, ...args: unknown[]) {
        const runner = create.apply(this, args);
        const query = runner.query;
        runner.query = function (this: unknown, sql: string, ...rest: unknown[]) {
          if (sql.startsWith('SELECT "table_schema", "table_name", "column_name", "udt_schema"')) return Promise.reject(new Error("permission denied for view columns"));
          return query.call(this, sql, ...rest);
        };
        return runner;
      };
      queries = 0;
      expect(await runSchemaOracle(dataSource)).toEqual({ statements: own });
      expect(queries).toBe(ownQueries);
      source.createQueryRunner = create;
    } finally {
      await (typeorm.DataSource ? dataSource.destroy() : legacy.close!());
    }
  }, 60_000);
});
