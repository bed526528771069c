import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { createdTablesIn } from "../src/worker/created-tables.js";
import { startupDatabase } from "../src/worker/net-guard.js";
import { withoutSourceMapComment } from "../src/worker/source-map-comment.js";
import { flushCacheWrites, STALE_STAGING_MS, writeCacheFile } from "../src/worker/cache-writes.js";

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

describe("withoutSourceMapComment", () => {
  test("drops the trailing comment of a dependency's module, keeping every line", () => {
    const code = 'exports.a = 1;\nthrow new Error("x");\n//# sourceMappingURL=index.js.map\n\n';
    const stripped = withoutSourceMapComment(code);
    expect(stripped).not.toContain("sourceMappingURL");
    expect(stripped.split("\n").slice(0, 2)).toEqual(code.split("\n").slice(0, 2));
  });

  test("leaves a module alone when the marker is not its last line", () => {
    const inString = 'const hint = "//# sourceMappingURL=x.map";\nmodule.exports = hint;\n';
    expect(withoutSourceMapComment(inString)).toBe(inString);
    expect(withoutSourceMapComment("module.exports = 1;\n")).toBe("module.exports = 1;\n");
  });
});

describe("cache writes", () => {
  test("the first write into a folder removes staging files a killed worker left, not one a live run may still rename", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mg-cache-writes-"));
    try {
      const stale = path.join(folder, "aa.js.111-0-1.tmp");
      const fresh = path.join(folder, "bb.js.222-0-1.tmp");
      fs.writeFileSync(stale, "torn");
      fs.writeFileSync(fresh, "being written");
      const old = new Date(Date.now() - STALE_STAGING_MS - 5_000);
      fs.utimesSync(stale, old, old);
      writeCacheFile(path.join(folder, "cc.js"), "done");
      await flushCacheWrites();
      expect(fs.readdirSync(folder).sort()).toEqual(["bb.js.222-0-1.tmp", "cc.js"]);
      expect(fs.readFileSync(path.join(folder, "cc.js"), "utf8")).toBe("done");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
