/**
 * The worker starts while Postgres starts, and until it has loaded the project nothing else can
 * happen: whatever its entry point imports statically is compiled by every run, warm or cold.
 * TypeScript (10 MB: ts-morph's bundled copy, imported directly) is for cache misses only and is loaded by
 * dist/transformer.js when one happens. One value imported from a module that imports
 * TypeScript put it back on the startup path once (0.43 s a run); this keeps it off.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { DIST } from "./helpers/paths.js";

/** dist/<entry> and every chunk it imports statically, transitively. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(path.join(DIST, file), "utf8");
    // esbuild's chunk imports: `import ... from "./chunk-X.js"` and bare `import "./chunk-X.js"`; dynamic import() is not followed.
    for (const match of text.matchAll(/^(?:import\s[^;]*?from\s|import\s)"\.\/([^"]+\.js)";?$/gms)) visit(match[1]!);
  };
  visit(entry);
  return [...seen];
}

describe("what the worker loads before the project", () => {
  test("dist/worker.js reaches no TypeScript through its static imports, and stays small", () => {
    const files = staticGraph("worker.js");
    expect(files.length).toBeGreaterThan(1); // it does import chunks: the scan found them
    const withTypescript = files.filter((file) => fs.readFileSync(path.join(DIST, file), "utf8").includes("createSourceFile"));
    expect(withTypescript).toEqual([]);
    const bytes = files.reduce((sum, file) => sum + fs.statSync(path.join(DIST, file)).size, 0);
    expect(bytes).toBeLessThan(2_000_000);
  });

  test("dist/transformer.js, loaded on a cache miss, is where TypeScript is", () => {
    const files = staticGraph("transformer.js");
    expect(files.some((file) => fs.readFileSync(path.join(DIST, file), "utf8").includes("createSourceFile"))).toBe(true);
  });
});
