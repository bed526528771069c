// npm run bench:transpilers: the transpilers the worker can use, on the synthetic TypeORM
// projects' files, each sample a fresh process (module loading and, for oxc-fetch, the
// download into an empty cache counted): TypeScript, oxc's native binding fetched from the npm
// registry (what the action does on a fresh runner), and oxc's WASM build (what bundling it into
// dist/ would give). Not a test: it prints a table and writes bench/results/transpilers.{json,md}.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { OXC_VERSION } from "../src/engine/transpiler.js";
import { median } from "./measure.js";
import { generateSyntheticProject } from "./synthetic-project.js";

const repo = path.resolve(import.meta.dirname, "../..");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1] ?? 3) || 3;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "mg-bench-transpilers-"));

// The WASM build is not a dependency (npm refuses its wasm32 cpu field without --force): fetched here.
const wasmDir = path.join(work, "wasm");
const installStarted = Date.now();
execFileSync("npm", ["install", "--no-save", "--no-package-lock", "--force", "--no-audit", "--no-fund", "--prefix", wasmDir, `@oxc-transform/binding-wasm32-wasi@${OXC_VERSION}`], { stdio: "ignore" });
const wasmInstallMs = Date.now() - installStarted;
const wasmBinding = path.join(wasmDir, "node_modules/@oxc-transform/binding-wasm32-wasi/transform.wasi.cjs");
const wasmBytes = fs.statSync(path.join(path.dirname(wasmBinding), "transform.wasm32-wasi.wasm")).size;

interface Sample {
  files: number;
  kinds: Record<string, number>;
  locateMs: number;
  transformMs: number;
  processMs: number;
}
const sample = (mode: string, dir: string, cacheRoot: string): Sample => {
  const run = spawnSync(process.execPath, [path.join(repo, "bench/run-ts.mjs"), path.join(repo, "bench/transpile-files.ts"), mode, dir, cacheRoot, wasmBinding], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as Sample;
};

const rows: Array<Record<string, unknown>> = [];
try {
  for (const entities of [100, 500]) {
    const dir = path.join(work, `synthetic-${entities}`);
    generateSyntheticProject({ dir, entities, missing: 5, modulesFrom: path.join(repo, "node_modules"), packages: ["typeorm", "reflect-metadata"] });
    for (const mode of ["typescript", "oxc-fetch", "oxc-wasm"]) {
      // oxc-fetch: an empty cache each time, as on a fresh runner.
      const samples = Array.from({ length: runs }, (_, i) => sample(mode, dir, path.join(work, `cache-${entities}-${mode}-${i}`)));
      const kinds = samples[0]!.kinds;
      const row = {
        entities,
        files: samples[0]!.files,
        mode,
        kinds,
        locateMs: median(samples.map((s) => s.locateMs)),
        transformMs: median(samples.map((s) => s.transformMs)),
        totalMs: median(samples.map((s) => s.locateMs + s.transformMs)),
      };
      rows.push(row);
      process.stderr.write(`${JSON.stringify(row)}\n`);
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const result = { node: process.version, cores: os.cpus().length, runs, oxc: OXC_VERSION, wasmInstallMs, wasmBytes, rows };
fs.mkdirSync(path.join(repo, "bench/results"), { recursive: true });
fs.writeFileSync(path.join(repo, "bench/results/transpilers.json"), JSON.stringify(result, null, 2) + "\n");
const seconds = (ms: unknown) => `${((ms as number) / 1000).toFixed(3)} s`;
const md = [
  `Node ${process.version}, ${os.cpus().length} cores, oxc-transform ${OXC_VERSION}, medians of ${runs} fresh processes. Locate: finding or fetching the binding (oxc-fetch: download into an empty cache, integrity check, extraction); transform: loading dist/transformer.js (TypeScript's parser is still used for the sites and metadata corrections) and transforming every file. WASM build: ${(wasmBytes / 1e6).toFixed(1)} MB of .wasm (plus its runtime), which dist/ would have to carry.`,
  "",
  "| entities | files | transpiler | locate | transform | total | files taken by |",
  "|---|---|---|---|---|---|---|",
  ...rows.map((r) => `| ${r["entities"]} | ${r["files"]} | ${r["mode"]} | ${seconds(r["locateMs"])} | ${seconds(r["transformMs"])} | ${seconds(r["totalMs"])} | ${Object.entries(r["kinds"] as Record<string, number>).map(([k, v]) => `${k} ${v}`).join(", ")} |`),
  "",
].join("\n");
fs.writeFileSync(path.join(repo, "bench/results/transpilers.md"), md);
process.stdout.write(md);
