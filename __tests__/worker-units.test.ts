import { describe, expect, test } from "@jest/globals";
import { createdTablesIn } from "../src/worker/created-tables.js";
import { startupDatabase } from "../src/worker/net-guard.js";

describe("createdTablesIn", () => {
  test.each<[string, string[]]>([
    ['CREATE TABLE "shares" ("id" uuid)', ["public.shares"]],
    ['CREATE TABLE IF NOT EXISTS "billing"."Invoices" (id int)', ["billing.Invoices"]],
    ["create unlogged table Audit_Log (id int)", ["public.audit_log"]],
    ['CREATE TABLE a (id int); CREATE TABLE "s"."b" (id int)', ["public.a", "s.b"]],
    ['ALTER TABLE "shares" ADD "x" int', []],
    ["CREATE INDEX ON \"shares\" (x)", []],
    ['SELECT \'CREATE TABLE "fake"\'', []],
  ])("%s", (query, tables) => {
    expect(createdTablesIn(query)).toEqual(tables);
  });
});

describe("startupDatabase", () => {
  const startup = (params: Record<string, string>) => {
    const body = Buffer.from(Object.entries(params).flatMap(([k, v]) => [k, v]).join("\0") + "\0\0");
    const packet = Buffer.alloc(8 + body.length);
    packet.writeInt32BE(packet.length, 0);
    packet.writeInt32BE(196608, 4);
    body.copy(packet, 8);
    return packet;
  };

  test("reads the database of a protocol-3 startup packet", () => {
    expect(startupDatabase(startup({ user: "app", database: "production", client_encoding: "UTF8" }))).toBe("production");
  });
  test("defaults to the user name, as Postgres does", () => {
    expect(startupDatabase(startup({ user: "app" }))).toBe("app");
  });
  test("ignores SSL requests and ordinary messages", () => {
    const sslRequest = Buffer.alloc(8);
    sslRequest.writeInt32BE(8, 0);
    sslRequest.writeInt32BE(80877103, 4);
    expect(startupDatabase(sslRequest)).toBeUndefined();
    expect(startupDatabase(Buffer.from("Q\0\0\0\x0dSELECT 1\0"))).toBeUndefined();
  });
});
