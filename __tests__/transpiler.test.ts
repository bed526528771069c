/**
 * The fast transpiler (issue 17): oxc-transform's native binding, found in our node_modules,
 * the per-machine cache, or fetched from the npm registry with its pinned integrity; TypeScript
 * where it cannot be had. The two must give the same verdict, file:line included.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { locateOxcBinding, OXC_VERSION } from "../src/engine/transpiler.js";
import { FIXTURES, REPO } from "./helpers/paths.js";
import { runCliJson } from "./helpers/run-cli.js";
import { tempProject } from "./helpers/temp-project.js";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mg-transpiler-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("package.json pins the oxc-transform the engine's integrity table is for", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  expect(pkg.dependencies["oxc-transform"]).toBe(OXC_VERSION);
});

describe("where the binding comes from", () => {
  test("fetched from the registry once, then from the cache, and it transforms", async () => {
    const cacheRoot = path.join(tmp, "cache");
    const first = await locateOxcBinding({ nodeModules: false, cacheRoot, registry: "https://registry.npmjs.org/" });
    expect(first.from).toMatch(/fetched from the npm registry into .* in \d+\.\d\d s/);
    expect(first.binding.startsWith(cacheRoot)).toBe(true);
    const second = await locateOxcBinding({ nodeModules: false, cacheRoot, registry: "http://127.0.0.1:9/" });
    expect(second).toEqual({ binding: first.binding, from: `native, cached in ${path.dirname(first.binding)}` });
    const oxc = (await import(first.binding)) as { transformSync(f: string, s: string, o: object): { code: string } };
    expect(oxc.transformSync("a.ts", "@d() class A { @p() x: number; }", { lang: "ts", decorator: { legacy: true, emitDecoratorMetadata: true } }).code).toContain('"design:type", Number');
  });

  test("a tarball that does not match the pinned integrity is refused, and nothing is cached", async () => {
    // A real package tarball, repacked: same files, other bytes.
    const triple = fs.readdirSync(path.join(REPO, "node_modules/@oxc-transform")).find((name) => name.startsWith("binding-"))!;
    const staging = path.join(tmp, "repack");
    fs.cpSync(path.join(REPO, "node_modules/@oxc-transform", triple), path.join(staging, "package"), { recursive: true });
    const tarball = path.join(tmp, "tampered.tgz");
    execFileSync("tar", ["czf", tarball, "-C", staging, "package"]);
    const server = http.createServer((_req, res) => res.end(fs.readFileSync(tarball)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const cacheRoot = path.join(tmp, "cache-tampered");
      const registry = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      await expect(locateOxcBinding({ nodeModules: false, cacheRoot, registry })).rejects.toThrow(/does not match its pinned integrity/);
      expect(fs.existsSync(path.join(cacheRoot, `oxc-transform-${OXC_VERSION}`))).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe("oxc and TypeScript give the same verdict", () => {
  test.each(["zoo", "typeorm1-esm"])("the %s fixture: same findings, same file:line, and the log says which ran", async (fixture) => {
    const project = tempProject({ from: path.join(FIXTURES, fixture), packages: ["typeorm", "pg", "reflect-metadata", "@types/node"] });
    try {
      const run = (transpiler: string) =>
        runCliJson(["check", "--data-source", "src/data-source.ts"], { cwd: project.dir, env: { MIGRATION_GATE_TRANSPILER: transpiler, MIGRATION_GATE_TRANSFORM_CACHE: "off" } });
      const oxc = await run("oxc");
      const typescript = await run("typescript");
      expect(oxc.stderr).toContain(`Transpiler: oxc-transform ${OXC_VERSION} (native, from node_modules)`);
      expect(typescript.stderr).toContain("Transpiler: TypeScript (MIGRATION_GATE_TRANSPILER=typescript)");
      const findings = (report: typeof oxc.report) => report.findings.map((f) => ({ rule: f.ruleId, object: f.object, location: f.location, message: f.message }));
      expect(findings(oxc.report)).toEqual(findings(typescript.report));
      const migrations = (report: typeof oxc.report) => report.migrations.map(({ durationMs: _, ...m }: { durationMs?: number } & (typeof report.migrations)[number]) => m);
      expect(migrations(oxc.report)).toEqual(migrations(typescript.report));
      expect(oxc.status).toBe(typescript.status);
      expect(oxc.report.entityCount).toBeGreaterThan(0);
    } finally {
      project.cleanup();
    }
  });
});

test("a failing migration is placed at its TypeScript line by both (oxc's two source maps composed)", async () => {
  const run = (transpiler: string) =>
    runCliJson(["check", "--data-source", "src/data-source.ts", "--working-directory", "examples/shares-incident"], { cwd: REPO, env: { MIGRATION_GATE_TRANSPILER: transpiler, MIGRATION_GATE_TRANSFORM_CACHE: "off" } });
  for (const transpiler of ["oxc", "typescript"]) {
    const { report } = await run(transpiler);
    const failed = report.findings.filter((f) => f.ruleId === "migration-failed");
    expect({ transpiler, locations: failed.map((f) => f.location) }).toEqual({ transpiler, locations: [{ file: "examples/shares-incident/src/migration/1740300000000-ShareUniquePerUser.ts", line: 9 }] });
  }
});
